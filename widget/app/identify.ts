// Bulle.identify, sent after connecting (and again when the page calls it while connected):
// `{ email?, name?, orders?, signature? }`, acked with `{ verified }`. A failure changes nothing
// for the chat: the identity stays unverified.
import { VISITOR_CMD } from '../../protocol/events.js';
import type { Identity } from './chat-state.js';
import type { VisitorConnection } from './connection.js';

export function sendIdentity(conn: VisitorConnection, identity: Identity | undefined, timeoutMs: number): void {
  if (!identity || !conn.connected) return;
  conn.request(VISITOR_CMD.visitorIdentify, identity, timeoutMs).catch(() => {});
}
