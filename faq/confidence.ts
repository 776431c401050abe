// One confidence 0..1 from an entry's component scores. See the bench (bench/faq.ts) for how
// the weights and thresholds were chosen.
import type { MatchCandidate } from './types.js';

export interface Features {
  /** 0..1 keyword rules of the entry found in the message. */
  keyword: number;
  /** 0..1 share of the message's weighted terms the entry uses. */
  coverage: number;
  /** 0..1 share of the entry's closest phrasing the message says. */
  recall: number;
  /** 0..1 BM25 score relative to the best entry's. */
  lexical: number;
  /** Raw BM25 score (MiniSearch). */
  bm25: number;
  /** 0..1 share of the message's weighted terms the FAQ knows at all. */
  known: number;
  /** Gap between this entry's relevance and the next one's. */
  margin: number;
}

export function relevance(f: Features): number {
  return 0.4 * f.coverage + 0.3 * f.recall + 0.3 * f.lexical + 0.3 * f.keyword;
}

export function combine(scored: { faqId: string; features: Features }[]): MatchCandidate[] {
  const ranked = scored.map((s) => ({ ...s, relevance: relevance(s.features) })).sort((a, b) => b.relevance - a.relevance);
  return ranked.map((s, i) => {
    const next = ranked[i + 1]?.relevance ?? 0;
    const features = { ...s.features, margin: s.relevance - next };
    const confidence = s.relevance;
    return {
      faqId: s.faqId,
      confidence: round(Math.max(0, Math.min(1, confidence))),
      via: features.keyword > 0 ? 'keyword' : 'fuzzy',
      scores: roundAll({ relevance: s.relevance, ...features }),
    } as MatchCandidate;
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const roundAll = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)]));
