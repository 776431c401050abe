// The fuzzy half of the matcher: how much of the visitor's text an entry's question, phrasings
// and keywords cover, word by word, tolerating typos. Fuse.js is used where it is strong — one
// misspelt word against the FAQ's vocabulary ("trakcing" → "tracking") — and the coverage
// scoring stays ours, because Fuse's whole-string Bitap score does not compare a long message
// with a short phrasing well.
import Fuse from 'fuse.js';
import type { Lang } from '../server/protocol/types.js';
import { contentTerms } from './text.js';
import type { FaqEntry } from './types.js';

/** Fuse's score is 0 for a perfect match; beyond this a "correction" is usually another word. */
const FUSE_MAX_SCORE = 0.34;
/** Words shorter than this are not corrected: "cat" is one typo away from far too much. */
const MIN_FUZZY_LENGTH = 4;

interface IndexedEntry {
  id: string;
  /** Every content term of the entry (question, phrasings, keywords). */
  all: Set<string>;
  /** Content terms of the question and of each phrasing, one set per sentence. */
  sentences: Set<string>[];
}

export interface FuzzyIndex {
  /** faqId → 0..1 (higher is better), only entries sharing at least one term with the text. */
  score(text: string): Map<string, number>;
}

export function createFuzzyIndex(entries: FaqEntry[], lang: Lang): FuzzyIndex {
  const indexed: IndexedEntry[] = entries.map((e) => {
    const sentences = [e.question, ...e.phrasings].map((s) => new Set(contentTerms(s, lang))).filter((s) => s.size > 0);
    const all = new Set([...sentences.flatMap((s) => [...s]), ...e.keywords.flatMap((k) => contentTerms(k, lang))]);
    return { id: e.id, all, sentences };
  });

  // Inverse document frequency over entries: "order" is in half the FAQ and says little.
  const df = new Map<string, number>();
  for (const e of indexed) for (const t of e.all) df.set(t, (df.get(t) ?? 0) + 1);
  const n = indexed.length;
  const idfOf = (count: number) => Math.log(1 + (n - count + 0.5) / (count + 0.5));
  const idf = (t: string) => idfOf(df.get(t) ?? 1);
  // A word the FAQ never uses weighs like the rarest known word: it is probably what the
  // message is really about ("paella", "cat"), so it must dilute the score.
  const unknownWeight = idfOf(1);

  const vocabulary = [...df.keys()];
  const fuse = new Fuse(vocabulary, { includeScore: true, ignoreLocation: true, threshold: FUSE_MAX_SCORE });

  /** The FAQ term a query term stands for, and how sure we are (1 - Fuse score). */
  function resolve(term: string): { term: string; similarity: number } | null {
    if (df.has(term)) return { term, similarity: 1 };
    if (term.length < MIN_FUZZY_LENGTH) return null;
    // Two swapped letters ("lnog") cost Bitap two errors, too many for a short word: try them first.
    for (let i = 1; i < term.length - 1; i++) {
      const swapped = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
      if (df.has(swapped)) return { term: swapped, similarity: 0.8 };
    }
    const hit = fuse
      .search(term, { limit: 5 })
      // Typos rarely touch the first letter or change the length much; Bitap alone would
      // accept a word found inside a longer one ("ship" inside "relationship").
      .filter((r) => r.item[0] === term[0] && Math.abs(r.item.length - term.length) <= 2)[0];
    // Bitap finds "cook" inside "cooki(es)" with a perfect score: each letter of difference costs.
    return hit ? { term: hit.item, similarity: 1 - (hit.score ?? 1) - 0.1 * Math.abs(hit.item.length - term.length) } : null;
  }

  return {
    score(text) {
      const found = new Map<string, number>(); // FAQ term → similarity
      let queryWeight = 0;
      for (const hit of contentTerms(text, lang).map(resolve)) {
        queryWeight += hit ? idf(hit.term) : unknownWeight;
        if (hit) found.set(hit.term, Math.max(found.get(hit.term) ?? 0, hit.similarity));
      }
      const scores = new Map<string, number>();
      if (found.size === 0) return scores;
      for (const e of indexed) {
        // How much of the message the entry explains…
        let covered = 0;
        for (const [t, sim] of found) if (e.all.has(t)) covered += idf(t) * sim;
        if (covered === 0) continue;
        // …and how much of its closest sentence the message says.
        let sentence = 0;
        for (const s of e.sentences) {
          let said = 0;
          let total = 0;
          for (const t of s) {
            total += idf(t);
            said += idf(t) * (found.get(t) ?? 0);
          }
          sentence = Math.max(sentence, said / total);
        }
        scores.set(e.id, 0.7 * (covered / queryWeight) + 0.3 * sentence);
      }
      return scores;
    },
  };
}
