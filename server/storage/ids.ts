// Record ids. They live with the store, which makes message ids itself; services import them
// from here (storage depends on nothing above it).
import { randomBytes } from 'node:crypto';

/** 96 random bits, URL-safe (ids need not be secret, but are not guessable either). */
export const newId = () => pooledRandom(12).toString('base64url');

/**
 * Random bytes taken from a 4 KB block (as crypto.randomUUID does): one randomBytes() call per
 * id was a visible share of the server's CPU under load (bench:load --cpu-prof). Same CSPRNG.
 */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolAt = 0;
export function pooledRandom(n: number): Buffer {
  if (poolAt + n > pool.length) {
    pool = randomBytes(Math.max(POOL_BYTES, n));
    poolAt = 0;
  }
  const out = pool.subarray(poolAt, poolAt + n);
  poolAt += n;
  return out;
}
