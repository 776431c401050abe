// The FAQ matcher: the message is analysed once (analyzer.ts), then every entry gets component
// scores — keyword rules, BM25 rank (MiniSearch), how much of the message the entry explains,
// how much of its closest phrasing the message says — and one calibrated confidence 0..1 that
// also knows how much of the message the FAQ understands at all. Built once per site at start;
// match() is synchronous and takes well under a millisecond on a few hundred phrasings.
import { LRUCache } from 'lru-cache';
import type { Lang } from '../protocol/types.js';
import { combine, type Features } from './confidence.js';
import { analyze, type Token } from './analyzer.js';
import { conceptsFor, type ConceptMap } from './concepts.js';
import { createLangIndex, type LangIndex, type Query } from './faq-index.js';
import type { LangVocabulary } from './vocabulary/types.js';
import { DEFAULT_THRESHOLDS } from './decide.js';
import type { FaqCatalog, MatchCandidate, Matcher } from './types.js';

/** Kept for callers that only answer or hand off: DEFAULT_THRESHOLDS.answer. */
export const ANSWER_THRESHOLD = DEFAULT_THRESHOLDS.answer;

const MAX_CANDIDATES = 5;

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
}

export function createFaqMatcher(catalog: FaqCatalog, { cacheSize = 2000, vocabulary = {}, crossLingual = true }: MatcherOptions = {}): Matcher {
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
  for (const [lang, file] of Object.entries(catalog)) {
    const others = crossLingual
      ? Object.entries(catalog).filter(([l]) => l !== lang).map(([l, f]) => ({ lang: l, entries: f.entries, concepts: concepts.get(l)! }))
      : [];
    byLang.set(lang, cachedRank(createLangIndex(file.entries, lang, { concepts: concepts.get(lang)!, others, analyzeOther }), cacheSize));
  }
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

/** Every entry that shares something with the message, best first. */
export function rank(index: LangIndex, text: string, limit = Infinity): MatchCandidate[] {
  return rankQuery(index, index.query(text), limit);
}

function rankQuery(index: LangIndex, query: Query, limit: number): MatchCandidate[] {
  return combine(scoreQuery(index, query), limit);
}

/** Component scores of every entry that shares something with the message. */
export function score(index: LangIndex, text: string): { faqId: string; features: Features }[] {
  return scoreQuery(index, index.query(text));
}

function scoreQuery(index: LangIndex, query: Query): { faqId: string; features: Features }[] {
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
  // A related concept counts as a weaker form of the message's own (see concept-relations.ts).
  for (const t of query.terms) {
    for (const [r, k] of t.related ?? []) {
      if ((similarityOf.get(r) ?? 0) < k * t.similarity) similarityOf.set(r, k * t.similarity);
      if (!weightOf.has(r) || (weightOf.get(r)! < k * t.weight && !query.terms.some((q) => q.term === r))) weightOf.set(r, k * t.weight);
    }
  }
  const bm25 = index.lexical.search(
    [...new Set(query.terms.filter((t) => t.known).flatMap((t) => [t.term, ...(t.related ?? []).map(([r]) => r)]))],
    (term) => weightOf.get(term) ?? 1,
  );
  const bestBm25 = Math.max(0, ...bm25.values());

  const scored: { faqId: string; features: Features }[] = [];
  for (const e of index.entries) {
    let covered = 0;
    let topical = 0;
    for (const t of query.terms) {
      if (!t.known) continue;
      let share = e.terms.has(t.term) ? 1 : 0;
      for (const [r, k] of t.related ?? []) if (share < k && e.terms.has(r)) share = k;
      covered += share * t.weight;
      if (t.topical) topical += share * t.weight;
    }
    const keyword = keywords.get(e.id) ?? 0;
    if (covered === 0 && keyword === 0) continue;
    // How much of its closest phrasing the message says, each term weighted by rarity.
    let recall = 0;
    let second = 0;
    e.sentences.forEach((s, i) => {
      let said = 0;
      let all = 0;
      for (const term of s) {
        const w = index.idf(term);
        all += w;
        said += w * (similarityOf.get(term) ?? 0);
      }
      const r = (e.sentenceWeights[i] ?? 1) * (said / all);
      if (r > recall) [recall, second] = [r, recall];
      else if (r > second) second = r;
    });
    scored.push({
      faqId: e.id,
      features: {
        keyword,
        coverage: covered / total,
        // Two rare words' worth of match is plenty; everyday words, names and numbers add nothing.
        evidence: Math.min(1, topical / (2 * index.rareWeight)),
        recall,
        support: second,
        lexical: bestBm25 > 0 ? (bm25.get(e.id) ?? 0) / bestBm25 : 0,
        bm25: bm25.get(e.id) ?? 0,
        known,
        phrasings: index.ownSentencesPerEntry,
      },
    });
  }
  return scored;
}
