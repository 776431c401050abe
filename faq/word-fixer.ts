// Visitors' spelling, fixed word by word before the analysis proper: a word the FAQ and the
// lexicon do not know is a mistyped little word ("hwat", "acn" — dropped), two words typed as
// one ("touchwith", "uhelp" — split), or a typo of a known word ("lnog", "delivry", "methds" —
// corrected, with a similarity the matcher weighs it by). Fixing words first lets the
// expressions and keywords of the analysis meet ("how lnog" is "how long", a duration).
import type { Lang } from '../protocol/types.js';
import { commonWordMistyped, isEntityOrNumber, isEverydayWord, isIgnoredWord } from './analyzer.js';
import { createTypoCorrector } from './fuzzy-index.js';

export interface FixedWords {
  words: string[];
  /** Corrected word → how sure the correction is (0..1). Words not listed are as typed. */
  similarity: Map<string, number>;
}

export interface WordFixer {
  /** `names`: words written with a capital inside a sentence ("México"): never corrected. */
  fix(words: string[], names?: Set<string>): FixedWords;
}

/**
 * `knows(word)`: the word needs no fixing (the FAQ or the lexicon uses it). `vocabulary`: the
 * words a typo may be corrected into.
 */
export function createWordFixer(lang: Lang, knows: (word: string) => boolean, vocabulary: Iterable<string>): WordFixer {
  const corrector = createTypoCorrector(vocabulary);
  const fine = (w: string) => isEntityOrNumber(w) || w.length < 2 || isIgnoredWord(w, lang) || isEverydayWord(w, lang) || knows(w);

  /** The two words of a word typed without its space, when both are words we know. */
  function splitJoined(word: string): [string, string] | null {
    if (word.length < 5 || !/^\p{L}+$/u.test(word)) return null;
    const ok = (w: string) => (w.length >= 3 ? fine(w) : isIgnoredWord(w, lang));
    for (let i = 1; i < word.length - 1; i++) {
      const [a, b] = [word.slice(0, i), word.slice(i)];
      if (ok(a) && ok(b)) return [a, b];
    }
    return null;
  }

  return {
    fix(words, names = new Set()) {
      const out: string[] = [];
      const similarity = new Map<string, number>();
      for (const w of words) {
        if (fine(w)) {
          out.push(w);
          continue;
        }
        // German typed without umlauts: "zuruecksetzen", "Rueckerstattung", "moechte" (the
        // normaliser already folds "ü" to "u"; only an unknown word is tried, "neue" stays).
        const umlaut = lang === 'de' ? w.replace(/([aou])e/g, '$1') : w;
        if (umlaut !== w && fine(umlaut)) {
          out.push(umlaut);
          continue;
        }
        // "hwat", "acn", "wher": a short unknown word is usually a mistyped little word.
        // …unless it is a sure typo of a word we know ("pase" is "passe" with a letter doubled).
        const sure = w.length <= 4 && !names.has(w) ? corrector.correct(w) : null;
        if (sure && sure.similarity >= 0.85 && sure.word !== w) {
          out.push(sure.word);
          similarity.set(sure.word, Math.min(similarity.get(sure.word) ?? 1, sure.similarity));
          continue;
        }
        const little = w.length <= 4 ? commonWordMistyped(w, lang) : null;
        if (little) {
          out.push(little);
          continue;
        }
        const pair = splitJoined(w);
        if (pair) {
          out.push(...pair);
          continue;
        }
        // A name is not a typo ("México" is not "método"); German capitalises every noun.
        const fixed = names.has(w) && lang !== 'de' ? null : corrector.correct(w);
        // Only a sure correction may turn a word into one that does not count ("winter" is not "want").
        const intoNothing = fixed !== null && isIgnoredWord(fixed.word, lang) && fixed.similarity < 0.85 && w.length > 5;
        if (fixed && fixed.word !== w && !intoNothing) {
          out.push(fixed.word);
          similarity.set(fixed.word, Math.min(similarity.get(fixed.word) ?? 1, fixed.similarity));
        } else out.push(w);
      }
      return { words: out, similarity };
    },
  };
}


