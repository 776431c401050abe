// German separable verbs: "wie setze ich mein Passwort zurück" is "zurücksetzen", "melde mich vom
// Newsletter ab" is "abmelden", "lade die Rechnung herunter" is "herunterladen" (not "Laden", a
// shop). The particle goes to the end of the clause, away from its verb; and "abzumelden" puts
// "zu" inside the verb. The verb and its particle are joined back when the whole verb is a form of
// the shop vocabulary (the concept map knows it), so a preposition ("an euch") joins nothing.
import type { Token } from './analyzer.js';
import type { ConceptMap } from './concepts.js';
import { stem } from './stemmer.js';

/** Separable particles (normalised: no umlauts), longest first so "herunter" wins over "her". */
const PARTICLES = [
  'zuruck', 'herunter', 'zusammen', 'heraus', 'hinzu', 'runter', 'wieder', 'fest', 'raus', 'rein', 'weg', 'los', 'nach', 'vor',
  'mit', 'auf', 'aus', 'ein', 'ab', 'an', 'um', 'zu',
];
const PARTICLE_SET = new Set(PARTICLES);
/** How far back from its particle the verb may stand ("melde mich für den Newsletter ab"). */
const MAX_DISTANCE = 8;
const MIN_STEM = 5;

/** The concept terms of a joined verb, trying its infinitive for a conjugated form ("meldet" → "melden"). */
function conceptsOfVerb(word: string, map: ConceptMap): { word: string; stem: string; terms: string[] } | undefined {
  const forms = [word, word.replace(/(e?s?t|e)$/, '') + 'en', word + 'en', word + 'n'];
  for (const w of forms) {
    const s = stem(w, 'de');
    // Short stems collide ("anden" and "ändern" are both "and").
    if (s.length < MIN_STEM) continue;
    const terms = map.words.get(w) ?? map.stems.get(s);
    if (terms) return { word: w, stem: s, terms };
  }
  return undefined;
}

/** `concept(surface, stem, terms)` makes the token of a joined verb. */
export function joinSeparableVerbs(tokens: Token[], map: ConceptMap, concept: (surface: string, stem: string, terms: string[]) => Token): Token[] {
  const out = [...tokens];
  const drop = new Set<number>();
  const joinedVerbs = new Set<number>();
  out.forEach((tok, i) => {
    // "abzumelden", "herunterzuladen": the zu-infinitive of a separable verb.
    const zu = PARTICLES.find((p) => tok.surface.startsWith(`${p}zu`) && tok.surface.length > p.length + 4);
    if (zu && !map.words.has(tok.surface)) {
      const hit = conceptsOfVerb(zu + tok.surface.slice(zu.length + 2), map);
      if (hit) out[i] = concept(tok.surface, hit.stem, hit.terms);
      return;
    }
    if (!PARTICLE_SET.has(tok.surface)) return;
    for (let j = i - 1; j >= Math.max(0, i - MAX_DISTANCE); j--) {
      // A verb already joined to one particle may take a second ("melde mich an oder ab").
      const verb = tokens[j]!;
      if (verb.stop || verb.term.startsWith('#') || PARTICLE_SET.has(verb.surface)) continue;
      // A phrase of the vocabulary reads the verb already ("kommt nicht an" is "kommt nicht": not received).
      if (map.phrasesByFirst.get(verb.stem)?.some((p) => p.stems.every((st, k) => tokens[j + k]?.stem === st))) return;
      const hit = conceptsOfVerb(tok.surface + verb.surface, map);
      if (!hit) continue;
      const joined = concept(`${verb.surface} ${tok.surface}`, hit.stem, hit.terms);
      if (joinedVerbs.has(j)) out[i] = joined;
      else {
        out[j] = joined;
        joinedVerbs.add(j);
        drop.add(i);
      }
      return;
    }
  });
  return out.filter((_, i) => !drop.has(i));
}
