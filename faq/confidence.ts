// From an entry's component scores to its rank and one calibrated confidence 0..1 (the chance
// that it is the entry the visitor means). Relevance orders the entries; the confidence is a
// logistic model of the best entry's coverage of the message, its closest phrasing and the next
// closest (a second sentence agreeing), how much of the message the FAQ knows at all, and the
// margin over the next entry. Weights fitted with
// `npm run bench:faq -- <file> --calibrate` (two-fold cross-validation on the bench file).
import type { MatchCandidate } from './types.js';

export interface Features {
  /** 0..1 keyword rules of the entry found in the message. */
  keyword: number;
  /** 0..1 share of the message's weighted terms the entry uses. */
  coverage: number;
  /** 0..1 how much the entry's shared terms weigh, in absolute terms (two rare words = 1). */
  evidence: number;
  /** 0..1 share of the entry's closest phrasing the message says. */
  recall: number;
  /** 0..1 the closest phrasing's agreement with the message both ways (F1 of recall and its share of the message). */
  fit: number;
  /** 0..1 share of the entry's closest phrasing the merchant wrote in this language that the message says (`recall` without the other languages' and the library's). */
  own: number;
  /**
   * 0..1 share of the entry's SECOND closest phrasing the message says: a second sentence of the
   * entry (another phrasing, or the same question in another language of the site) agreeing.
   */
  support: number;
  /** 0..1 BM25 score (MiniSearch) relative to the best entry's. */
  lexical: number;
  /** Raw BM25 score. */
  bm25: number;
  /** 0..1 share of the message's weighted terms the FAQ knows at all: low means off-topic. */
  known: number;
  /** Sentences per entry in the message's language (the FAQ's shape, for decide()); not in the confidence. */
  phrasings: number;
}

export interface Scored {
  faqId: string;
  features: Features;
}

/**
 * Logistic weights, fitted on three FAQ shapes at once, each weighing the same
 * (`npm run bench:faq:calibrate`: a thin multilingual FAQ, a rich English one, the same with 4
 * phrasings per entry held out; figures in docs/2026-12-06-faq-multilingual.md). `keyword` is not
 * measurable there (the bench FAQs have no keywords).
 */
export const CALIBRATION = {
  bias: -9.21,
  coverage: 1.82,
  recall: 1.88,
  known: 1.23,
  evidence: 1.02,
  margin: 2.32,
  relevance: 1.99,
  support: 2.4,
  fit: 1.71,
  /** Not measurable on the bench (its FAQ has no keywords): a hit counts like a strong phrasing match. */
  keyword: 2.5,
};

/**
 * Whether the message is plausibly about this entry at all, for offering it as a button or
 * stepping aside: the confidence's model without `support`. A second phrasing agreeing says
 * WHICH entry is meant, not whether the FAQ covers the message: with it in the gate, off-topic
 * messages that happen to meet two sentences of one entry got buttons (out-of-scope step-aside on
 * the held-out multilingual file fell from 91 % to 90 %, German to 88 %). Fitted on the same three
 * FAQ shapes before `support` existed (docs/2026-12-06-faq-multilingual.md).
 */
export const PLAUSIBILITY = {
  bias: -8.8,
  coverage: 1.71,
  recall: 3.07,
  known: 1.22,
  evidence: 1.01,
  margin: 2.41,
  relevance: 2.32,
  support: 0,
  fit: 2.03,
  keyword: 2.5,
};

/** A lone candidate's margin is its whole relevance: past this, a bigger gap says nothing more. */
const MARGIN_CAP = 0.4;

export function relevance(f: Features): number {
  // Evidence (how much the shared terms weigh) ranks better than BM25 relative to the best entry,
  // on thin FAQs and rich ones alike (docs/2026-12-06-faq-multilingual.md).
  return 0.4 * f.coverage + 0.2 * f.recall + 0.4 * f.fit + 0.2 * f.evidence + 0.3 * f.keyword;
}

export function confidenceOf(f: Features & { margin: number; relevance: number }, c = CALIBRATION): number {
  const z =
    c.bias + c.coverage * f.coverage + c.recall * f.recall + c.known * f.known + c.evidence * f.evidence + c.margin * f.margin +
    c.relevance * f.relevance + c.support * f.support + c.fit * f.fit + c.keyword * f.keyword;
  return 1 / (1 + Math.exp(-z));
}

/** The `limit` most confident candidates, best first, each with its component scores. */
export function combine(scored: Scored[], limit = Infinity): MatchCandidate[] {
  const ranked = scored.map((s) => ({ ...s, relevance: relevance(s.features) })).sort((a, b) => b.relevance - a.relevance);
  return ranked
    .map((s, i) => {
      // How far ahead of the best other entry (negative for all but the first).
      const other = i === 0 ? (ranked[1]?.relevance ?? 0) : ranked[0]!.relevance;
      const features = { ...s.features, margin: Math.min(MARGIN_CAP, s.relevance - other), relevance: s.relevance };
      return { s, features: { ...features, plausibility: confidenceOf(features, PLAUSIBILITY) }, confidence: confidenceOf(features) };
    })
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, limit)
    .map(({ s, features, confidence }) => ({
      faqId: s.faqId,
      confidence: round(confidence),
      via: features.keyword > 0 ? 'keyword' : 'fuzzy',
      scores: roundAll(features),
    }));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const roundAll = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)]));
