// The bot's decision on a visitor's message, from the matcher's candidates: answer when the best
// entry is confident, offer up to three entries as "did you mean" buttons in the middle band,
// step aside (say so, offer a person) below it. Pure: the server stores the result, with the
// scores, so an agent or the merchant can see why the bot said what it said.
import { isHandoffRequest } from './handoff.js';
import { findSmallTalk, type SmallTalkKind } from './small-talk.js';
import type { Lang } from '../protocol/types.js';
import type { MatchCandidate, Matcher } from './types.js';

export interface Thresholds {
  /** The best candidate's confidence from which the bot answers. */
  answer: number;
  /**
   * The same on a thin FAQ (at most THIN_PHRASINGS sentences per entry in the message's language,
   * `scores.phrasings`), where the confidence's features run lower for right and wrong entries
   * alike. Absent (a site's own `{ answer, suggest }`), `answer`.
   */
  answerThin?: number;
  /**
   * From this confidence (and below `answer`) the bot offers "did you mean" buttons; below it, in
   * the best candidate's plausibility (`scores.plausibility` when the matcher gives it), it steps aside.
   */
  suggest: number;
  /**
   * Close entries: when the runner-up's relevance is within this of the best one's (and it is
   * plausible itself), the bot offers both instead of answering one. 0 turns it off; absent
   * (a site's own `{ answer, suggest }`), DEFAULT_CLOSE.
   */
  close?: number;
  /**
   * The same margin on a rich FAQ (more than THIN_PHRASINGS sentences per entry in the message's
   * language, `scores.phrasings`): there many phrasings already tell close entries apart, and a
   * wide margin only turns right answers into buttons. Absent, DEFAULT_CLOSE_RICH.
   */
  closeRich?: number;
}

/** At most this many sentences per entry (a question and maybe one more) is a thin FAQ. */
export const THIN_PHRASINGS = 2;

/**
 * Chosen with the confidence's fit on three FAQ shapes (`npm run bench:faq:calibrate`; figures and
 * reasons in docs/2026-12-06-faq-intent-library.md): answer, the threshold with the best mean
 * top-1 that keeps precision and out-of-scope step-aside ≥ 90 % on every shape — with the intent
 * library's phrasings linked, a thin FAQ no longer needs a threshold of its own (`answerThin`
 * stays for a site or a bench run that wants one); suggest, on the plausibility for stepping
 * aside, fitted the same way without `support`; close 0.06 on a thin FAQ and 0.04 on a rich one,
 * where a wider margin only turns right answers into buttons.
 */
export const DEFAULT_CLOSE = 0.06;
export const DEFAULT_CLOSE_RICH = 0.04;
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  answer: 0.61,
  suggest: 0.45,
  close: DEFAULT_CLOSE,
  closeRich: DEFAULT_CLOSE_RICH,
});

/**
 * Below this evidence (the weight of the message's words the entry shares, two rare words = 1) the
 * bot offers instead of answering, however confident: a one-word message in a FAQ whose
 * linked phrasings include one-word ones would otherwise be answered from that phrasing alone.
 */
export const MIN_EVIDENCE = 0.25;

/** Up to this many "did you mean" buttons. */
export const MAX_SUGGESTIONS = 3;

export type Outcome = 'answer' | 'suggest' | 'stepAside';

export interface Decision {
  outcome: Outcome;
  /** The entry answered with (outcome 'answer'). */
  faqId?: string;
  /** Entries offered as buttons, best first (outcome 'suggest'). */
  suggestions?: string[];
  /** The best candidate's confidence, 0 when there is none. */
  confidence: number;
  /** The best candidate's component scores. */
  scores: Record<string, number>;
  /** The candidates the decision was made from (at most a handful). */
  candidates: MatchCandidate[];
}

export function decide(candidates: MatchCandidate[], thresholds: Thresholds = DEFAULT_THRESHOLDS): Decision {
  const best = candidates[0];
  const base = { confidence: best?.confidence ?? 0, scores: best?.scores ?? {}, candidates };
  // In scope or not is the plausibility's call; which entry, and whether to answer, the confidence's.
  if (!best || (best.scores?.plausibility ?? best.confidence) < thresholds.suggest) return { outcome: 'stepAside', ...base };
  // A common shop question this FAQ has no entry for fits the message better than any entry.
  if (best.scores?.foil) return { outcome: 'stepAside', ...base };
  const second = candidates[1];
  const rich = (best.scores?.phrasings ?? 0) > THIN_PHRASINGS;
  const close = rich ? (thresholds.closeRich ?? DEFAULT_CLOSE_RICH) : (thresholds.close ?? DEFAULT_CLOSE);
  const tooClose =
    second !== undefined &&
    close > 0 &&
    second.confidence >= thresholds.suggest &&
    (best.scores?.relevance ?? 0) - (second.scores?.relevance ?? 0) < close;
  const answerAt = rich ? thresholds.answer : (thresholds.answerThin ?? thresholds.answer);
  // One everyday shop word ("delivery", "my order") says which area, not which question: offer,
  // unless the merchant wrote that very phrasing for the entry.
  const vague = (best.scores?.evidence ?? 1) < MIN_EVIDENCE && (best.scores?.own ?? 0) < 1;
  if (best.confidence >= answerAt && !tooClose && !vague) return { outcome: 'answer', faqId: best.faqId, ...base };
  // Buttons only for entries that are themselves plausible: half the suggest threshold.
  const suggestions = candidates
    .filter((c) => c.confidence >= thresholds.suggest / 2)
    .slice(0, MAX_SUGGESTIONS)
    .map((c) => c.faqId);
  return { outcome: 'suggest', suggestions, ...base };
}

export type BotDecisionResult =
  | Decision
  | { outcome: 'handoff'; confidence: 1; scores: Record<string, number>; candidates: [] }
  /** Small talk and nothing else: the bot replies in kind (faq/small-talk.ts), no FAQ entry. */
  | { outcome: 'smalltalk'; kind: SmallTalkKind; langs: string[]; confidence: 1; scores: Record<string, number>; candidates: [] };

/**
 * The whole decision for one message in the FAQ's language: a request for a person first (in any
 * language), then small talk ("bonjour", "thx"), then the matcher and decide() on what is left
 * once the small talk is taken off ("bonjour, où est ma commande ?" is a question about an
 * order). The server's bot and the FAQ bench both call this.
 */
export function decideMessage(matcher: Matcher, text: string, faqLang: Lang, thresholds: Thresholds = DEFAULT_THRESHOLDS): BotDecisionResult {
  if (isHandoffRequest(text)) return { outcome: 'handoff', confidence: 1, scores: {}, candidates: [] };
  const st = findSmallTalk(text);
  if (st?.rest === '') return { outcome: 'smalltalk', kind: st.kind, langs: st.langs, confidence: 1, scores: {}, candidates: [] };
  return decide(matcher.match(st ? st.rest : text, faqLang), thresholds);
}
