// The FAQ matcher: keyword rules first, then the fuzzy coverage score, merged into one
// best-first list per message. Built once per site at start; match() is synchronous and cheap.
import type { Lang } from '../server/protocol/types.js';
import { createFuzzyIndex, type FuzzyIndex } from './fuzzy-index.js';
import { createKeywordRules, type KeywordRules } from './keyword-rules.js';
import type { FaqCatalog, MatchCandidate, Matcher } from './types.js';

/**
 * The bot answers when the best candidate reaches this, and hands off otherwise. A keyword hit
 * scores ≥ 0.82. Without one, real questions (typos and extra words included) scored 0.53–0.95
 * on the demo FAQ, while off-topic text that shares a word or two with it ("how long does it
 * take to cook pasta", "what is your favourite colour") stayed ≤ 0.49; unrelated text scores 0.
 * Calibrated on tests/faq/matcher.test.ts and demo-faq.test.ts: change it together with them.
 */
export const ANSWER_THRESHOLD = 0.52;

const MAX_CANDIDATES = 5;
/** Similarity alone never reaches certainty: a short phrasing can be fully "covered" by chance. */
const FUZZY_CEILING = 0.95;

export function createFaqMatcher(catalog: FaqCatalog): Matcher {
  const byLang = new Map<Lang, { rules: KeywordRules; fuzzy: FuzzyIndex }>();
  for (const [lang, file] of Object.entries(catalog)) {
    byLang.set(lang, { rules: createKeywordRules(file.entries, lang), fuzzy: createFuzzyIndex(file.entries, lang) });
  }

  return {
    match(text, lang) {
      const index = byLang.get(lang);
      if (!index) return [];
      const fuzzy = index.fuzzy.score(text);
      const best = new Map<string, MatchCandidate>();
      for (const [faqId, specificity] of index.rules.match(text)) {
        // A keyword hit is confident on its own; its entry's similarity orders two hits, and
        // puts a keyword hit above an equally similar entry without one.
        const similarity = fuzzy.get(faqId) ?? 0;
        const confidence = Math.min(0.99, Math.max(0.72 + 0.2 * specificity, FUZZY_CEILING * similarity) + 0.04 * similarity);
        best.set(faqId, { faqId, confidence, via: 'keyword' });
      }
      for (const [faqId, similarity] of fuzzy) {
        if (!best.has(faqId)) best.set(faqId, { faqId, confidence: FUZZY_CEILING * similarity, via: 'fuzzy' });
      }
      return [...best.values()]
        .map((c) => ({ ...c, confidence: round(c.confidence) }))
        .sort((a, b) => b.confidence - a.confidence)
        .slice(0, MAX_CANDIDATES);
    },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
