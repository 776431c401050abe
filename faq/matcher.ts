// The FAQ matcher: the message is analysed once (analyzer.ts), then every entry gets component
// scores — keyword rules, BM25 rank (MiniSearch), how much of the message the entry explains,
// how much of its closest phrasing the message says — and one calibrated confidence 0..1 that
// also knows how much of the message the FAQ understands at all. Built once per site at start;
// match() is synchronous and takes well under a millisecond on a few hundred phrasings.
import type { Lang } from '../server/protocol/types.js';
import { combine, type Features } from './confidence.js';
import { createLangIndex, type LangIndex } from './faq-index.js';
import { DEFAULT_THRESHOLDS } from './decide.js';
import type { FaqCatalog, MatchCandidate, Matcher } from './types.js';

/** Kept for callers that only answer or hand off: DEFAULT_THRESHOLDS.answer. */
export const ANSWER_THRESHOLD = DEFAULT_THRESHOLDS.answer;

const MAX_CANDIDATES = 5;

export function createFaqMatcher(catalog: FaqCatalog): Matcher {
  const byLang = new Map<Lang, LangIndex>();
  for (const [lang, file] of Object.entries(catalog)) byLang.set(lang, createLangIndex(file.entries, lang));
  return {
    match(text, lang) {
      const index = byLang.get(lang);
      return index ? rank(index, text, MAX_CANDIDATES) : [];
    },
  };
}

/** Every entry that shares something with the message, best first. */
export function rank(index: LangIndex, text: string, limit = Infinity): MatchCandidate[] {
  return combine(score(index, text), limit);
}

/** Component scores of every entry that shares something with the message. */
export function score(index: LangIndex, text: string): { faqId: string; features: Features }[] {
  const query = index.query(text);
  const total = query.terms.reduce((sum, t) => sum + t.weight, 0);
  if (total === 0) return [];
  // How much of what the message is about the FAQ knows: its topical words against the words the
  // FAQ does not use (everyday words and names it happens to use say nothing either way).
  const topicalKnown = query.terms.reduce((sum, t) => sum + (t.topical ? t.weight : 0), 0);
  const unknown = query.terms.reduce((sum, t) => sum + (t.known ? 0 : t.weight), 0);
  const known = topicalKnown > 0 ? topicalKnown / (topicalKnown + unknown) : 0;
  const keywords = index.rules.match(query.tokens);
  const weightOf = new Map(query.terms.map((t) => [t.term, t.weight]));
  const similarityOf = new Map(query.terms.map((t) => [t.term, t.similarity]));
  const bm25 = index.lexical.search(
    query.terms.filter((t) => t.known).map((t) => t.term),
    (term) => weightOf.get(term) ?? 1,
  );
  const bestBm25 = Math.max(0, ...bm25.values());

  const scored: { faqId: string; features: Features }[] = [];
  for (const e of index.entries) {
    let covered = 0;
    let topical = 0;
    for (const t of query.terms) {
      if (!t.known || !e.terms.has(t.term)) continue;
      covered += t.weight;
      if (t.topical) topical += t.weight;
    }
    const keyword = keywords.get(e.id) ?? 0;
    if (covered === 0 && keyword === 0) continue;
    // How much of its closest phrasing the message says, each term weighted by rarity.
    let recall = 0;
    for (const s of e.sentences) {
      let said = 0;
      let all = 0;
      for (const term of s) {
        const w = index.idf(term);
        all += w;
        said += w * (similarityOf.get(term) ?? 0);
      }
      recall = Math.max(recall, said / all);
    }
    scored.push({
      faqId: e.id,
      features: {
        keyword,
        coverage: covered / total,
        // Two rare words' worth of match is plenty; everyday words, names and numbers add nothing.
        evidence: Math.min(1, topical / (2 * index.rareWeight)),
        recall,
        lexical: bestBm25 > 0 ? (bm25.get(e.id) ?? 0) / bestBm25 : 0,
        bm25: bm25.get(e.id) ?? 0,
        known,
      },
    });
  }
  return scored;
}
