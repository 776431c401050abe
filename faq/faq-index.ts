// One language of a site's FAQ, indexed once at start: every entry's terms, how rare each term
// is across entries (a word in every entry says little), the typo corrector's vocabulary, the
// lexical index and the keyword rules. query() turns a visitor's message into weighted terms.
import type { Lang } from '../protocol/types.js';
import {
  analyze, analyzeWords, isCommonWord, isEverydayTerm, isEverydayWord, lexiconTerms, lexiconVocabulary, prepare, synonymStems, termOf,
  type Token,
} from './analyzer.js';
import { buildMemo } from './build-memo.js';
import { splitCompound } from './compounds.js';
import { relatedConcepts } from './concept-relations.js';
import { builtinConcepts, isConceptTerm, type ConceptMap } from './concepts.js';
import { createKeywordRules, type KeywordRules } from './keyword-rules.js';
import { createLexicalIndex, type LexicalIndex } from './lexical-index.js';
import type { FaqEntry } from './types.js';
import { createWordFixer } from './word-fixer.js';

export interface IndexedEntry {
  id: string;
  /** Every content term of the entry: question, phrasings, keywords. */
  terms: Set<string>;
  /** Content terms of the question and of each phrasing (the site's other languages' too). */
  sentences: Set<string>[];
  /** Per sentence: 1 for this language's, FOREIGN_FACTOR for another language's. */
  sentenceWeights: number[];
  /** A built-in intent no entry answers (see LangIndexOptions.foils): never a candidate itself. */
  foil?: true;
  /** Per sentence, its terms with their rarity and the sum of it (computed once: every query reads them). */
  weighted: { terms: string[]; idfs: number[]; all: number }[];
}

export interface QueryTerm {
  term: string;
  /** 0..1: 1 for a word the FAQ uses, less for a typo's correction. */
  similarity: number;
  /** Whether any entry uses the term. */
  known: boolean;
  /** Says what the message is about: not an everyday word, a name or an entity. */
  topical?: boolean;
  /** How much the term says: rare in the FAQ, or unknown to it, counts more. */
  weight: number;
  /** Concepts the FAQ uses that stand in for this one, and how far (see concept-relations.ts). */
  related?: [term: string, strength: number][];
}

export interface Query {
  tokens: Token[];
  terms: QueryTerm[];
}

export interface LangIndex {
  lang: Lang;
  entries: IndexedEntry[];
  /** Ids of the foil entries (see LangIndexOptions.foils). */
  foils: ReadonlySet<string>;
  lexical: LexicalIndex;
  rules: KeywordRules;
  idf(term: string): number;
  /** The weight of a term found in a single entry: the most a known term can weigh. */
  rareWeight: number;
  /** Sentences per entry written in this language (question + phrasings): the FAQ's shape. */
  ownSentencesPerEntry: number;
  query(text: string): Query;
}

/** An unknown word weighs like a term found in a single entry, times this. */
const UNKNOWN_FACTOR = 1;
/** Weight factors of what says little about the topic: entities ("#order"), everyday words ("time"). */
const ENTITY_FACTOR = 0.3;
const EVERYDAY_FACTOR = 0.3;
/** Terms this long or longer may meet a known term that is the same plus or minus a few letters. */
const INFLECTION_MIN = 5;
/** An unknown name ("Munich", "Anna") is what the question is about less often than other words. */
const PROPER_FACTOR = 0.3;
/** A name the FAQ's own examples use ("fees to Belgium?"). */
const KNOWN_PROPER_FACTOR = 0.5;
/**
 * What the merchant wrote in this language says it best: another language's sentence, met
 * through concepts, counts this much (it breaks ties the merchant's own words would win).
 */
const FOREIGN_FACTOR = 0.9;
/** A phrasing of the built-in intent library: a shopper's words, but not this merchant's. */
const LIBRARY_FACTOR = 0.9;
/** A word used by this share of an intent's library phrasings counts as that entry's own word (for rarity). */
const LIBRARY_SPREAD = 2;
/** How far an ambiguous word's other concepts stand in for its main one. */
const ALT_STRENGTH = 0.8;
/** German capitalises every noun: no telling names from words there. */
const NO_PROPER_NOUNS = new Set(['de']);

/**
 * The library's phrasings are the same for every site of a language (and for the linking's own
 * index): analysed once per concept map, not once per index.
 */
const libraryTokens = buildMemo((_: ConceptMap) => new Map<string, Token[]>());
function analyzeLibrary(text: string, lang: Lang, concepts: ConceptMap): Token[] {
  const cache = libraryTokens(concepts);
  let tokens = cache.get(text);
  if (!tokens) cache.set(text, (tokens = analyze(text, lang, concepts)));
  return tokens;
}

/** The same entries in another language of the site (same ids), indexed through their concepts. */
export interface OtherLanguage {
  lang: Lang;
  entries: FaqEntry[];
  concepts: ConceptMap;
}

export interface LangIndexOptions {
  /** This language's concept map (default: the built-in vocabulary's). */
  concepts?: ConceptMap;
  /** The site's other languages: their questions and phrasings become extra sentences of each entry. */
  others?: OtherLanguage[];
  /** Analyses another language's sentence (the matcher shares one across its languages' indexes). */
  analyzeOther?: (text: string, lang: Lang, concepts: ConceptMap) => Token[];
  /** An entry's phrasings from the built-in intent library, in this language (faq/intents/). */
  library?: (entryId: string) => readonly string[];
  /**
   * The library's intents that no entry answers, as entries of their own: a message about a gift
   * card is then ranked against "gift card" phrasings too, and when those win, the merchant's FAQ
   * does not answer it, however many of its words a payment entry shares.
   */
  foils?: FaqEntry[];
}

export function createLangIndex(ownEntries: FaqEntry[], lang: Lang, options: LangIndexOptions = {}): LangIndex {
  const foilIds = new Set((options.foils ?? []).map((f) => f.id));
  const entries = [...ownEntries, ...(options.foils ?? [])];
  const concepts = options.concepts ?? builtinConcepts(lang);
  const surfaces = new Set<string>();
  // A foil's sentences are all the library's.
  const analyzed = entries.map((e) => ({
    sentences: foilIds.has(e.id) ? [] : [e.question, ...e.phrasings].map((text) => analyze(text, lang, concepts)),
    keywords: e.keywords.map((text) => analyze(text, lang, concepts)),
    library: (foilIds.has(e.id) ? [e.question, ...e.phrasings] : (options.library?.(e.id) ?? [])).map((text) => analyzeLibrary(text, lang, concepts)),
  }));
  // Other languages' sentences meet this language's messages through concepts (and the words
  // both languages share: "newsletter", "email"); their own words only count as far as they do.
  const analyzeOther = options.analyzeOther ?? analyze;
  const foreign = entries.map((e) =>
    (options.others ?? []).flatMap((o) => {
      const same = o.entries.find((x) => x.id === e.id);
      return same ? [same.question, ...same.phrasings].map((text) => ({ lang: o.lang, tokens: analyzeOther(text, o.lang, o.concepts), concepts: o.concepts })) : [];
    }),
  );
  const base = new Set<string>();
  // Places and names in the FAQ's examples ("shipping fees to Belgium?") are not what entries are about.
  const properTerms = new Set<string>();
  for (const a of analyzed) {
    for (const t of [...a.sentences, ...a.keywords].flat()) {
      surfaces.add(t.surface);
      if (!t.stop) base.add(t.term);
      if (t.proper && !NO_PROPER_NOUNS.has(lang)) properTerms.add(t.term);
    }
  }
  for (const f of foreign.flat()) for (const t of f.tokens) if (t.proper && !NO_PROPER_NOUNS.has(f.lang)) properTerms.add(t.term);
  // "Versandkosten" also counts as "versand" + "kosten", when the FAQ or the lexicon knows both.
  const shopTerms = lexiconTerms(lang);
  const isPart = (x: string) => base.has(x) || shopTerms.has(x) || isConceptTerm(x);
  const contentOf = (tokens: Token[], l: Lang = lang, map: ConceptMap = concepts) =>
    new Set(tokens.filter((t) => !t.stop).flatMap((t) => [t.term, ...(splitCompound(t.surface, l, isPart, false, map) ?? [])]));
  const presences: Map<string, number>[] = [];
  const merchantSentences: Set<string>[][] = [];
  const indexed: IndexedEntry[] = entries.map((e, i) => {
    const own = analyzed[i]!.sentences.map((s) => contentOf(s));
    const others = foreign[i]!.map((f) => contentOf(f.tokens, f.lang, f.concepts));
    const library = analyzed[i]!.library.map((s) => contentOf(s));
    merchantSentences.push([...own, ...others].filter((x) => x.size > 0));
    const all = [
      ...own.map((s) => ({ s, w: 1 })),
      ...others.map((s) => ({ s, w: FOREIGN_FACTOR })),
      ...library.map((s) => ({ s, w: LIBRARY_FACTOR })),
    ].filter((x) => x.s.size > 0);
    const sentences = all.map((x) => x.s);
    const sentenceWeights = all.map((x) => x.w);
    const keywordTerms = analyzed[i]!.keywords.flatMap((k) => [...contentOf(k)]);
    // How much each term belongs to the entry, for its rarity across entries: fully when the
    // merchant wrote it; for the library's words, by the share of its phrasings that use it. Forty
    // phrasings per intent use "where" and "order" somewhere in nearly every intent; counted as
    // present there, they would weigh nothing, in every entry.
    const presence = new Map<string, number>();
    for (const t of library.flatMap((s) => [...s])) presence.set(t, (presence.get(t) ?? 0) + LIBRARY_SPREAD / library.length);
    for (const t of [...own, ...others].flatMap((s) => [...s]).concat(keywordTerms)) presence.set(t, 1);
    presences.push(presence);
    return {
      id: e.id, sentences, sentenceWeights, terms: new Set([...sentences.flatMap((s) => [...s]), ...keywordTerms]),
      weighted: [],
      ...(foilIds.has(e.id) ? { foil: true as const } : {}),
    };
  });

  const ownTerms = new Set(presences.flatMap((p) => [...p].filter(([, v]) => v === 1).map(([t]) => t)));
  const df = new Map<string, number>();
  for (const presence of presences) for (const [t, p] of presence) df.set(t, (df.get(t) ?? 0) + Math.min(1, p));
  const n = Math.max(indexed.length, 2);
  const idfOf = (count: number) => Math.log(1 + (n - count + 0.5) / (count + 0.5));
  const unknownWeight = UNKNOWN_FACTOR * idfOf(1);
  // An order number or an email is incidental to what is asked, and so are everyday words and
  // the names in the FAQ's examples: they count, but little.
  const factor = (t: string) =>
    t.startsWith('#') ? ENTITY_FACTOR : properTerms.has(t) ? KNOWN_PROPER_FACTOR : isEverydayTerm(t, lang) ? EVERYDAY_FACTOR : 1;
  const idf = (t: string) => idfOf(df.get(t) ?? 1) * factor(t);
  for (const e of indexed) {
    e.weighted = e.sentences.map((sentence) => {
      const terms = [...sentence];
      const idfs = terms.map(idf);
      return { terms, idfs, all: idfs.reduce((a, b) => a + b, 0) };
    });
  }

  const fixer = createWordFixer(
    lang,
    // Only the merchant's words and the vocabulary's are known for sure: the library's phrasings
    // are typed as shoppers type, typos included ("Bestelung"), and must not vouch for one.
    (w) => surfaces.has(w) || concepts.vocabulary.has(w) || ownTerms.has(termOf(w, lang, concepts)) || isCommonWord(w, lang),
    [...surfaces, ...lexiconVocabulary(lang), ...concepts.vocabulary],
  );
  // BM25 over what the merchant wrote (its other languages' too): thousands of library phrasings
  // would make every search slow, and the rank reads the library through recall and fit.
  const lexical = createLexicalIndex(
    entries.flatMap((e, i) => merchantSentences[i]!.map((terms) => ({ faqId: e.id, terms: [...terms] }))),
  );
  const rules = createKeywordRules(ownEntries, lang, concepts);

  // Stems the FAQ uses, directly or through a synonym group ("schick" → "liefer"), by their start.
  const byPrefix = new Map<string, [stem: string, term: string][]>();
  for (const [stem, term] of [...[...df.keys()].map((t) => [t, t] as [string, string]), ...synonymStems(lang), ...[...concepts.stems].map(([s, terms]) => [s, terms[0]!] as [string, string])]) {
    if (stem.length < INFLECTION_MIN || stem.startsWith('#') || !df.has(term)) continue;
    const key = stem.slice(0, INFLECTION_MIN);
    byPrefix.set(key, [...(byPrefix.get(key) ?? []), [stem, term]]);
  }
  /** The FAQ term that `stem` is an inflection of: one is the other plus 1–3 letters. */
  function inflectionOf(stem: string): string | undefined {
    if (stem.length < INFLECTION_MIN) return undefined;
    return (byPrefix.get(stem.slice(0, INFLECTION_MIN)) ?? []).find(([s]) => {
      const [short, long] = s.length < stem.length ? [s, stem] : [stem, s];
      return long.length - short.length <= 3 && long.startsWith(short);
    })?.[1];
  }

  // An ambiguous word's other concepts stand in for its main one almost fully.
  const relatedIn = (term: string, alts: string[] = []) =>
    [...alts.map((a) => [a, ALT_STRENGTH] as [string, number]), ...relatedConcepts(term)].filter(([r]) => df.has(r) && r !== term);
  function resolve(token: Token, similarity: number): QueryTerm[] {
    // An entity or a number the FAQ never mentions says nothing either way.
    if (token.term.startsWith('#') && !df.has(token.term)) return [];
    if (df.has(token.term)) {
      // What a correction does not vouch for still counts as unknown.
      const weight = similarity * idf(token.term) + (1 - similarity) * unknownWeight;
      const related = isConceptTerm(token.term) ? relatedIn(token.term, token.alts) : [];
      return [{ term: token.term, similarity, known: true, weight, ...(related.length ? { related } : {}) }];
    }
    if (isConceptTerm(token.term)) {
      // A concept the FAQ never names, standing in for one it does ("parcel" for "order").
      const [best, ...rest] = relatedIn(token.term, token.alts).sort((a, b) => b[1] - a[1]);
      if (best) {
        const s = similarity * best[1];
        return [{ term: best[0], similarity: s, known: true, weight: s * idf(best[0]) + (1 - s) * unknownWeight, ...(rest.length ? { related: rest } : {}) }];
      }
    }
    const parts = splitCompound(token.surface, lang, (x) => df.has(x), false, concepts);
    if (parts) return parts.map((term) => ({ term, similarity: 0.9, known: true, weight: idf(term) }));
    // "Salatschüssel": a kind of "Schüssel"; what kind the FAQ does not know.
    const tail = splitCompound(token.surface, lang, (x) => df.has(x), true, concepts);
    if (tail) return [{ term: tail[0]!, similarity: 0.8, known: true, weight: idf(tail[0]!) }, { term: token.term, similarity: 0, known: false, weight: unknownWeight * 0.5 }];
    // An inflection the stemmer left on ("schickt" / "schick"): a known term plus or minus a few letters.
    const near = inflectionOf(token.term);
    if (near) return [{ term: near, similarity: 0.85, known: true, weight: 0.85 * idf(near) + 0.15 * unknownWeight }];
    const proper = token.proper === true && !NO_PROPER_NOUNS.has(lang);
    const unknownFactor = proper ? PROPER_FACTOR : isEverydayWord(token.surface, lang) ? EVERYDAY_FACTOR : 1;
    return [{ term: token.term, similarity: 0, known: false, weight: unknownWeight * unknownFactor }];
  }

  const ownSentencesPerEntry = ownEntries.reduce((sum, e, i) => sum + 1 + e.phrasings.length + analyzed[i]!.library.length, 0) / Math.max(1, ownEntries.length);
  // The index's query() (and resolve(), which it calls) share this call's scope with the build's
  // callbacks, so V8 keeps every variable any of them reads for as long as the index lives: the
  // analysed sentences (every token of every phrasing, library and other languages included) go now.
  analyzed.length = 0;
  foreign.length = 0;
  merchantSentences.length = 0;
  presences.length = 0;

  return {
    lang,
    entries: indexed,
    foils: foilIds,
    lexical,
    rules,
    idf,
    rareWeight: idfOf(1),
    ownSentencesPerEntry,
    query(text) {
      const prepared = prepare(text, lang);
      const fixed = fixer.fix(prepared.words, prepared.capitals);
      const tokens = analyzeWords({ words: fixed.words, capitals: prepared.capitals }, lang, concepts);
      const byTerm = new Map<string, QueryTerm>();
      for (const tok of tokens) {
        if (tok.stop) continue;
        const plain = !(tok.proper && !NO_PROPER_NOUNS.has(lang)) && !isEverydayWord(tok.surface, lang);
        for (const r of resolve(tok, fixed.similarity.get(tok.surface) ?? 1)) {
          const q = { ...r, topical: r.known && plain && factor(r.term) === 1 };
          const prev = byTerm.get(q.term);
          const kept = !prev || prev.similarity < q.similarity ? q : prev;
          // "payer avec PayPal": PayPal stands in for "payment", which the message also says; what
          // else PayPal relates to ("option", "accept") must not be lost with it.
          const related = mergeRelated(kept.term, prev?.related, q.related);
          byTerm.set(q.term, related.length ? { ...kept, related } : kept);
        }
      }
      return { tokens, terms: [...byTerm.values()] };
    },
  };
}

/** Two related lists as one, each term at its strongest, never the term itself. */
function mergeRelated(term: string, a: QueryTerm['related'] = [], b: QueryTerm['related'] = []): [string, number][] {
  const best = new Map<string, number>();
  for (const [r, k] of [...a, ...b]) if (r !== term && k > (best.get(r) ?? 0)) best.set(r, k);
  return [...best];
}
