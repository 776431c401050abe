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
    // Enough draws to wrap the 4 KB pool several times. A reused stretch of the pool would repeat
    // an 8-byte window; ~21,000 random windows repeat one by chance about once in 10^11 runs.
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      for (const bytes of [Buffer.from(newToken(), 'base64url'), Buffer.from(newId(), 'base64url')]) {
        for (let at = 0; at + 8 <= bytes.length; at += 4) {
          const window = bytes.subarray(at, at + 8).toString('hex');
          expect(seen.has(window)).toBe(false);
          seen.add(window);
        }
      }
    }
  });
});
