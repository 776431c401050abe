// Ranked retrieval over an FAQ's sentences (questions and phrasings): BM25 from MiniSearch, on
// terms the analyser has already produced (stems, concepts, "#order"), with prefix search for
// cut-off and compound words and a little edit-distance fuzziness on long terms. Each query
// term is boosted by the weight the matcher gives it (rare words count more, corrections less).
import MiniSearch from 'minisearch';

export interface Sentence {
  faqId: string;
  terms: string[];
}

export interface LexicalIndex {
  /** faqId → best BM25 score among its sentences (entries with no shared term are absent). */
  search(terms: string[], weight: (term: string) => number): Map<string, number>;
}

interface Doc {
  id: number;
  faqId: string;
  text: string;
}

export function createLexicalIndex(sentences: Sentence[]): LexicalIndex {
  const mini = new MiniSearch<Doc>({
    fields: ['text'],
    storeFields: ['faqId'],
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
  });
  mini.addAll(sentences.map((s, id) => ({ id, faqId: s.faqId, text: s.terms.join(' ') })));

  return {
    search(terms, weight) {
      const best = new Map<string, number>();
      if (terms.length === 0) return best;
      const results = mini.search(terms.join(' '), {
        combineWith: 'OR',
        prefix: (term) => term.length >= 5 && !/^[#@]/.test(term),
        fuzzy: (term) => (term.length >= 7 && !/^[#@]/.test(term) ? 0.15 : false),
        weights: { prefix: 0.5, fuzzy: 0.4 },
        boostTerm: (term) => weight(term),
      });
      for (const r of results) {
        const faqId = r.faqId as string;
        if ((best.get(faqId) ?? 0) < r.score) best.set(faqId, r.score);
      }
      return best;
    },
  };
}
