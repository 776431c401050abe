// Which built-in intents a merchant's entries answer. An entry names them (`intent`), or its own
// sentences say: each of its questions and phrasings, in every language the library covers, is
// ranked against the library's phrasings as if the library were a FAQ, and votes for its best
// intent with that intent's confidence. An intent goes to the entry that wants it most, and to
// one entry only: two entries of the same FAQ must not become the same entry.
import type { Lang } from '../../protocol/types.js';
import type { ConceptMap } from '../concepts.js';
import { createLangIndex, type LangIndex } from '../faq-index.js';
import { buildMemo } from '../build-memo.js';
import { rank } from '../rank.js';
import type { FaqCatalog, FaqEntry } from '../types.js';
import { intentPhrasings, type IntentId } from './index.js';

/**
 * The mean vote an intent needs from an entry's sentences. A sentence that is plainly about the
 * intent gives it 0.8–1; most sentences pointing elsewhere, or all of them unsure, is no link.
 */
const LINK_MIN = 0.35;
/**
 * An intent some entry's sentences point at this much is not one the FAQ ignores, even when it is
 * not linked: it must not be a foil (see faq-index.ts) against the entry that half says it.
 */
const CLAIM_MIN = 0.15;
/** How far ahead of the next entry an intent's first entry must be to get it (see linkIntents). */
const SPLIT_MARGIN = 0.2;
/** Sentences of an entry, per language, that vote. */
const SENTENCES_PER_LANGUAGE = 5;
/** Intents within this confidence of a sentence's best one share its vote: the library cannot tell them apart there. */
const TIE = 0.03;

export interface IntentLinks {
  /** entry id → the intents it answers (entries with none are absent). */
  links: Map<string, IntentId[]>;
  /** Every intent an entry answers or leans to (CLAIM_MIN). */
  claimed: Set<IntentId>;
}

export function linkIntents(catalog: FaqCatalog, concepts: (lang: Lang) => ConceptMap): IntentLinks {
  const links = new Map<string, IntentId[]>();
  const explicit = new Set<string>();
  for (const file of Object.values(catalog)) {
    for (const e of file.entries) {
      if (e.intent === undefined || explicit.has(e.id)) continue;
      explicit.add(e.id);
      links.set(e.id, [...(Array.isArray(e.intent) ? e.intent : [e.intent])] as IntentId[]);
    }
  }
  const taken = new Set([...links.values()].flat());

  const votes = new Map<string, Map<IntentId, number>>();
  const sentences = new Map<string, number>();
  for (const [lang, file] of Object.entries(catalog)) {
    const library = libraryIndex(lang, concepts(lang));
    if (!library) continue;
    // Every entry votes, those that name their intents too: what they lean to is claimed.
    for (const e of file.entries) {
      const mine = votes.get(e.id) ?? new Map<IntentId, number>();
      votes.set(e.id, mine);
      // The question and a few phrasings say what the entry is about; a rich entry's fortieth
      // phrasing adds time, not votes.
      for (const text of [e.question, ...e.phrasings].slice(0, SENTENCES_PER_LANGUAGE)) {
        sentences.set(e.id, (sentences.get(e.id) ?? 0) + 1);
        const ranked = rank(library, text, 5);
        const best = ranked[0];
        if (!best) continue;
        const tied = ranked.filter((c) => c.confidence >= best.confidence - TIE);
        for (const c of tied) mine.set(c.faqId as IntentId, (mine.get(c.faqId as IntentId) ?? 0) + c.confidence / tied.length);
      }
    }
  }
  const wants = [...votes].flatMap(([entryId, byIntent]) =>
    [...byIntent].map(([intent, sum]) => ({ entryId, intent, score: sum / (sentences.get(entryId) ?? 1) })),
  );
  // An intent that two entries want about as much is split finer by this FAQ than by the library
  // ("delivery options" against "delivery costs", "shipping abroad", "click and collect"): its
  // phrasings would pull the others' questions to whichever entry got it.
  const split = new Set<IntentId>();
  for (const intent of new Set(wants.map((w) => w.intent))) {
    const [first, second] = wants.filter((w) => w.intent === intent).sort((a, b) => b.score - a.score);
    if (first && second && second.score >= LINK_MIN && first.score - second.score < SPLIT_MARGIN) split.add(intent);
  }
  for (const { entryId, intent, score } of wants.sort((a, b) => b.score - a.score)) {
    if (score < LINK_MIN || taken.has(intent) || split.has(intent) || explicit.has(entryId)) continue;
    taken.add(intent);
    links.set(entryId, [...(links.get(entryId) ?? []), intent]);
  }
  const claimed = new Set([...taken, ...wants.filter((w) => w.score >= CLAIM_MIN).map((w) => w.intent)]);
  return { links, claimed };
}

/** The library of one language as a FAQ whose entries are the intents (undefined when it has none). */
export function libraryIndex(lang: Lang, concepts: ConceptMap): LangIndex | undefined {
  // The same for every site of a language and every reload of one (a FAQ edit).
  return libraryIndexes(concepts)(lang);
}

const libraryIndexes = buildMemo((concepts: ConceptMap) => {
  const byLang = new Map<Lang, LangIndex | undefined>();
  return (lang: Lang) => {
    if (!byLang.has(lang)) byLang.set(lang, buildLibraryIndex(lang, concepts));
    return byLang.get(lang);
  };
});

function buildLibraryIndex(lang: Lang, concepts: ConceptMap): LangIndex | undefined {
  const phrasings = intentPhrasings(lang);
  const entries: FaqEntry[] = Object.entries(phrasings)
    .filter(([, p]) => p && p.length > 0)
    .map(([id, p]) => ({ id, question: p![0]!, phrasings: [], keywords: [], answers: [] }));
  // The rest as library sentences: weighed by their spread, as in a site's index.
  const rest = (id: string) => phrasings[id as IntentId]?.slice(1) ?? [];
  return entries.length ? createLangIndex(entries, lang, { concepts, library: rest }) : undefined;
}
