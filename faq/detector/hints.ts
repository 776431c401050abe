// What the chat knows before reading the text, as prior evidence per language (same log units as
// the text evidence). Browser and page languages are BCP 47 tags ("fr-CH", "pt_BR"); only their
// primary subtag counts, and only when the site speaks it.
import type { Lang } from '../../protocol/types.js';
import type { DetectHints } from '../types.js';

export interface HintWeights {
  /** The first browser language the site speaks. ln(0.7 / (0.3 / 7)) ≈ 2.8: a hint right 70 % of the time among 8 languages. */
  browser: number;
  /** Each later browser language the site speaks ("de-CH, fr, en": fr and en). */
  browserOther: number;
  /** The page's `lang`: the shop's own language, which many but not all visitors read. */
  page: number;
  /** The conversation's language on messages longer than STICKY_WORDS: a real sentence in another language still switches it. */
  conversation: number;
  /** The site's default language: a tie-breaker. */
  fallback: number;
}

/** Up to this many words a message is a reaction ("ok", "merci beaucoup"): it never switches the conversation's language. */
export const STICKY_WORDS = 2;

export function primary(tag: string | undefined, allowed: Lang[]): Lang | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return base && allowed.includes(base) ? base : undefined;
}

/**
 * Prior evidence per allowed language, the languages the hints name, strongest first (tie order),
 * and the language a short message must keep.
 */
export function hintPriors(hints: DetectHints, allowed: Lang[], fallback: Lang, words: number, w: HintWeights) {
  const prior = new Map<Lang, number>(allowed.map((l) => [l, 0]));
  const add = (lang: Lang | undefined, v: number) => lang !== undefined && prior.set(lang, prior.get(lang)! + v);
  const conversation = primary(hints.conversation, allowed);
  add(conversation, w.conversation);
  const browser = [...new Set((hints.browser ?? []).map((t) => primary(t, allowed)).filter((l) => l !== undefined))];
  browser.forEach((lang, i) => add(lang, i === 0 ? w.browser : w.browserOther));
  const page = primary(hints.page, allowed);
  add(page, w.page);
  add(fallback, w.fallback);
  const order = [conversation, ...browser, page, fallback, ...allowed].filter((l): l is Lang => l !== undefined);
  return { prior, order, sticky: words <= STICKY_WORDS ? conversation : undefined };
}
