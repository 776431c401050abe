// The FAQ matcher: the message is analysed once (analyzer.ts), then every entry gets component
// scores — keyword rules, BM25 rank (MiniSearch), how much of the message the entry explains,
// how much of its closest phrasing the message says — and one calibrated confidence 0..1 that
// also knows how much of the message the FAQ understands at all. Built once per site at start;
// match() is synchronous and takes well under a millisecond on a few hundred phrasings.
import { LRUCache } from 'lru-cache';
import type { Lang } from '../protocol/types.js';
import { analyze, type Token } from './analyzer.js';
import { conceptsFor, type ConceptMap } from './concepts.js';
import { createLangIndex, type LangIndex, type Query } from './faq-index.js';
import { rank, rankQuery } from './rank.js';
import { intentPhrasings, type IntentId } from './intents/index.js';
import { linkIntents } from './intents/link.js';
import type { LangVocabulary } from './vocabulary/types.js';
import { DEFAULT_THRESHOLDS } from './decide.js';
import type { FaqCatalog, MatchCandidate, Matcher } from './types.js';

/** Kept for callers that only answer or hand off: DEFAULT_THRESHOLDS.answer. */
export const ANSWER_THRESHOLD = DEFAULT_THRESHOLDS.answer;

const MAX_CANDIDATES = 5;
/** Id prefix of a foil (an unanswered built-in intent): no FAQ id can have it (loader: [a-z0-9-]). */
const FOIL = '~intent:';

export interface MatcherOptions {
  /**
   * Messages and analysed queries remembered per language (0: none). Shop questions repeat ("where
   * is my order 48213?" and "…51234?" analyse the same), and a remembered result is the same
   * result: the cache saves time, never changes an answer. A few KB per entry.
   */
  cacheSize?: number;
  /** The site's own vocabulary per language, on top of the built-in one (see concepts.ts). */
  vocabulary?: Record<Lang, LangVocabulary>;
  /**
   * Whether each language's entries are also indexed from the site's other languages (through
   * concepts): a thin French FAQ then also answers through the English phrasings. Default true.
   */
  crossLingual?: boolean;
  /**
   * Whether entries are linked to the built-in shop intents (faq/intents/) and answer their
   * phrasings too. Default true.
   */
  intents?: boolean;
  /**
   * Whether the library's intents that no entry answers are ranked too, so that a message they
   * explain better than any entry is stepped aside on (see faq-index.ts, `foils`). Default true.
   */
  foils?: boolean;
}

export function createFaqMatcher(catalog: FaqCatalog, { cacheSize = 2000, vocabulary = {}, crossLingual = true, intents = true, foils: useFoils = true }: MatcherOptions = {}): Matcher {
  const byLang = new Map<Lang, (text: string) => readonly MatchCandidate[]>();
  const concepts = new Map(Object.keys(catalog).map((lang) => [lang, conceptsFor(lang, vocabulary[lang])]));
  // Each language's sentences are read by the other languages' indexes too: analyse them once.
  const analyzed = new Map<string, Token[]>();
  const analyzeOther = (text: string, lang: Lang, map: ConceptMap) => {
    const key = `${lang}\u0000${text}`;
    let tokens = analyzed.get(key);
    if (!tokens) analyzed.set(key, (tokens = analyze(text, lang, map)));
    return tokens;
  };
  const { links, claimed } = intents ? linkIntents(catalog, (lang) => concepts.get(lang)!) : { links: new Map<string, IntentId[]>(), claimed: new Set<IntentId>() };
  for (const [lang, file] of Object.entries(catalog)) {
    const phrasings = intentPhrasings(lang);
    const library = (entryId: string) => (links.get(entryId) ?? []).flatMap((intent) => phrasings[intent] ?? []);
    const foils = intents && useFoils
      ? Object.entries(phrasings)
          .filter(([intent, p]) => !claimed.has(intent as IntentId) && p && p.length > 0)
          .map(([intent, [question, ...rest]]) => ({ id: `${FOIL}${intent}`, question: question!, phrasings: rest, keywords: [], answers: [] }))
      : [];
    const others = crossLingual
      ? Object.entries(catalog).filter(([l]) => l !== lang).map(([l, f]) => ({ lang: l, entries: f.entries, concepts: concepts.get(l)! }))
      : [];
    byLang.set(lang, cachedRank(createLangIndex(file.entries, lang, { concepts: concepts.get(lang)!, others, analyzeOther, library, foils }), cacheSize));
  }
  // match() shares this scope with analyzeOther: V8 would keep these analyses as long as the matcher.
  analyzed.clear();
  return {
    match(text, lang) {
      const rankOf = byLang.get(lang);
      return rankOf ? [...rankOf(text)] : [];
    },
  };
}

/**
 * rank() behind two caches: the exact text (skips the analysis too), then the analysed query
 * (everything score() reads of it), so greetings, case and order numbers still hit.
 */
function cachedRank(index: LangIndex, size: number): (text: string) => readonly MatchCandidate[] {
  if (size <= 0) return (text) => rank(index, text, MAX_CANDIDATES);
  const byText = new LRUCache<string, readonly MatchCandidate[]>({ max: size });
  const byQuery = new LRUCache<string, readonly MatchCandidate[]>({ max: size });
  return (text) => {
    const hit = byText.get(text);
    if (hit) return hit;
    const query = index.query(text);
    const key = queryKey(query);
    let result = byQuery.get(key);
    if (!result) {
      // Frozen: every caller shares it.
      result = Object.freeze(rankQuery(index, query, MAX_CANDIDATES).map((c) => Object.freeze({ ...c, scores: Object.freeze(c.scores) })));
      byQuery.set(key, result);
    }
    byText.set(text, result);
    return result;
  };
}

/** What score() reads of a query: the stems in order (keyword rules) and every term's fields. */
function queryKey(query: Query): string {
  const stems = query.tokens.map((t) => t.stem).join(' ');
  const terms = query.terms.map((t) => `${t.term}:${t.similarity}:${t.known ? 1 : 0}:${t.topical ? 1 : 0}:${t.weight}:${t.related?.join(',') ?? ''}`).join(' ');
  return `${stems}\u0000${terms}`;
}


export { rank, score } from './rank.js';
