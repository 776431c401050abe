// Text normalisation shared by the matcher, the hand-off words and the language cues: visitors
// type fast, on phones, without accents and with "helloooo", so every comparison happens on a
// folded form of the text, never on the raw input.
import type { Lang } from '../server/protocol/types.js';
import { STOP_WORDS } from './stop-words.js';

/** Lower case, no accents, no punctuation, runs of 3+ same letters folded ("merciii" → "merci"). */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    // Apostrophes split words ("where's", "l'adresse", "qu'un") so both halves compare alike.
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .trim();
}

export function words(text: string): string[] {
  const n = normalise(text);
  return n ? n.split(' ') : [];
}

export function isStopWord(word: string, lang: Lang): boolean {
  return word.length < 2 || (STOP_WORDS[lang]?.has(word) ?? false);
}

/** Endings stripped (longest first, once) so "tracking"/"tracked" or "commande"/"commander" meet. */
const SUFFIXES: Record<string, { list: string[]; minStem: number }> = {
  fr: { list: ['ements', 'ement', 'ations', 'ation', 'euses', 'euse', 'eurs', 'eur', 'ees', 'ee', 'es', 'er', 'ez', 'e', 's', 'x'], minStem: 4 },
  es: { list: ['aciones', 'acion', 'ciones', 'cion', 'mente', 'ados', 'adas', 'idos', 'idas', 'ado', 'ada', 'ido', 'ida', 'ar', 'er', 'ir', 'os', 'as', 'es', 'o', 'a', 'e', 's'], minStem: 4 },
  de: { list: ['ungen', 'ung', 'heit', 'keit', 'en', 'er', 'em', 'es', 'e', 'n', 's'], minStem: 4 },
};

/** A light stemmer: no dictionary, just enough that inflections of one word compare equal. */
export function stem(word: string, lang: Lang): string {
  if (lang === 'en') return stemEnglish(word);
  const rules = SUFFIXES[lang];
  if (!rules) return word;
  for (const suffix of rules.list) {
    if (word.endsWith(suffix) && word.length - suffix.length >= rules.minStem) return word.slice(0, -suffix.length);
  }
  return word;
}

function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('ing') && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length >= 5) w = w.slice(0, -2);
  // "delivery"/"deliveries" → "deliveri", "price"/"prices" → "pric" (and "cookies" stays off "cook")
  if (w.length > 3 && w.endsWith('y')) w = w.slice(0, -1) + 'i';
  else if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  // "shipp(ing)", "cancell(ed)" → "ship", "cancel"
  if (w.length > 4 && w[w.length - 1] === w[w.length - 2] && !/[aeiou]/.test(w[w.length - 1]!)) w = w.slice(0, -1);
  return w;
}

/** Every word of the text, stemmed, with a flag for stop words (kept: keyword phrases need them). */
export function terms(text: string, lang: Lang): { term: string; stop: boolean }[] {
  return words(text).map((w) => ({ term: stem(w, lang), stop: isStopWord(w, lang) }));
}

/** The words that carry meaning: stemmed, no stop words, no duplicates. */
export function contentTerms(text: string, lang: Lang): string[] {
  return [...new Set(terms(text, lang).filter((t) => !t.stop).map((t) => t.term))];
}
