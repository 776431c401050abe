// The id a reply keeps across resends, so the server stores it once however often we retry
// (AgentMessageSendSchema: 8–64 chars of [A-Za-z0-9_-]).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

export function newClientId(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let id = '';
  for (const b of bytes) id += ALPHABET[b & 63];
  return id;
}
