// The concept layer: words and phrases of each language folded into language-independent
// concept terms ("@password" for "mot de passe", "mdp", "contraseña", "Kennwort"), so an entry
// indexed from its questions in every language of the site (and the English phrasings a merchant
// wrote) meets a visitor in any of them. Built from the vocabulary data (./vocabulary/), plus a
// site's own additions; forms go through the same preparation and stemming as messages, so
// inflections and chat spellings meet them.
import type { Lang } from '../protocol/types.js';
import { prepare, synonymStems } from './analyzer.js';
import { stem } from './stemmer.js';
import { STOP_WORDS } from './stop-words.js';
import { VOCABULARIES, type LangVocabulary } from './vocabulary/index.js';

/** The prefix that marks a term as a concept, never a word's stem. */
export const CONCEPT_PREFIX = '@';

export type { ConceptMap } from './concept-map.js';
import type { ConceptMap } from './concept-map.js';

const builtin = new Map<Lang, ConceptMap>();

/** The built-in vocabulary's map for a language (empty for a language without one). Cached. */
export function builtinConcepts(lang: Lang): ConceptMap {
  let m = builtin.get(lang);
  if (!m) builtin.set(lang, (m = buildConceptMap(lang, VOCABULARIES[lang] ? [VOCABULARIES[lang]!] : [])));
  return m;
}

/** The built-in map with a site's own vocabulary on top (a site's forms win). */
export function conceptsFor(lang: Lang, site?: LangVocabulary): ConceptMap {
  if (!site) return builtinConcepts(lang);
  return buildConceptMap(lang, [site, ...(VOCABULARIES[lang] ? [VOCABULARIES[lang]!] : [])]);
}

/** Earlier vocabularies, and earlier concepts within one, win a form or stem both name. */
export function buildConceptMap(lang: Lang, vocabularies: LangVocabulary[]): ConceptMap {
  const stop = STOP_WORDS[lang] ?? new Set<string>();
  const words = new Map<string, string[]>();
  const stems = new Map<string, string[]>();
  const phrases = new Map<string, string[]>();
  const put = (m: Map<string, string[]>, key: string, term: string) => {
    const list = m.get(key);
    if (!list) m.set(key, [term]);
    else if (!list.includes(term)) list.push(term);
  };
  const vocabulary = new Set<string>();
  for (const v of vocabularies) {
    for (const [id, forms] of Object.entries(v.concepts)) {
      const term = CONCEPT_PREFIX + id;
      for (const form of forms) {
        const ws = prepare(form, lang).words;
        if (ws.length === 0) continue;
        for (const w of ws) vocabulary.add(w);
        if (ws.length > 1) {
          put(phrases, ws.map((w) => stem(w, lang)).join(' '), term);
          continue;
        }
        const w = ws[0]!;
        // A stop word ("où", "get") is too common alone to carry a concept; in a phrase it can.
        if (stop.has(w) || w.length < 2) continue;
        put(words, w, term);
        put(stems, stem(w, lang), term);
      }
    }
  }
  // A group of the lexicon's synonyms ("kosten kostet gebuhr preis teuer") joins the concept
  // of any of its words, so the words the vocabulary does not list still meet it.
  const groupConcept = new Map<string, string[]>();
  for (const [s, head] of synonymStems(lang)) {
    const c = stems.get(s);
    if (c && !groupConcept.has(head)) groupConcept.set(head, c);
  }
  for (const [s, head] of synonymStems(lang)) {
    const c = groupConcept.get(head);
    if (c && !stems.has(s)) stems.set(s, c);
  }
  const sorted = [...phrases].map(([key, terms]) => ({ stems: key.split(' '), terms })).sort((a, b) => b.stems.length - a.stems.length);
  const phrasesByFirst = new Map<string, { stems: string[]; terms: string[] }[]>();
  for (const p of sorted) phrasesByFirst.set(p.stems[0]!, [...(phrasesByFirst.get(p.stems[0]!) ?? []), p]);
  return { words, stems, phrases: sorted, phrasesByFirst, vocabulary };
}

export const isConceptTerm = (term: string) => term.startsWith(CONCEPT_PREFIX);
