// Visitor and session tokens come from the same pool of random bytes as record ids
// (server/storage/ids.ts): each byte is used once, so a token never repeats an id's bytes or
// another token's, and it keeps its full 192 bits.
import { describe, expect, it } from 'vitest';
import { newId, newToken } from '../../server/services/secrets.js';

describe('tokens', () => {
  it('are 192 bits, URL-safe', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(24);
  });

  it('never share bytes with each other or with the ids drawn between them', () => {
    // Enough draws to wrap the 4 KB pool several times.
    const seen = new Set<string>();
    const chunks: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const token = Buffer.from(newToken(), 'base64url');
      const id = Buffer.from(newId(), 'base64url');
      // 8-byte windows: a reused stretch of the pool would repeat one (chance of a false alarm ~2^-40).
      for (const bytes of [token, id]) for (let at = 0; at + 8 <= bytes.length; at += 4) chunks.push(bytes.subarray(at, at + 8).toString('hex'));
      for (const c of chunks.splice(0)) {
        expect(seen.has(c)).toBe(false);
        seen.add(c);
      }
    }
  });
});
