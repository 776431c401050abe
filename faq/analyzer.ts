// Text → the terms the matcher compares, per language: entities masked, normalised (case,
// accents, punctuation, "helloooo"), chat spellings expanded, multi-word expressions joined,
// stop words and filler flagged, Snowball stems, and shop synonyms folded into one concept
// ("bill", "receipt" → "invoic"). FAQ entries and visitor messages go through the same steps.
import type { Lang } from '../protocol/types.js';
import type { ConceptMap } from './concept-map.js';
import { ENTITY_PREFIX, maskEntities } from './entities.js';
import { COMMON_SPELLINGS, lexiconFor } from './lexicon/index.js';
import { joinSeparableVerbs } from './separable-verbs.js';
import { stem } from './stemmer.js';
import { STOP_WORDS } from './stop-words.js';
import { words } from './text.js';

export interface Token {
  /** The word as written, normalised (or the concept name for a joined expression). */
  surface: string;
  /** What is compared: stem, folded into its synonym group; "#order" for an entity. */
  term: string;
  /** The stem alone (keyword rules compare these: a merchant's keyword means that word). */
  stem: string;
  /** Says nothing about which entry is meant (stop word, filler, a bare number). */
  stop: boolean;
  /** Written with a capital inside a sentence ("Munich", "Anna"): probably a name. */
  proper?: boolean;
  /** The other concepts an ambiguous word may name (the term is the main one). */
  alts?: string[];
}

interface LangTools {
  spellings: Map<string, string[]>;
  ignored: Set<string>;
  /** Stems of each expression, longest first; the concept may be several words. */
  phrases: { stems: string[]; concept: string }[];
  /** stem → its synonym group's stem. */
  synonyms: Map<string, string>;
  /** Every word the lexicon names (expressions, synonyms). */
  lexiconWords: Set<string>;
  /** Stems of filler words ("shows" is filler like "show"). */
  fillerStems: Set<string>;
  /** Terms of everyday words. */
  commonTerms: Set<string>;
  commonWords: Set<string>;
}

const tools = new Map<Lang, LangTools>();

function toolsFor(lang: Lang): LangTools {
  let t = tools.get(lang);
  if (t) return t;
  const lex = lexiconFor(lang);
  const spellings = new Map<string, string[]>();
  for (const [k, v] of Object.entries({ ...COMMON_SPELLINGS, ...(lex?.spellings ?? {}) })) spellings.set(k, v.split(' '));
  const ignored = new Set([...(STOP_WORDS[lang] ?? []), ...(lex?.filler.split(/\s+/).filter(Boolean) ?? [])]);
  const synonyms = new Map<string, string>();
  for (const line of (lex?.synonyms ?? '').split('\n')) {
    const group = line.trim().split(/\s+/).filter(Boolean).map((w) => stem(w, lang));
    for (const s of group) if (!synonyms.has(s)) synonyms.set(s, group[0]!);
  }
  const phrases = Object.entries(lex?.phrases ?? {})
    .map(([p, concept]) => ({ stems: p.split(' ').map((w) => stem(w, lang)), concept }))
    .sort((a, b) => b.stems.length - a.stems.length);
  const lexiconWords = new Set([...Object.keys(lex?.phrases ?? {}), lex?.synonyms ?? ''].join(' ').split(/\s+/).filter(Boolean));
  // Short stems collide ("saber" and "sábados" are both "sab"): only longer ones, outside synonym groups.
  const fillerStems = new Set(
    (lex?.filler ?? '').split(/\s+/).filter(Boolean).map((w) => stem(w, lang)).filter((s) => s.length >= 4 && !synonyms.has(s)),
  );
  const commonWords = new Set((lex?.common ?? '').split(/\s+/).filter(Boolean));
  const commonTerms = new Set([...commonWords].map((w) => stem(w, lang)).map((s) => synonyms.get(s) ?? s));
  tools.set(lang, (t = { spellings, ignored, phrases, synonyms, lexiconWords, fillerStems, commonTerms, commonWords }));
  return t;
}

/** English "don't" is split by normalisation into "don t": put it back together as "do not". */
function expandContractions(ws: string[]): string[] {
  const out: string[] = [];
  for (const w of ws) {
    const prev = out[out.length - 1];
    if (w === 't' && prev?.endsWith('n')) {
      out[out.length - 1] = prev === 'can' ? 'can' : prev === 'won' ? 'will' : prev.slice(0, -1);
      out.push('not');
    } else out.push(w);
  }
  return out;
}

/** A capitalised word after another word (not at the start of a sentence). */
const MID_SENTENCE_CAPITAL = /(?<=[\p{L}\p{N},;:]\s+)\p{Lu}\p{Ll}{2,}\b/gu;

export interface Prepared {
  /** Normalised words, chat spellings expanded, entities as placeholder words. */
  words: string[];
  /** The words written with a capital inside a sentence. */
  capitals: Set<string>;
}

/** The first half of analyze(): the words of the text, before anything is dropped or joined. */
export function prepare(text: string, lang: Lang): Prepared {
  const t = toolsFor(lang);
  const masked = maskEntities(text);
  const capitals = new Set((masked.match(MID_SENTENCE_CAPITAL) ?? []).flatMap((w) => words(w)));
  let ws = words(masked).flatMap((w) => t.spellings.get(w) ?? [w]);
  if (lang === 'en') ws = expandContractions(ws);
  return { words: ws, capitals };
}

/**
 * The second half: stop words flagged, stems, concepts (when a concept map is given: see
 * concepts.ts), synonyms, expressions joined.
 */
export function analyzeWords({ words: ws, capitals }: Prepared, lang: Lang, concepts?: ConceptMap): Token[] {
  const t = toolsFor(lang);
  const tokens: Token[] = ws.map((w) => {
    if (w.startsWith(ENTITY_PREFIX)) {
      const entity = `#${w.slice(ENTITY_PREFIX.length)}`;
      return { surface: w, term: entity, stem: entity, stop: false };
    }
    const s = stem(w, lang);
    const stop = t.ignored.has(w) || t.fillerStems.has(s) || w.length < 2 || /^\d+$/.test(w);
    return { surface: w, term: t.synonyms.get(s) ?? s, stem: s, stop, ...(capitals.has(w) ? { proper: true } : {}) };
  });
  return joinPhrases(concepts ? applyConcepts(tokens, concepts, lang) : tokens, t, lang);
}

export function analyze(text: string, lang: Lang, concepts?: ConceptMap): Token[] {
  return analyzeWords(prepare(text, lang), lang, concepts);
}

/**
 * Concept forms replace the words they cover: multi-word forms first, longest first (on stems,
 * so "mots de passe" is "mot de passe"), then single words by their exact form, then by stem.
 * A stop word alone never carries a concept ("où" is also "or"); a filler word may ("assistance").
 */
function applyConcepts(tokens: Token[], map: ConceptMap, lang: Lang): Token[] {
  const stop = STOP_WORDS[lang];
  const plain = (tok: Token | undefined) => tok !== undefined && !tok.term.startsWith('#');
  if (lang === 'de') tokens = joinSeparableVerbs(tokens, map, conceptToken);
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    const tok = tokens[i]!;
    if (!plain(tok)) {
      out.push(tokens[i++]!);
      continue;
    }
    const hit = map.phrasesByFirst.get(tok.stem)?.find((p) => p.stems.every((s, j) => plain(tokens[i + j]) && tokens[i + j]!.stem === s));
    if (hit) {
      const span = tokens.slice(i, i + hit.stems.length);
      out.push(conceptToken(span.map((x) => x.surface).join(' '), span.map((x) => x.stem).join(' '), hit.terms));
      i += span.length;
      continue;
    }
    // An everyday word takes a concept by its exact form only: its stem collides too easily
    // ("seit" and "Seite", "tellement" and "tel").
    const everyday = lexiconCommon(lang).has(tok.surface);
    const concepts = stop?.has(tok.surface) || tok.surface.length < 2 ? undefined : map.words.get(tok.surface) ?? (everyday ? undefined : map.stems.get(tok.stem));
    out.push(concepts ? conceptToken(tok.surface, tok.stem, concepts) : tok);
    i++;
  }
  return out;
}

function conceptToken(surface: string, stem: string, [term, ...alts]: string[]): Token {
  return { surface, term: term!, stem, stop: false, ...(alts.length ? { alts } : {}) };
}

const lexiconCommon = (lang: Lang) => toolsFor(lang).commonWords;

/** Whether a normalised word is an entity placeholder or a bare number. */
export const isEntityOrNumber = (word: string) => word.startsWith(ENTITY_PREFIX) || /^\d+$/.test(word);

/** The terms of the lexicon's synonym groups and expressions (German compounds split on them too). */
export function lexiconTerms(lang: Lang): Set<string> {
  const t = toolsFor(lang);
  return new Set([...t.synonyms.values(), ...t.phrases.flatMap((p) => p.concept.split(' ').map((w) => termOf(w, lang)))]);
}

/** [stem, the term it stands for] for every word of the lexicon's synonym groups. */
export function synonymStems(lang: Lang): [string, string][] {
  return [...toolsFor(lang).synonyms];
}

/** Every word the analyser knows without any FAQ (for the typo corrector's vocabulary). */
export function lexiconVocabulary(lang: Lang): string[] {
  const t = toolsFor(lang);
  return [...t.ignored, ...t.lexiconWords, ...t.commonWords];
}

/** Whether the analyser knows the word without any FAQ: stop word, filler, chat spelling, lexicon. */
export function isCommonWord(word: string, lang: Lang): boolean {
  const t = toolsFor(lang);
  return t.ignored.has(word) || t.spellings.has(word) || (word.length >= 3 && t.lexiconWords.has(word));
}

/** A stop word or filler: never counts. */
export function isIgnoredWord(word: string, lang: Lang): boolean {
  return toolsFor(lang).ignored.has(word);
}

/** An everyday word ("time", "new"): it counts half, and is never corrected into another word. */
export function isEverydayWord(word: string, lang: Lang): boolean {
  return toolsFor(lang).commonWords.has(word);
}

/** Whether a term is an everyday word's. */
export function isEverydayTerm(term: string, lang: Lang): boolean {
  return toolsFor(lang).commonTerms.has(term);
}

/** One swap, missing or extra letter away from a stop word or filler ("hwat", "acn", "tto", "yor"). */
export function commonWordMistyped(word: string, lang: Lang): string | null {
  const t = toolsFor(lang);
  const common = (w: string) => w.length >= 2 && (t.ignored.has(w) || t.spellings.has(w));
  for (let i = 0; i < word.length; i++) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (i < word.length - 1 && common(swapped)) return swapped;
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (word.length > 2 && common(shorter)) return shorter;
  }
  for (let i = 0; i <= word.length; i++) {
    for (const c of 'abcdefghijklmnopqrstuvwxyz') {
      const longer = word.slice(0, i) + c + word.slice(i);
      if (common(longer)) return longer;
    }
  }
  return null;
}

/** The term of one normalised word, without the rest of the pipeline (cheap: for word splitting). */
export function termOf(word: string, lang: Lang, concepts?: ConceptMap): string {
  const s = stem(word, lang);
  const concept = concepts && !STOP_WORDS[lang]?.has(word) ? (concepts.words.get(word) ?? concepts.stems.get(s))?.[0] : undefined;
  return concept ?? toolsFor(lang).synonyms.get(s) ?? s;
}

/** Re-analyses one word (a typo's correction) in the same way. */
export function analyzeWord(word: string, lang: Lang): Token {
  return analyze(word, lang)[0] ?? { surface: word, term: word, stem: word, stop: true };
}

function joinPhrases(tokens: Token[], t: LangTools, lang: Lang): Token[] {
  if (t.phrases.length === 0) return tokens;
  // A concept's token is never part of an expression: the concept layer already read it.
  const stems = tokens.map((tok) => (tok.term.startsWith('@') ? '\u0000' : stem(tok.surface, lang)));
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = t.phrases.find((p) => p.stems.every((s, j) => stems[i + j] === s));
    if (hit) {
      for (const word of hit.concept.split(' ')) {
        const s = stem(word, lang);
        out.push({ surface: word, term: t.synonyms.get(s) ?? s, stem: s, stop: t.ignored.has(word) });
      }
      i += hit.stems.length;
    } else out.push(tokens[i++]!);
  }
  return out;
}
