// Every language's shop vocabulary, by language code (see ./README.md).
import { DE } from './de.js';
import { EN } from './en.js';
import { ES } from './es.js';
import { FR } from './fr.js';
import { IT } from './it.js';
import { NL } from './nl.js';
import { PT } from './pt.js';
import type { LangVocabulary } from './types.js';

export type { LangVocabulary } from './types.js';
export { CONCEPTS } from './concepts.js';

export const VOCABULARIES: Record<string, LangVocabulary> = { en: EN, fr: FR, es: ES, de: DE, it: IT, pt: PT, nl: NL };
