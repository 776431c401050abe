// Everything the console shows, as one immutable value changed only by `reduce`: socket facts
// and command results arrive in any order (and again after a reconnect), so every action is
// written to be safe to apply twice.
import type { CannedReply, ConversationDetail, ConversationSummary, Message, SiteTopic } from '../../../protocol/types.js';
import type { CommandError } from '../api/agent-socket.js';
import { lastAgentSeq, mergeMessages } from './merge-messages.js';

/** A reply typed by the agent that the server has not stored yet. */
export interface PendingReply {
  clientId: string;
  text: string;
  /** sending: in flight; waiting: resent on the next connect; failed: refused, the agent decides. */
  state: 'sending' | 'waiting' | 'failed';
  error?: CommandError;
}

export interface Chat {
  summary: ConversationSummary;
  messages: Message[];
  pending: PendingReply[];
  loaded: boolean;
  /** Highest seq the agent has had in front of them. */
  seenSeq: number;
  visitorTyping: boolean;
}

export interface ConsoleState {
  myId: string;
  queue: Record<string, ConversationSummary>;
  chats: Record<string, Chat>;
  /** Chats in the order they were opened, for a stable list and Alt+↑/↓. */
  order: string[];
  selectedId: string | null;
  /** Closed chats from `conversations:list`, newest first when listed. */
  closed: Record<string, ConversationSummary>;
  /** undefined: not asked yet; null: everything is loaded; a string: where the next page starts. */
  closedCursor: string | null | undefined;
  /** The own site's closing tags and canned replies, loaded on connect. */
  tags: string[];
  /** The closing tags of each site the agent works on (a chat closes with its own site's). */
  tagsBySite: Record<string, string[]>;
  canned: CannedReply[];
  /** The site's topics (what a chat is about; its closing tag is pre-selected from it). */
  topics: SiteTopic[];
}

export type Action =
  | { type: 'synced'; queue: ConversationSummary[]; mine: ConversationSummary[] }
  | { type: 'queueAdded'; conversation: ConversationSummary }
  | { type: 'queueRemoved'; conversationId: string }
  | { type: 'conversationUpdated'; conversation: ConversationSummary }
  | { type: 'detail'; detail: ConversationDetail }
  | { type: 'messageCreated'; message: Message }
  | { type: 'typing'; conversationId: string; typing: boolean }
  | { type: 'pending'; conversationId: string; reply: PendingReply }
  | { type: 'pendingDiscarded'; conversationId: string; clientId: string }
  | { type: 'select'; conversationId: string | null }
  | { type: 'seen'; conversationId: string }
  | { type: 'dropped'; conversationId: string }
  | { type: 'closedPage'; conversations: ConversationSummary[]; nextCursor: string | null; reset: boolean }
  | { type: 'workspace'; tags?: string[]; tagsBySite?: Record<string, string[]>; canned?: CannedReply[]; topics?: SiteTopic[] }
  | { type: 'cannedSaved'; reply: CannedReply }
  | { type: 'cannedDeleted'; id: string };

export const initialState = (myId: string): ConsoleState => ({
  myId,
  queue: {},
  chats: {},
  order: [],
  selectedId: null,
  closed: {},
  closedCursor: undefined,
  tags: [],
  tagsBySite: {},
  canned: [],
  topics: [],
});

/** Mine: assigned to me, or closed by me and not yet dismissed. */
export const isMine = (s: ConsoleState, c: Chat) => c.summary.assignedAgentId === s.myId && c.summary.status !== 'queued';

export function reduce(s: ConsoleState, a: Action): ConsoleState {
  switch (a.type) {
    case 'synced': {
      let next: ConsoleState = { ...s, queue: Object.fromEntries(a.queue.map((c) => [c.id, c])) };
      for (const c of a.mine) next = upsertSummary(next, c);
      return next;
    }
    case 'queueAdded':
    case 'conversationUpdated': {
      const c = a.conversation;
      const queue = { ...s.queue };
      if (c.status === 'queued') queue[c.id] = c;
      else delete queue[c.id];
      const tracked = s.chats[c.id] || (c.status === 'assigned' && c.assignedAgentId === s.myId);
      const next = { ...s, queue, closed: withClosed(s.closed, c, s.myId) };
      return tracked ? upsertSummary(next, c) : next;
    }
    case 'queueRemoved': {
      if (!s.queue[a.conversationId]) return s;
      const queue = { ...s.queue };
      delete queue[a.conversationId];
      return { ...s, queue };
    }
    case 'detail': {
      const { conversation: c, messages } = a.detail;
      let next = upsertSummary(s, c);
      const chat = next.chats[c.id]!;
      const merged = mergeMessages(chat.messages, messages);
      const seenSeq = chat.loaded ? chat.seenSeq : Math.max(chat.seenSeq, lastAgentSeq(merged));
      next = withChat(next, { ...chat, messages: merged, loaded: true, seenSeq, pending: settle(chat.pending, merged) });
      if (c.status !== 'queued' && next.queue[c.id]) return reduce(next, { type: 'queueRemoved', conversationId: c.id });
      return next;
    }
    case 'messageCreated': {
      const m = a.message;
      const chat = s.chats[m.conversationId];
      if (!chat) return s;
      const messages = mergeMessages(chat.messages, [m]);
      if (messages === chat.messages) return s;
      const lastSeq = Math.max(chat.summary.lastSeq, m.seq);
      // A new visitor message ends their "typing…".
      const visitorTyping = m.author === 'visitor' ? false : chat.visitorTyping;
      // Whoever answered had read what came before.
      const seenSeq = m.author === 'agent' ? Math.max(chat.seenSeq, m.seq) : chat.seenSeq;
      const summary = { ...chat.summary, lastSeq };
      return withChat(s, { ...chat, messages, visitorTyping, seenSeq, summary, pending: settle(chat.pending, [m]) });
    }
    case 'typing': {
      const chat = s.chats[a.conversationId];
      return chat && chat.visitorTyping !== a.typing ? withChat(s, { ...chat, visitorTyping: a.typing }) : s;
    }
    case 'pending': {
      const chat = s.chats[a.conversationId];
      if (!chat || chat.messages.some((m) => m.clientId === a.reply.clientId)) return s;
      const pending = [...chat.pending.filter((p) => p.clientId !== a.reply.clientId), a.reply];
      return withChat(s, { ...chat, pending });
    }
    case 'pendingDiscarded': {
      const chat = s.chats[a.conversationId];
      return chat ? withChat(s, { ...chat, pending: chat.pending.filter((p) => p.clientId !== a.clientId) }) : s;
    }
    case 'select':
      return s.selectedId === a.conversationId ? s : { ...s, selectedId: a.conversationId };
    case 'seen': {
      const chat = s.chats[a.conversationId];
      const last = chat?.messages[chat.messages.length - 1]?.seq ?? 0;
      return chat && last > chat.seenSeq ? withChat(s, { ...chat, seenSeq: last }) : s;
    }
    case 'closedPage': {
      let closed = a.reset ? {} : s.closed;
      for (const c of a.conversations) closed = withClosed(closed, c, s.myId, true);
      return { ...s, closed, closedCursor: a.nextCursor };
    }
    case 'workspace':
      return { ...s, tags: a.tags ?? s.tags, tagsBySite: a.tagsBySite ?? s.tagsBySite, canned: a.canned ?? s.canned, topics: a.topics ?? s.topics };
    case 'cannedSaved':
      return { ...s, canned: [...s.canned.filter((r) => r.id !== a.reply.id), a.reply].sort((x, y) => x.shortcut.localeCompare(y.shortcut)) };
    case 'cannedDeleted':
      return { ...s, canned: s.canned.filter((r) => r.id !== a.id) };
    case 'dropped': {
      if (!s.chats[a.conversationId]) return s;
      const chats = { ...s.chats };
      delete chats[a.conversationId];
      const order = s.order.filter((id) => id !== a.conversationId);
      return { ...s, chats, order, selectedId: s.selectedId === a.conversationId ? null : s.selectedId };
    }
  }
}

function upsertSummary(s: ConsoleState, c: ConversationSummary): ConsoleState {
  const chat = s.chats[c.id];
  if (chat) {
    // Facts can overtake each other: an older summary never rolls a newer one back.
    const newer = c.updatedAt >= chat.summary.updatedAt ? c : chat.summary;
    return withChat(s, { ...chat, summary: { ...newer, lastSeq: Math.max(c.lastSeq, chat.summary.lastSeq) } });
  }
  const fresh: Chat = { summary: c, messages: [], pending: [], loaded: false, seenSeq: 0, visitorTyping: false };
  return { ...s, chats: { ...s.chats, [c.id]: fresh }, order: [...s.order, c.id] };
}

/** Keep the closed list in step: a chat I close joins it, a reopened one leaves it. */
function withClosed(closed: ConsoleState['closed'], c: ConversationSummary, myId: string, listed = false): ConsoleState['closed'] {
  const belongs = c.status === 'closed' && (listed || c.assignedAgentId === myId || c.id in closed);
  if (belongs) return closed[c.id] === c ? closed : { ...closed, [c.id]: c };
  if (!closed[c.id]) return closed;
  const next = { ...closed };
  delete next[c.id];
  return next;
}

function withChat(s: ConsoleState, chat: Chat): ConsoleState {
  return { ...s, chats: { ...s.chats, [chat.summary.id]: chat } };
}

/** A stored message with our clientId is the end of that pending reply. */
function settle(pending: PendingReply[], stored: readonly Message[]): PendingReply[] {
  if (pending.length === 0) return pending;
  const ids = new Set(stored.map((m) => m.clientId).filter(Boolean));
  const left = pending.filter((p) => !ids.has(p.clientId));
  return left.length === pending.length ? pending : left;
}
