// Pure helpers over the stored messages of one conversation, ordered by `seq` (1, 2, 3…).
import type { VisitorMessage as Message } from '../../protocol/types.js';

/** Merge by seq: a message seen twice (ack, broadcast, resync) is kept once, newest copy wins. */
export function mergeMessages(held: Message[], incoming: Message[]): Message[] {
  if (!incoming.length) return held;
  const bySeq = new Map(held.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The seq to resync after: the end of the gap-free run from `synced` (the last sync covered
 * everything up to it), not the highest seq held, so a broadcast missed while another arrived
 * (reconnect, room joined late) is fetched again. Agents' internal notes take seqs the visitor
 * never receives: a sync past them is what closes those gaps.
 */
export function contiguousSeq(held: Message[], synced: number): number {
  let n = synced;
  for (const m of held) {
    if (m.seq === n + 1) n = m.seq;
    else if (m.seq > n + 1) break;
  }
  return n;
}

export const lastSeq = (held: Message[]): number => (held.length ? held[held.length - 1]!.seq : 0);

/** Replies the visitor has not seen: their own and system lines never count. */
export const unreadCount = (held: Message[], readSeq: number): number =>
  held.filter((m) => m.seq > readSeq && (m.author === 'agent' || m.author === 'bot')).length;
