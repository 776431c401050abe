// The FAQ seams: what a site's FAQ is, and the two small interfaces the server depends on
// (Matcher, LanguageDetector). Implementations live beside this file; the server imports
// only ./index.ts.
import type { Lang, Link } from '../protocol/types.js';

export interface FaqEntry {
  /** Same id across languages for the same topic, e.g. "order-tracking". */
  id: string;
  question: string;
  /** Other ways visitors ask the same thing. */
  phrasings: string[];
  /** Words or short phrases that, when present, point strongly at this entry. */
  keywords: string[];
  /** One or more answer variations (plain text). */
  answers: string[];
  /** Only http:, https: and mailto: URLs (checked by the loader). */
  links?: Link[];
  /** One of the site's topics (e.g. "orders", "complaint"): what a hand-off about it is routed by (faq/topic.ts). */
  topic?: string;
  /**
   * A starter entry not yet adapted to the shop (faq/data/starter/): the bot answers it, the
   * merchant is told to edit it; deleting the field marks it edited.
   */
  draft?: boolean;
  /**
   * The built-in shop intents this entry answers (faq/intents/catalog.ts, e.g. "track_order"):
   * their phrasings in every language then count as ways of asking it. Absent, they are read from
   * the entry's own sentences; [] links none.
   */
  intent?: string | string[];
}

export interface FaqFile {
  lang: Lang;
  entries: FaqEntry[];
}

/** lang → that language's FAQ. */
export type FaqCatalog = Record<Lang, FaqFile>;

export interface MatchCandidate {
  faqId: string;
  /** 0..1, higher is better. */
  confidence: number;
  /** 'keyword' when one of the entry's keywords is in the message, else 'fuzzy' (similarity only). */
  via: 'keyword' | 'fuzzy';
  /** The component scores the confidence was made of, so a decision can be explained. */
  scores?: Record<string, number>;
}

export interface Matcher {
  /** Best candidates first (at most a handful). Empty when nothing is close. */
  match(text: string, lang: Lang): MatchCandidate[];
}

export interface DetectHints {
  /** The site's languages: the only possible answers. */
  allowed: Lang[];
  /** Browser languages (navigator.languages / Accept-Language), most preferred first; tags like "fr-CH" allowed. */
  browser?: string[];
  /** The page's `<html lang>` (e.g. "de-AT"): the shop's language, a weaker hint than the browser's. */
  page?: string;
  /** The language the conversation already has (sticky: a short "ok" does not switch it). */
  conversation?: Lang;
  /** When nothing else decides: the site's default language. */
  fallback: Lang;
}

export interface Detection {
  lang: Lang;
  /** 0..1 */
  confidence: number;
}

export interface LanguageDetector {
  detect(text: string, hints: DetectHints): Detection;
}
