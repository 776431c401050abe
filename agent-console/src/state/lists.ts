// The sidebar's sections, derived from the state: chats that need my reply, chats
// waiting for the visitor (I spoke last), the queue per language, and recently closed chats.
import type { ConversationSummary } from '../../../protocol/types.js';
import type { Chat, ConsoleState } from './console-state.js';

export interface SidebarLists {
  needsReply: Chat[];
  waitingVisitor: Chat[];
  queueByLang: { lang: string; items: ConversationSummary[] }[];
  closed: ConversationSummary[];
}

/** The last word in the chat, notes and system lines aside, was mine (or is on its way). */
export function agentSpokeLast(chat: Chat): boolean {
  if (chat.pending.length > 0) return true;
  for (let i = chat.messages.length - 1; i >= 0; i--) {
    const m = chat.messages[i]!;
    if (m.internal || m.author === 'system') continue;
    if (m.author === 'agent') return true;
    if (m.author === 'visitor') return false;
  }
  return false;
}

const waitingSince = (c: ConversationSummary) => c.queuedAt ?? c.createdAt;

/** Only the chats of one site (the sidebar's site filter); null: every site. */
export function forSite(lists: SidebarLists, siteId: string | null): SidebarLists {
  if (siteId === null) return lists;
  const here = (c: ConversationSummary) => c.siteId === siteId;
  return {
    needsReply: lists.needsReply.filter((c) => here(c.summary)),
    waitingVisitor: lists.waitingVisitor.filter((c) => here(c.summary)),
    queueByLang: lists.queueByLang.map((g) => ({ ...g, items: g.items.filter(here) })).filter((g) => g.items.length > 0),
    closed: lists.closed.filter(here),
  };
}

/** `languages` orders the queue groups (the agent's own order); others follow alphabetically. */
export function sidebarLists(s: ConsoleState, languages: readonly string[]): SidebarLists {
  const mine = s.order.map((id) => s.chats[id]!).filter((c) => c.summary.assignedAgentId === s.myId && c.summary.status === 'assigned');
  const groups = new Map<string, ConversationSummary[]>();
  for (const c of Object.values(s.queue).sort((a, b) => waitingSince(a) - waitingSince(b))) {
    const lang = c.queueLang ?? c.lang; // the queue it waits in; the visitor's language shows on the item
    groups.set(lang, [...(groups.get(lang) ?? []), c]);
  }
  const rank = (l: string) => (languages.includes(l) ? languages.indexOf(l) : languages.length);
  const queueByLang = [...groups].map(([lang, items]) => ({ lang, items })).sort((a, b) => rank(a.lang) - rank(b.lang) || a.lang.localeCompare(b.lang));

  const closed = new Map(Object.entries(s.closed));
  for (const id of s.order) {
    const c = s.chats[id]!.summary;
    if (c.status === 'closed' && c.assignedAgentId === s.myId) closed.set(c.id, c);
  }
  const at = (c: ConversationSummary) => c.closedAt ?? c.updatedAt;
  return {
    needsReply: mine.filter((c) => !agentSpokeLast(c)),
    waitingVisitor: mine.filter(agentSpokeLast),
    queueByLang,
    closed: [...closed.values()].sort((a, b) => at(b) - at(a)),
  };
}
