// One language of a site's FAQ, indexed once at start: every entry's terms, how rare each term
// is across entries (a word in every entry says little), the typo corrector's vocabulary, the
// lexical index and the keyword rules. query() turns a visitor's message into weighted terms.
import type { Lang } from '../server/protocol/types.js';
import { analyze, analyzeWord, isCommonWord, isEverydayTerm, isEverydayWord, isTypoOfCommonWord, type Token } from './analyzer.js';
import { splitCompound } from './compounds.js';
import { createTypoCorrector, type TypoCorrector } from './fuzzy-index.js';
import { createKeywordRules, type KeywordRules } from './keyword-rules.js';
import { createLexicalIndex, type LexicalIndex } from './lexical-index.js';
import { lexiconFor } from './lexicon/index.js';
import { STOP_WORDS } from './stop-words.js';
import type { FaqEntry } from './types.js';

export interface IndexedEntry {
  id: string;
  /** Every content term of the entry: question, phrasings, keywords. */
  terms: Set<string>;
  /** Content terms of the question and of each phrasing. */
  sentences: Set<string>[];
}

export interface QueryTerm {
  term: string;
  /** 0..1: 1 for a word the FAQ uses, less for a typo's correction. */
  similarity: number;
  /** Whether any entry uses the term. */
  known: boolean;
  /** How much the term says: rare in the FAQ, or unknown to it, counts more. */
  weight: number;
}

export interface Query {
  tokens: Token[];
  terms: QueryTerm[];
}

export interface LangIndex {
  lang: Lang;
  entries: IndexedEntry[];
  lexical: LexicalIndex;
  rules: KeywordRules;
  idf(term: string): number;
  /** The weight of a term found in a single entry: the most a known term can weigh. */
  rareWeight: number;
  query(text: string): Query;
}

/** An unknown word weighs like a term found in a single entry, times this. */
const UNKNOWN_FACTOR = 1;
const ENTITY_FACTOR = 0.3;
const EVERYDAY_FACTOR = 0.5;
/** An unknown name ("Munich", "Anna") is what the question is about less often than other words. */
const PROPER_FACTOR = 0.3;
/** German capitalises every noun: no telling names from words there. */
const NO_PROPER_NOUNS = new Set(['de']);

export function createLangIndex(entries: FaqEntry[], lang: Lang): LangIndex {
  const surfaces = new Set<string>();
  const analyzed = entries.map((e) => ({
    sentences: [e.question, ...e.phrasings].map((text) => analyze(text, lang)),
    keywords: e.keywords.map((text) => analyze(text, lang)),
  }));
  const base = new Set<string>();
  for (const a of analyzed) {
    for (const t of [...a.sentences, ...a.keywords].flat()) {
      surfaces.add(t.surface);
      if (!t.stop) base.add(t.term);
    }
  }
  // "Versandkosten" also counts as "versand" + "kosten", when the FAQ knows both.
  const contentOf = (tokens: Token[]) =>
    new Set(tokens.filter((t) => !t.stop).flatMap((t) => [t.term, ...(splitCompound(t.surface, lang, (x) => base.has(x)) ?? [])]));
  const indexed: IndexedEntry[] = entries.map((e, i) => {
    const sentences = analyzed[i]!.sentences.map(contentOf).filter((s) => s.size > 0);
    const keywordTerms = analyzed[i]!.keywords.flatMap((k) => [...contentOf(k)]);
    return { id: e.id, sentences, terms: new Set([...sentences.flatMap((s) => [...s]), ...keywordTerms]) };
  });

  const df = new Map<string, number>();
  for (const e of indexed) for (const t of e.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(indexed.length, 2);
  const idfOf = (count: number) => Math.log(1 + (n - count + 0.5) / (count + 0.5));
  const unknownWeight = UNKNOWN_FACTOR * idfOf(1);
  // An order number or an email is incidental to what is asked: it counts, but little; an
  // everyday word ("time", "new") counts half.
  const factor = (t: string) => (t.startsWith('#') ? ENTITY_FACTOR : isEverydayTerm(t, lang) ? EVERYDAY_FACTOR : 1);
  const idf = (t: string) => idfOf(df.get(t) ?? 1) * factor(t);

  const lex = lexiconFor(lang);
  const corrector: TypoCorrector = createTypoCorrector([
    ...surfaces,
    ...(STOP_WORDS[lang] ?? []),
    ...(lex ? lex.filler.split(/\s+/) : []),
    ...(lex ? lex.synonyms.split(/\s+/) : []),
  ]);
  const lexical = createLexicalIndex(
    entries.flatMap((e, i) => indexed[i]!.sentences.map((s) => ({ faqId: e.id, terms: [...s] }))),
  );
  const rules = createKeywordRules(entries, lang);

  function resolve(token: Token, split = true): QueryTerm[] {
    if (df.has(token.term)) return [{ term: token.term, similarity: 1, known: true, weight: idf(token.term) }];
    // An entity or a number the FAQ never mentions says nothing either way.
    if (token.term.startsWith('#')) return [];
    // "hwat", "acn", "yor": a short word the FAQ does not know is usually a mistyped little word.
    if (token.surface.length <= 4 && isTypoOfCommonWord(token.surface, lang)) return [];
    // Two words typed as one ("touchwith", "uhelp", "myaccount").
    const pair = split ? splitJoined(token.surface) : null;
    if (pair) return pair.flatMap((t) => (t.stop ? [] : resolve(t, false)));
    const everyday = isEverydayWord(token.surface, lang);
    const fixed = everyday ? null : corrector.correct(token.surface);
    if (fixed && fixed.word !== token.surface) {
      const t = analyzeWord(fixed.word, lang);
      // Only a sure correction may turn a word into one that does not count ("winter" is not "want").
      if (t.stop && (fixed.similarity >= 0.85 || token.surface.length <= 5)) return [];
      if (df.has(t.term)) {
        // What the correction does not vouch for still counts as unknown.
        const weight = fixed.similarity * idf(t.term) + (1 - fixed.similarity) * unknownWeight;
        return [{ term: t.term, similarity: fixed.similarity, known: true, weight }];
      }
    }
    const parts = splitCompound(token.surface, lang, (x) => df.has(x));
    if (parts) return parts.map((term) => ({ term, similarity: 0.9, known: true, weight: idf(term) }));
    const proper = token.proper && !NO_PROPER_NOUNS.has(lang);
    const unknownFactor = proper ? PROPER_FACTOR : everyday ? EVERYDAY_FACTOR : 1;
    return [{ term: token.term, similarity: 0, known: false, weight: unknownWeight * unknownFactor }];
  }

  /** The two words of a word typed without its space, when both are words we know. */
  function splitJoined(word: string): Token[] | null {
    if (word.length < 5 || !/^\p{L}+$/u.test(word)) return null;
    const ok = (w: string) => isCommonWord(w, lang) || (w.length >= 3 && (surfaces.has(w) || df.has(analyzeWord(w, lang).term)));
    for (let i = 1; i < word.length - 1; i++) {
      const [a, b] = [word.slice(0, i), word.slice(i)];
      if (ok(a) && ok(b)) return analyze(`${a} ${b}`, lang);
    }
    return null;
  }

  return {
    lang,
    entries: indexed,
    lexical,
    rules,
    idf,
    rareWeight: idfOf(1),
    query(text) {
      const tokens = analyze(text, lang);
      const byTerm = new Map<string, QueryTerm>();
      for (const tok of tokens) {
        if (tok.stop) continue;
        for (const q of resolve(tok)) {
          const prev = byTerm.get(q.term);
          if (!prev || prev.similarity < q.similarity) byTerm.set(q.term, q);
        }
      }
      return { tokens, terms: [...byTerm.values()] };
    },
  };
}
