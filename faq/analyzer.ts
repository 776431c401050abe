// Text → the terms the matcher compares, per language: entities masked, normalised (case,
// accents, punctuation, "helloooo"), chat spellings expanded, multi-word expressions joined,
// stop words and filler flagged, Snowball stems, and shop synonyms folded into one concept
// ("bill", "receipt" → "invoic"). FAQ entries and visitor messages go through the same steps.
import type { Lang } from '../server/protocol/types.js';
import { ENTITY_PREFIX, maskEntities } from './entities.js';
import { COMMON_SPELLINGS, lexiconFor } from './lexicon.js';
import { stem } from './stemmer.js';
import { STOP_WORDS } from './stop-words.js';
import { words } from './text.js';

export interface Token {
  /** The word as written, normalised (or the concept name for a joined expression). */
  surface: string;
  /** What is compared: stem, folded into its synonym group; "#order" for an entity. */
  term: string;
  /** Says nothing about which entry is meant (stop word, filler, a bare number). */
  stop: boolean;
}

interface LangTools {
  spellings: Map<string, string[]>;
  ignored: Set<string>;
  /** Stems of each expression, longest first. */
  phrases: { stems: string[]; concept: string }[];
  /** stem → its synonym group's stem. */
  synonyms: Map<string, string>;
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
  tools.set(lang, (t = { spellings, ignored, phrases, synonyms }));
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

export function analyze(text: string, lang: Lang): Token[] {
  const t = toolsFor(lang);
  let ws = words(maskEntities(text)).flatMap((w) => t.spellings.get(w) ?? [w]);
  if (lang === 'en') ws = expandContractions(ws);
  const tokens: Token[] = ws.map((w) => {
    if (w.startsWith(ENTITY_PREFIX)) return { surface: w, term: `#${w.slice(ENTITY_PREFIX.length)}`, stop: false };
    const stop = t.ignored.has(w) || w.length < 2 || /^\d+$/.test(w);
    const s = stem(w, lang);
    return { surface: w, term: t.synonyms.get(s) ?? s, stop };
  });
  return joinPhrases(tokens, t, lang);
}

/** Re-analyses one word (a typo's correction) in the same way. */
export function analyzeWord(word: string, lang: Lang): Token {
  return analyze(word, lang)[0] ?? { surface: word, term: word, stop: true };
}

function joinPhrases(tokens: Token[], t: LangTools, lang: Lang): Token[] {
  if (t.phrases.length === 0) return tokens;
  const stems = tokens.map((tok) => stem(tok.surface, lang));
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = t.phrases.find((p) => p.stems.every((s, j) => stems[i + j] === s));
    if (hit) {
      const s = stem(hit.concept, lang);
      out.push({ surface: hit.concept, term: t.synonyms.get(s) ?? s, stop: false });
      i += hit.stems.length;
    } else out.push(tokens[i++]!);
  }
  return out;
}
