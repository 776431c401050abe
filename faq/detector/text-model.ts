// What the detector needs from a statistical language model, so that eld and franc (and any
// later model) plug in the same way. Evidence is in natural-log units, like a log-likelihood
// ratio: 0 for the best-fitting language, negative for the others, larger gaps on longer text.
import type { Lang } from '../../protocol/types.js';

export interface TextModel {
  /** Whether the model has a profile for this language at all. */
  knows(lang: Lang): boolean;
  /**
   * Evidence for each language of `langs` that the model knows (≤ 0, best = 0), and the best
   * evidence among the languages it knows that are NOT in `langs` (undefined when it has none
   * or does not say): a text in Catalan on a Spanish–English site should not look certain.
   */
  evidence(text: string, langs: Lang[]): { scores: Map<Lang, number>; outside?: number };
}

/** Turns raw per-language scores (higher = better) into evidence relative to the best allowed one. */
export function relative(raw: Map<Lang, number>, outside: number | undefined): ReturnType<TextModel['evidence']> {
  let best = -Infinity;
  for (const v of raw.values()) best = Math.max(best, v);
  const scores = new Map<Lang, number>();
  for (const [lang, v] of raw) scores.set(lang, v - best);
  return outside === undefined || scores.size === 0 ? { scores } : { scores, outside: outside - best };
}
