// Which of the site's languages a visitor writes in. Every signal
// is evidence in one unit (natural log of a likelihood ratio) and they add up:
//   text:  eld (n-grams, good from one word on; eld-model.ts) + franc (trigrams, asked on texts of
//          20+ characters when eld is unsure or does not know a site language; franc-model.ts)
//          + cue words and letters (cues.ts);
//   hints: the conversation's language (sticky: "ok" does not switch it), the browser languages,
//          the page's lang, the site default (hints.ts).
// The answer is the allowed language with the most evidence; the confidence is its share after a
// softmax, where a text that fits a language outside the site (Catalan on a Spanish site) also
// competes, so it comes out unsure rather than confidently Spanish.
import type { Lang } from '../../protocol/types.js';
import type { DetectHints, Detection, LanguageDetector } from '../types.js';
import { cueEvidence, type CueWeights } from './cues.js';
import { createEldModel } from './eld-model.js';
import { createFrancModel, type FrancOptions } from './franc-model.js';
import { hintPriors, type HintWeights } from './hints.js';
import type { TextModel } from './text-model.js';

export interface DetectorWeights extends HintWeights, CueWeights {
  franc: FrancOptions;
  /** franc is asked only when eld and the cues leave the top two languages closer than this (it costs ~50 µs). */
  francBelowMargin: number;
  /** A site language no text model knows: this much less evidence than the best known one per word… */
  unknownPerWord: number;
  /** …up to this much. */
  unknownMax: number;
  /** Prior of "some language outside the site" in the confidence. */
  outside: number;
}

export const DEFAULT_WEIGHTS: DetectorWeights = {
  browser: 2.8,
  browserOther: 1,
  page: 1,
  conversation: 3,
  fallback: 0.3,
  word: 5,
  wordInSentence: 2,
  letter: 2,
  franc: { minLength: 20, scale: 0.5 },
  francBelowMargin: 3,
  unknownPerWord: 0.5,
  unknownMax: 5,
  outside: -1,
};

/** Longer texts add nothing and cost time. */
const MAX_CHARS = 500;

export function createLanguageDetector(options: { weights?: Partial<DetectorWeights> } = {}): LanguageDetector {
  const w: DetectorWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const eld = createEldModel();
  const franc = createFrancModel(w.franc);
  return { detect: (text, hints) => detect(text, hints, eld, franc, w) };
}

function detect(input: string, hints: DetectHints, eld: TextModel, franc: TextModel, w: DetectorWeights): Detection {
  const allowed = hints.allowed.length > 0 ? [...new Set(hints.allowed)] : [hints.fallback];
  const fallback = allowed.includes(hints.fallback) ? hints.fallback : allowed[0]!;
  const text = input.slice(0, MAX_CHARS);
  const words = text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
  const { prior, order, sticky } = hintPriors(hints, allowed, fallback, words, w);

  const evidence = new Map<Lang, number>(allowed.map((l) => [l, 0]));
  let outside: number | undefined;
  const add = (model: TextModel) => {
    const { scores, outside: o } = model.evidence(text, allowed);
    if (scores.size === 0) return;
    // A language this model does not know gets the model's average: it neither helps nor hurts.
    const mean = [...scores.values()].reduce((a, b) => a + b, 0) / scores.size;
    for (const lang of allowed) evidence.set(lang, evidence.get(lang)! + (scores.get(lang) ?? mean));
    if (o !== undefined) outside = Math.max(outside ?? -Infinity, o);
  };
  if (/\p{L}/u.test(text)) {
    add(eld);
    for (const [lang, v] of cueEvidence(text, allowed, w)) evidence.set(lang, evidence.get(lang)! + v);
    // franc: a second opinion on a sentence eld is unsure about, and the only one for languages eld does not know.
    const [first = 0, second = -Infinity] = [...evidence.values()].sort((a, b) => b - a);
    if (first - second < w.francBelowMargin || allowed.some((l) => !eld.knows(l))) add(franc);
    // A site language no model knows is judged against the best language that fits the text.
    const unknown = allowed.filter((l) => !eld.knows(l) && !franc.knows(l));
    if (unknown.length > 0 && unknown.length < allowed.length) {
      const best = Math.max(...allowed.filter((l) => !unknown.includes(l)).map((l) => evidence.get(l)!));
      for (const lang of unknown) evidence.set(lang, best - Math.min(w.unknownMax, w.unknownPerWord * words));
    }
  }

  const total = allowed.map((lang) => ({ lang, score: evidence.get(lang)! + prior.get(lang)! }));
  total.sort((a, b) => b.score - a.score || order.indexOf(a.lang) - order.indexOf(b.lang));
  // A reaction ("ok", "merci") keeps the conversation's language; the confidence still says how well the text agrees.
  const top = (sticky && total.find((t) => t.lang === sticky)) || total[0]!;
  let sum = 0;
  const max = total[0]!.score;
  for (const { score } of total) sum += Math.exp(score - max);
  if (outside !== undefined) sum += Math.exp(outside + w.outside - max);
  return { lang: top.lang, confidence: Math.round((100 * Math.exp(top.score - max)) / sum) / 100 };
}
