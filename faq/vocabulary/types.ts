// The shape of the multilingual shop vocabulary: per language, the words and phrases that name
// each language-independent concept (./concepts.ts). The matcher folds them into one concept
// term, so a French message meets an entry through its English phrasings and back.
export interface LangVocabulary {
  lang: string;
  /** concept id → surface forms in this language: words or multi-word phrases, natural spelling
   *  (accents allowed; the engine normalises and stems), inflections, colloquial and chat forms. */
  concepts: Record<string, string[]>;
}
