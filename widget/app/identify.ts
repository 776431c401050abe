// Bulle.identify, sent after connecting (and again when the page calls it while connected):
// `{ email?, name?, orders?, signature? }`, acked with `{ verified, followUps? }`. A failure changes
// nothing for the chat: the identity stays unverified. A verified customer's follow-ups (news of
// their orders) go to `onFollowUps`.
import { VISITOR_CMD } from '../../protocol/events.js';
import type { FollowUp } from '../../protocol/types.js';
import type { Identity } from './chat-state.js';
import type { VisitorConnection } from './connection.js';

export function sendIdentity(conn: VisitorConnection, identity: Identity | undefined, timeoutMs: number, onFollowUps: (f: FollowUp[]) => void): void {
  if (!identity || !conn.connected) return;
  conn
    .request(VISITOR_CMD.visitorIdentify, identity, timeoutMs)
    .then((ack) => ack.ok && ack.data.followUps && onFollowUps(ack.data.followUps))
    .catch(() => {});
}
