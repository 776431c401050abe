// Keyword rules: an entry's keywords (words or short phrases) found in the visitor's text point
// straight at it. A merchant's chosen keyword is a stronger signal than any similarity score,
// so a hit raises the entry's confidence; it does not decide alone (see matcher.ts).
import type { Lang } from '../protocol/types.js';
import { analyze, type Token } from './analyzer.js';
import type { ConceptMap } from './concepts.js';
import type { FaqEntry } from './types.js';

interface Rule {
  faqId: string;
  terms: string[];
  /** 0..1: longer phrases and keywords unique to one entry are more specific. */
  specificity: number;
}

export interface KeywordRules {
  /** faqId → combined specificity (0..1) of the entry's keywords found in the analysed text. */
  match(tokens: Token[]): Map<string, number>;
}

export function createKeywordRules(entries: FaqEntry[], lang: Lang, concepts?: ConceptMap): KeywordRules {
  // One rule per entry and stemmed phrase ("track" and "tracking" are the same rule). Stems, not
  // synonym groups: a merchant's keyword "expédiée" should not fire on every "livraison".
  const parsed = new Map<string, { faqId: string; key: string; parts: Token[] }>();
  for (const e of entries) {
    for (const k of e.keywords) {
      const parts = analyze(k, lang, concepts);
      const key = parts.map((p) => p.stem).join(' ');
      if (parts.some((p) => !p.stop)) parsed.set(`${e.id}|${key}`, { faqId: e.id, key, parts });
    }
  }
  // The same keyword on several entries says less about each of them.
  const owners = new Map<string, number>();
  for (const k of parsed.values()) owners.set(k.key, (owners.get(k.key) ?? 0) + 1);
  const rules: Rule[] = [...parsed.values()].map((k) => {
    // A stop word counts half: "where is my order" is more specific than "order", less than four nouns.
    const weight = k.parts.reduce((sum, p) => sum + (p.stop ? 0.5 : 1), 0);
    return { faqId: k.faqId, terms: k.parts.map((p) => p.stem), specificity: (1 - 0.5 ** weight) / owners.get(k.key)! };
  });

  return {
    match(tokens) {
      const seq = tokens.map((t) => t.stem);
      const missed = new Map<string, number>(); // faqId → product of (1 - specificity) of its hits
      for (const rule of rules) {
        if (!containsRun(seq, rule.terms)) continue;
        missed.set(rule.faqId, (missed.get(rule.faqId) ?? 1) * (1 - rule.specificity));
      }
      return new Map([...missed].map(([id, m]) => [id, 1 - m]));
    },
  };
}

function containsRun(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
