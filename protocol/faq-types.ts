// The wire contract's shapes of the FAQ's learning loop: questions the bot could not answer
// and the additions made from them in the console (type-only).
import type { Lang } from './conversation-types.js';

/** agent `unanswered:list`: a question the bot could not answer well, newest first. */
export interface UnansweredItem {
  id: string;
  text: string;
  lang: Lang;
  at: number;
  conversationId: string;
  reason: 'stepped-aside' | 'unhelpful';
  /** The best FAQ candidate the bot had, and its confidence. */
  best?: { faqId: string; confidence: number };
  /** The bot's top candidates (Message.bot.candidates), best first: the console offers them first. */
  candidates?: { faqId: string; confidence: number }[];
}

/** Who added or decided on a FAQ addition. */
export interface FaqActor {
  agentId: string;
  name: string;
}

/**
 * A change to a site's FAQ made from the console, on top of its read-only FAQ files: a visitor's
 * question added as a phrasing of an entry, or a new entry. `active` ones are what the bot uses;
 * `proposed` (from a visitor's "did you mean" choice that helped) and `draft` (a new entry) wait
 * for an admin; `dismissed` ones are kept so the same proposal is not made again.
 */
export interface FaqAddition {
  id: string;
  kind: 'phrasing' | 'entry';
  status: 'active' | 'proposed' | 'draft' | 'dismissed';
  /** The FAQ language it belongs to. */
  lang: Lang;
  /** The entry it is a phrasing of, or the new entry's id. */
  faqId: string;
  /** The phrasing, or the new entry's question. */
  text: string;
  /** A new entry's answer. */
  answer?: string;
  /** The unanswered question it came from. */
  unansweredId?: string;
  /** An agent's action, or a visitor's helpful "did you mean" choice (no actor). */
  source: 'agent' | 'visitor';
  addedBy?: FaqActor;
  at: number;
  /** The admin who confirmed, published or dismissed it. */
  decidedBy?: FaqActor;
  decidedAt?: number;
}

/** agent `faq:entries`: one entry of the site's FAQ as the bot uses it (files + active additions). */
export interface FaqEntrySummary {
  id: string;
  lang: Lang;
  question: string;
  phrasings: string[];
}

/**
 * Near-identical unanswered questions (same text once case, accents, punctuation, order numbers
 * and other figures are set aside), newest first, with what was attached from them since.
 */
export interface UnansweredGroup {
  key: string;
  /** The newest question's own words. */
  text: string;
  lang: Lang;
  count: number;
  latestAt: number;
  /** The newest question's id (what `faq:attach` and `faq:draft` take). */
  id: string;
  conversationId: string;
  reasons: UnansweredItem['reason'][];
  best?: { faqId: string; confidence: number };
  candidates?: { faqId: string; confidence: number }[];
  /** An active or pending addition made from this question (or one asked the same way). */
  attached?: { additionId: string; faqId: string; kind: FaqAddition['kind']; status: FaqAddition['status']; at: number };
}

export interface UnansweredListResult {
  items: UnansweredItem[];
  groups: UnansweredGroup[];
  /** The site's FAQ additions, newest first (≤ 200). */
  additions: FaqAddition[];
}
