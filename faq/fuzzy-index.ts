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
/** From this length a word may have two typos; shorter words, one. */
const LONG_WORD = 9;

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
      // A doubled letter typed once ("pase", "comande", "Bestelung") is the commonest typo of all,
      // and Fuse may rank a shorter word first ("pas" for "pase").
      for (let i = 0; i < word.length; i++) {
        const doubled = word.slice(0, i + 1) + word[i] + word.slice(i + 1);
        if (known.has(doubled)) return { word: doubled, similarity: 0.85 };
      }
      // Fuse finds the candidates; an edit distance decides, so that a real word the FAQ does not
      // use ("passiert", "states") is not taken for a typo of one it does ("passwort", "status").
      const maxEdits = word.length >= LONG_WORD ? 2 : 1;
      let best: Correction | null = null;
      let bestDistance = Infinity;
      for (const r of fuseFor(word[0]!).search(word, { limit: 8 })) {
        const d = editDistance(word, r.item);
        // At equal distance, a missed letter ("pase" for "passe", "factur") is the likelier typo
        // than an extra one: the longer word wins a tie.
        const better = d < bestDistance || (d === bestDistance && best !== null && r.item.length > best.word.length);
        if (d <= maxEdits && better) [best, bestDistance] = [{ word: r.item, similarity: 1 - (1.5 * d) / word.length }, d];
      }
      return best;
    },
  };
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
