// The built-in multilingual shop vocabulary, by language.
import { DE } from './de.js';
import { EN } from './en.js';
import { ES } from './es.js';
import { FR } from './fr.js';
import type { LangVocabulary } from './types.js';

export type { LangVocabulary } from './types.js';
export { CONCEPTS } from './concepts.js';

export const VOCABULARIES: Record<string, LangVocabulary> = { en: EN, fr: FR, es: ES, de: DE };
