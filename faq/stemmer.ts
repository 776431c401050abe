// Snowball stemmers (snowball-stemmers) per language, run on the accent-free form of a word so a
// visitor who types "cancelacion" meets the FAQ's "cancelación". The few endings Snowball keeps
// on accent-free words ("livree", "devolucion") are trimmed after it. Stems are cached: a site's
// vocabulary is small and visitors repeat themselves.
import * as snowball from 'snowball-stemmers';
import type { Lang } from '../protocol/types.js';

const ALGORITHM: Record<string, string> = {
  en: 'english', fr: 'french', es: 'spanish', de: 'german', it: 'italian', pt: 'portuguese', nl: 'dutch',
  ca: 'catalan', sv: 'swedish', da: 'danish', ro: 'romanian',
};

/** Endings Snowball leaves on words typed without accents (it expects "é", "ó"). */
const AFTER: Record<string, [RegExp, string][]> = {
  fr: [[/(ee|ees|e)$/, '']],
  es: [[/(aciones|acion|iciones|icion|ciones|cion)$/, ''], [/(ais|eis|is)$/, '']],
  // German verbs in -ieren: Snowball keeps "akzeptiert" whole but cuts "akzeptieren" to "akzepti".
  de: [[/iert$/, 'i']],
};

const MIN_STEM = 3;
const CACHE_LIMIT = 20_000;

const stemmers = new Map<string, { stem(word: string): string } | null>();
const caches = new Map<string, Map<string, string>>();

function stemmerFor(lang: Lang) {
  if (!stemmers.has(lang)) {
    const name = ALGORITHM[lang];
    stemmers.set(lang, name ? snowball.newStemmer(name) : null);
  }
  return stemmers.get(lang)!;
}

/** `word` is already normalised (lower case, no accents). Words with digits are kept whole. */
export function stem(word: string, lang: Lang): string {
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  let cache = caches.get(lang);
  if (!cache) caches.set(lang, (cache = new Map()));
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const stemmer = stemmerFor(lang);
  let out = stemmer ? stemmer.stem(word) : word;
  for (const [re, by] of AFTER[lang] ?? []) {
    const trimmed = out.replace(re, by);
    if (trimmed.length >= MIN_STEM + 1) out = trimmed;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, out);
  return out;
}
