// Every language's shop vocabulary, by language code (see ./README.md).
import { EN } from './en.js';
import { FR } from './fr.js';
import type { LangVocabulary } from './types.js';

export type { LangVocabulary } from './types.js';
export { CONCEPTS } from './concepts.js';

export const VOCABULARIES: Record<string, LangVocabulary> = { en: EN, fr: FR };
