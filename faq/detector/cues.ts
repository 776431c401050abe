// Short-message cues: listed words (cue-words.ts) and letters that only some languages
// write (ñ ß ł ą ę ç ã õ å …). Both are evidence in the same log units as the text models': a
// listed word adds WORD_CUE to each language that lists it, a letter costs LETTER_CUE to each
// language that never writes it. Soft, never a veto: "café" and "señor" happen in English.
import type { Lang } from '../../protocol/types.js';
import { CUE_WORDS, UNIVERSAL } from './cue-words.js';

/** Letters (and ¿ ¡) beyond a–z, per language that writes them in ordinary words. */
const LETTERS: Record<string, string> = {
  en: '',
  fr: 'àâæçéèêëîïôœùûüÿ',
  es: 'áéíñóúü¿¡',
  de: 'äöüß',
  it: 'àèéìòù',
  pt: 'áâãàçéêíóôõú',
  nl: 'éèëïöü',
  pl: 'ąćęłńóśźż',
  ca: 'àçéèíïòóú·',
  sv: 'åäöé',
  da: 'åæøé',
  ro: 'ăâîșşțţ',
};
const WRITERS = new Map<string, Set<Lang>>();
for (const [lang, letters] of Object.entries(LETTERS)) {
  for (const ch of letters) WRITERS.set(ch, (WRITERS.get(ch) ?? new Set()).add(lang));
}

/** Accents off, as a visitor on a phone may type: "dónde" → "donde", "groß" → "gross". */
const fold = (w: string) =>
  w.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/œ/g, 'oe');

const EXACT = new Map<string, Set<Lang>>();
const FOLDED = new Map<string, Set<Lang>>();
for (const [lang, words] of Object.entries(CUE_WORDS)) {
  for (const w of words) {
    if (UNIVERSAL.has(w)) continue;
    EXACT.set(w, (EXACT.get(w) ?? new Set()).add(lang));
    FOLDED.set(fold(w), (FOLDED.get(fold(w)) ?? new Set()).add(lang));
  }
}

export interface CueWeights {
  /** Evidence per listed word, for each language listing it, in a message of 1–2 words ("merci", "vielen Dank")… */
  word: number;
  /** …and in longer ones, where the text models have more to go on. */
  wordInSentence: number;
  /** Evidence against a language per distinct letter it never writes. */
  letter: number;
}

/** Lower-case words of letters only; apostrophes split ("l'adresse" → "l", "adresse"). */
const tokens = (text: string) => text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);

/** Cue evidence for each of `langs` (0 when nothing speaks for or against it). */
export function cueEvidence(text: string, langs: Lang[], weights: CueWeights): Map<Lang, number> {
  const out = new Map<Lang, number>(langs.map((l) => [l, 0]));
  const words = tokens(text);
  const weight = words.length <= 2 ? weights.word : weights.wordInSentence;
  for (const w of words) {
    // Typed with accents: only that spelling counts; typed without: any accented form does.
    const owners = /^[a-z]+$/.test(w) ? FOLDED.get(w) : EXACT.get(w);
    if (!owners) continue;
    for (const lang of owners) if (out.has(lang)) out.set(lang, out.get(lang)! + weight);
  }
  const seen = new Set<string>();
  for (const ch of text.toLowerCase()) {
    if (ch < '\u00a0' || seen.has(ch)) continue;
    seen.add(ch);
    const writers = WRITERS.get(ch);
    if (!writers) continue;
    for (const lang of langs) if (lang in LETTERS && !writers.has(lang)) out.set(lang, out.get(lang)! - weights.letter);
  }
  return out;
}
