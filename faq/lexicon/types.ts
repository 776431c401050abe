// What a shop's visitors mean, whatever words they pick: per language, chat spellings ("u",
// "plz", "stp"), filler that only says "I am asking" ("I need help to…", "j'aurais besoin…"),
// everyday words that rarely say what a question is about ("time", "new", "place"),
// multi-word expressions that are one idea ("customer service", "mot de passe") and groups of
// words that name the same thing in shop talk ("invoice", "bill", "receipt"). General shop
// vocabulary only, written for any shop's FAQ: a merchant's own words belong in the FAQ file
// (phrasings, keywords), not here. Everything is in normalised form (lower case, no accents).
export interface Lexicon {
  /** One word → the words it stands for. */
  spellings: Record<string, string>;
  /** Words that never tell two FAQ entries apart: requests for help, politeness, swearing. */
  filler: string;
  /** Everyday words: they count half, and are never "corrected" into an FAQ word. */
  common: string;
  /** Multi-word expression → the concept word(s) it stands for (matched on stems, longest first). */
  phrases: Record<string, string>;
  /** Each line: words that mean the same here; the first is the concept's name. */
  synonyms: string;
}
