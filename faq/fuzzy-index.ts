// Typo tolerance: a visitor's word the FAQ never uses ("trakcing", "methds", "shpi") is
// corrected to the FAQ word it was meant to be, with a similarity the matcher weighs it by.
// Fuse.js is used where it is strong, one misspelt word against a vocabulary; the ranking stays
// with the lexical index. One Fuse index per first letter: typos rarely touch it, and a small
// index keeps a message with many unknown words fast.
import Fuse from 'fuse.js';

/** Fuse's score is 0 for a perfect match; beyond this a "correction" is usually another word. */
const FUSE_MAX_SCORE = 0.34;
/** Words shorter than this are not corrected: "cat" is one typo away from far too much. */
const MIN_LENGTH = 4;

export interface Correction {
  word: string;
  /** 0..1: how sure we are that this is the word meant. */
  similarity: number;
}

export interface TypoCorrector {
  correct(word: string): Correction | null;
}

export function createTypoCorrector(vocabulary: Iterable<string>): TypoCorrector {
  const known = new Set([...vocabulary].filter((w) => /^\p{L}+$/u.test(w)));
  const byInitial = new Map<string, string[]>();
  for (const w of known) {
    if (w.length < MIN_LENGTH - 1) continue;
    const list = byInitial.get(w[0]!) ?? [];
    list.push(w);
    byInitial.set(w[0]!, list);
  }
  const fuses = new Map<string, Fuse<string>>();
  const fuseFor = (initial: string) => {
    let f = fuses.get(initial);
    if (!f) {
      f = new Fuse(byInitial.get(initial) ?? [], { includeScore: true, ignoreLocation: true, threshold: FUSE_MAX_SCORE });
      fuses.set(initial, f);
    }
    return f;
  };

  return {
    correct(word) {
      if (known.has(word)) return { word, similarity: 1 };
      if (word.length < MIN_LENGTH || !/^\p{L}+$/u.test(word)) return null;
      // Two swapped letters ("lnog") cost Bitap two errors, too many for a short word: try them first.
      for (let i = 0; i < word.length - 1; i++) {
        const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
        if (known.has(swapped)) return { word: swapped, similarity: 0.85 };
      }
      const hit = fuseFor(word[0]!)
        .search(word, { limit: 5 })
        // Bitap alone would accept a word found inside a longer one ("ship" in "shipping").
        .filter((r) => Math.abs(r.item.length - word.length) <= 2)[0];
      if (!hit) return null;
      // Bitap finds "cook" inside "cooki(es)" with a perfect score: each letter of difference costs.
      const similarity = 1 - (hit.score ?? 1) - 0.1 * Math.abs(hit.item.length - word.length);
      return similarity > 0.5 ? { word: hit.item, similarity } : null;
    },
  };
}
