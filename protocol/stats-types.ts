// The numbers (GET /api/admin/stats; every key defined in docs/numbers.md). Type-only.
import type { FollowUpStats } from './follow-up-types.js';

export interface Percentiles {
  /** null when nothing was measured. */
  p50: number | null;
  p90: number | null;
}

export interface StatsDay {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  conversations: number;
  deflected: number;
  handoffs: number;
  /** Questions the bot stepped aside on or whose answer was marked unhelpful that day. */
  unanswered: number;
}

export interface FaqStats {
  faqId: string;
  answers: number;
  helpful: number;
  unhelpful: number;
  /** helpful ÷ (helpful + unhelpful); null without feedback. */
  precision: number | null;
}

export interface StatsResult {
  range: { from: string; to: string };
  filters: { lang?: string; tag?: string; agentId?: string };
  conversations: number;
  deflected: number;
  deflectionRate: number | null;
  handoffs: number;
  firstResponseMs: Percentiles;
  resolutionMs: Percentiles;
  /** Conversations closed by an agent (the FCR denominator) and those resolved at first contact. */
  closedByAgent: number;
  firstContactResolved: number;
  fcrRate: number | null;
  rating: { average: number | null; count: number; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
  byTag: { tag: string; conversations: number }[];
  byLang: { lang: string; conversations: number }[];
  byDay: StatsDay[];
  faq: FaqStats[];
  /** The bot's precision over every answer with feedback: helpful ÷ (helpful + unhelpful). */
  botPrecision: number | null;
  unanswered: number;
  /** Order follow-ups sent and shown in the range, and the order questions asked after them (site-wide: the filters do not apply). */
  followUps: FollowUpStats;
}
