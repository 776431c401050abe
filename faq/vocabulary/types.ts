// One language's shop vocabulary: the words shoppers use for each concept (see ./README.md).
export interface LangVocabulary {
  lang: string;
  /** concept id → surface forms in this language: words or multi-word phrases, natural spelling
   *  (accents allowed; the engine normalises and stems), inflections, colloquial and chat forms. */
  concepts: Record<string, string[]>;
}
