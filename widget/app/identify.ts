// Bulle.identify, sent after connecting: `{ email?, name?, orders?, signature? }`, acked with
// `{ verified }`. Its schema and handler are the server's signed-identity work; until they are in
// protocol/events.ts (and the typed map) the name is spelled here, and a server without them
// answers NOT_FOUND, which changes nothing for the chat.
import type { Identity } from './chat-state.js';
import type { VisitorConnection } from './connection.js';

export const VISITOR_IDENTIFY = 'visitor:identify';

export function sendIdentity(conn: VisitorConnection, identity: Identity | undefined, timeoutMs: number): void {
  if (!identity || !conn.connected) return;
  const send = conn.request as unknown as (event: string, payload: object, ms: number) => Promise<unknown>;
  send(VISITOR_IDENTIFY, identity, timeoutMs).catch(() => {});
}
