// When the console should ring: a chat newly assigned to me that I did not claim
// myself (automatic routing, a transfer), or a new message from a visitor in one of my chats.
// Pure: decided from the state before a socket fact is applied.
import type { Action, ConsoleState } from './console-state.js';

export interface Alert {
  kind: 'assigned' | 'message';
  conversationId: string;
  title: string;
  body: string;
}

export function alertFor(s: ConsoleState, a: Action, claiming: ReadonlySet<string>): Alert | null {
  if (a.type === 'messageCreated') {
    const m = a.message;
    const chat = s.chats[m.conversationId];
    if (m.author !== 'visitor' || !chat || chat.summary.assignedAgentId !== s.myId || chat.summary.status !== 'assigned') return null;
    if (chat.messages.some((x) => x.seq === m.seq)) return null;
    return { kind: 'message', conversationId: m.conversationId, title: 'New message from a visitor', body: m.text.slice(0, 140) };
  }
  if (a.type === 'conversationUpdated' || a.type === 'queueAdded') {
    const c = a.conversation;
    if (c.status !== 'assigned' || c.assignedAgentId !== s.myId || claiming.has(c.id)) return null;
    const before = s.chats[c.id]?.summary;
    if (before && before.status === 'assigned' && before.assignedAgentId === s.myId) return null;
    return { kind: 'assigned', conversationId: c.id, title: `New chat (${c.lang.toUpperCase()}) assigned to you`, body: c.firstMessage?.slice(0, 140) ?? '' };
  }
  return null;
}
