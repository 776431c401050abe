// The shop vocabulary as the analyzer and matcher look it up (built in concepts.ts).

export interface ConceptMap {
  /**
   * Normalised word → its concept terms, the first the main one: a form may name two concepts
   * when it is ambiguous in shop talk (French "retirer": collect a parcel, or take an item out).
   * The exact form wins over a stem shared with another concept.
   */
  words: Map<string, string[]>;
  /** Stem → concept terms. */
  stems: Map<string, string[]>;
  /** Multi-word forms by their stems, longest first. */
  phrases: { stems: string[]; terms: string[] }[];
  /** The same, by their first stem (a message's word is only tried against the phrases it starts). */
  phrasesByFirst: Map<string, { stems: string[]; terms: string[] }[]>;
  /** Every word of every form (the typo corrector may correct into them). */
  vocabulary: Set<string>;
}
