// One FIFO queue per site and language. The queues are not stored as arrays: a
// waiting chat's place is given by (queuedAt, order), so a chat put back keeps its priority
// without any list surgery, and the state cannot disagree with itself.
import type { Lang } from '../../protocol/types.js';
import type { ConversationState, RouterState } from './types.js';

/** Oldest first; order breaks ties between equal queuedAt. */
export const byAge = (a: ConversationState, b: ConversationState): number =>
  a.queuedAt - b.queuedAt || a.order - b.order;

export function waitingChats(state: RouterState, siteId?: string, lang?: Lang): ConversationState[] {
  return Object.values(state.conversations)
    .filter((c) => c.status === 'waiting' && (siteId === undefined || c.siteId === siteId))
    .filter((c) => lang === undefined || c.lang === lang)
    .sort(byAge);
}

/** 1-based place in its site+language queue, or null if it is not waiting. */
export function queuePosition(state: RouterState, conversationId: string): number | null {
  const conv = state.conversations[conversationId];
  if (!conv || conv.status !== 'waiting') return null;
  return waitingChats(state, conv.siteId, conv.lang).indexOf(conv) + 1;
}

/**
 * Put a chat (back) in the queue of `lang`. queuedAt is untouched: a chat whose agent went
 * offline, or that was transferred, is served before the chats that arrived after it.
 */
export function enterQueue(conv: ConversationState, lang: Lang, now: number, declinedBy: string | null): void {
  conv.status = 'waiting';
  conv.lang = lang;
  conv.agentId = null;
  conv.assignedAt = null;
  conv.waitingSince = now;
  conv.openToAll = false;
  conv.skillOpen = false;
  conv.declinedBy = declinedBy;
}
