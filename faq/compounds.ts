// German writes "Lieferkosten", "Versandadresse", "Kundenkonto" where English writes two words;
// a visitor's compound and the FAQ's two words (or another compound) must still meet. A long
// word is split where both halves are terms the FAQ knows, with the linking "s", "n", "es",
// "en" dropped from the first half. No dictionary: the FAQ's own vocabulary decides.
import type { Lang } from '../protocol/types.js';
import { isIgnoredWord, termOf as plainTermOf } from './analyzer.js';
import type { ConceptMap } from './concepts.js';

const COMPOUNDING = new Set(['de', 'nl', 'sv', 'da']);
const MIN_WORD = 8;
const MIN_PART = 3;
const LINKS = ['', 's', 'n', 'en', 'es', 'e'];

/**
 * The terms of the two halves, or null when the word is not a compound of known terms. With
 * `tailOnly`, a known last half is enough ("Salatschüssel" is a "Schüssel"): only it is returned.
 */
export function splitCompound(
  word: string, lang: Lang, known: (term: string) => boolean, tailOnly = false, concepts?: ConceptMap,
): string[] | null {
  const termOf = (w: string, l: Lang) => plainTermOf(w, l, concepts);
  if (!COMPOUNDING.has(lang) || word.length < MIN_WORD || !/^\p{L}+$/u.test(word)) return null;
  // Longest known tail first: "versandkosten" → "versand" + "kosten", not "versandk" + "osten".
  for (let i = MIN_PART; i <= word.length - MIN_PART - 1; i++) {
    const tailWord = word.slice(i);
    const tail = termOf(tailWord, lang);
    if (isIgnoredWord(tailWord, lang) || !known(tail)) continue;
    for (const link of LINKS) {
      const headWord = word.slice(0, i);
      if (link && !headWord.endsWith(link)) continue;
      const stripped = link ? headWord.slice(0, -link.length) : headWord;
      if (stripped.length < MIN_PART) continue;
      const head = termOf(stripped, lang);
      if (!isIgnoredWord(stripped, lang) && known(head)) return [head, tail];
    }
  }
  if (!tailOnly) return null;
  for (let i = MIN_PART + 1; i <= word.length - MIN_PART - 1; i++) {
    const tailWord = word.slice(i);
    if (tailWord.length >= 4 && !isIgnoredWord(tailWord, lang) && known(termOf(tailWord, lang))) return [termOf(tailWord, lang)];
  }
  return null;
}
