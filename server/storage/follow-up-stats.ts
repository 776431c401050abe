// The follow-up numbers of GET /api/admin/stats (docs/numbers.md): follow-ups sent and shown in
// the range, and the order-status questions their customers asked in the 7 days after one was
// shown. A pure function, like stats-query.ts: each store picks out the records, this counts.
import type { FollowUpStats, Message } from '../../protocol/types.js';
import { isCustomers } from './order-events.js';
import type { ConversationRecord, OrderEventRecord, StatsFilter } from './records.js';
import { FCR_WINDOW_MS, rangeOf } from './stats-query.js';

/** The FAQ entry about tracking an order (the bot's order-status exchange starts from it too). */
const ORDER_FAQ_ID = 'order-tracking';
/** A question within this long after a follow-up was shown counts as asked after it. */
export const QUESTION_WINDOW_MS = FCR_WINDOW_MS;

export interface FollowUpSource {
  /** The site's order events (those sent or shown in the range at least). */
  events: readonly OrderEventRecord[];
  /** The site's conversations with a verified customer (those of the events' customers at least). */
  conversations: readonly ConversationRecord[];
  /** A conversation's visitor and bot messages. */
  messages(conversationId: string): readonly Message[];
}

const aboutOrder = (m: Message) => m.author === 'bot' && (m.bot?.outcome === 'order' || m.bot?.faqId === ORDER_FAQ_ID);
/** The bot asked for the order's number or e-mail: the next message answers it, it asks nothing new. */
const asksBack = (m: Message) => m.author === 'bot' && (m.bot?.order?.step === 'ask-number' || m.bot?.order?.step === 'ask-email');

/** When each visitor message the bot answered about an order was written (answers to its own questions left out). */
function orderQuestions(messages: readonly Message[]): number[] {
  const at: number[] = [];
  let lastBot: Message | undefined;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (m.author === 'bot') lastBot = m;
    if (m.author !== 'visitor' || (lastBot && asksBack(lastBot))) continue;
    for (let j = i + 1; j < messages.length && messages[j]!.author !== 'visitor'; j++) {
      if (aboutOrder(messages[j]!)) {
        at.push(m.createdAt);
        break;
      }
    }
  }
  return at;
}

/** The conversations whose questions can count: those of a customer with a follow-up shown in the range. */
export function followUpConversations(filter: StatsFilter, events: readonly OrderEventRecord[], conversations: readonly ConversationRecord[]): ConversationRecord[] {
  const [start, end] = rangeOf(filter);
  const shown = events.filter((e) => e.siteId === filter.siteId && e.shownAt !== undefined && e.shownAt >= start && e.shownAt < end);
  if (!shown.length) return [];
  return conversations.filter((c) => {
    const v = c.siteId === filter.siteId ? c.identity?.verified : undefined;
    return !!v && shown.some((e) => isCustomers(e, { id: v.sub, ...(v.email ? { email: v.email } : {}) }));
  });
}

export function followUpStats(filter: StatsFilter, src: FollowUpSource): FollowUpStats {
  const [start, end] = rangeOf(filter);
  const mine = src.events.filter((e) => e.siteId === filter.siteId);
  const inRange = (t: number | undefined) => t !== undefined && t >= start && t < end;
  const shown = mine.filter((e) => inRange(e.shownAt));
  let questions = 0;
  for (const c of src.conversations) {
    const v = c.identity?.verified;
    if (c.siteId !== filter.siteId || !v) continue;
    const who = { id: v.sub, ...(v.email ? { email: v.email } : {}) };
    const theirs = shown.filter((e) => isCustomers(e, who)).map((e) => e.shownAt!);
    if (!theirs.length) continue;
    // Each question once, however many follow-ups came before it.
    for (const t of orderQuestions(src.messages(c.id))) if (theirs.some((s) => t > s && t <= s + QUESTION_WINDOW_MS)) questions++;
  }
  return { sent: mine.filter((e) => inRange(e.sentAt)).length, shown: shown.length, orderQuestionsAfter: questions };
}
