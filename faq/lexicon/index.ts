// The analyser's per-language vocabulary (see ./types.ts).
import type { Lang } from '../../protocol/types.js';
import { DE } from './de.js';
import { EN } from './en.js';
import { ES } from './es.js';
import { FR } from './fr.js';
import type { Lexicon } from './types.js';

export type { Lexicon } from './types.js';

const LEXICONS: Record<string, Lexicon> = { en: EN, fr: FR, es: ES, de: DE };

/** Said the same way in every language we serve. */
export const COMMON_SPELLINGS: Record<string, string> = {
  email: 'email', mail: 'email', mails: 'email', emails: 'email', courriel: 'email', correo: 'email',
};

export function lexiconFor(lang: Lang): Lexicon | undefined {
  return LEXICONS[lang];
}
