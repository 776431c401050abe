// A conversation's history arrives from three places (the claim/open ack, `message:created`,
// our own send ack) and again after every reconnect. `seq` is unique per conversation, so
// keying by it makes every merge idempotent and keeps the order the server gave.
import type { Message } from '../../../protocol/types.js';

export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return current as Message[];
  const bySeq = new Map<number, Message>();
  for (const m of current) bySeq.set(m.seq, m);
  let changed = false;
  for (const m of incoming) {
    const had = bySeq.get(m.seq);
    if (had && had.id === m.id) continue;
    bySeq.set(m.seq, m);
    changed = true;
  }
  if (!changed) return current as Message[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Visitor messages after `seenSeq`: what the unread badge counts. */
export function unreadCount(messages: readonly Message[], seenSeq: number): number {
  let n = 0;
  for (let i = messages.length - 1; i >= 0 && messages[i]!.seq > seenSeq; i--) {
    if (messages[i]!.author === 'visitor') n++;
  }
  return n;
}

/** Until the agent looks, what they last answered is the best guess of what they have read. */
export function lastAgentSeq(messages: readonly Message[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.author === 'agent') return messages[i]!.seq;
  return 0;
}
