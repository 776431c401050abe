// The built-in intent library, per language (see ./catalog.ts).
import { INTENTS, type IntentId, type IntentPhrasings } from './catalog.js';
import { DE } from './de.js';
import { EN } from './en.js';
import { ES } from './es.js';
import { FR } from './fr.js';
import { IT } from './it.js';
import { NL } from './nl.js';
import { PT } from './pt.js';

const LIBRARY: IntentPhrasings[] = [EN, FR, ES, DE, IT, PT, NL];

const byLang = new Map(LIBRARY.map((l) => [l.lang, l.phrasings]));

/** The library's phrasings in `lang`, by intent ({} for a language it does not cover). */
export function intentPhrasings(lang: string): Partial<Record<IntentId, string[]>> {
  return byLang.get(lang) ?? {};
}

export const libraryLanguages = (): string[] => [...byLang.keys()];

export const isIntentId = (id: string): id is IntentId => Object.hasOwn(INTENTS, id);

export { INTENTS, type IntentId, type IntentPhrasings };
