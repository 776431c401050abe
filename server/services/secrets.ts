// Tokens and passwords. Node's crypto only: scrypt for passwords, 192-bit random tokens,
// and only sha256 digests of tokens are ever stored.
import { createHash, randomBytes, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { newId, pooledRandom } from '../storage/ids.js';

/**
 * 24 random bytes = 192 bits (well past the 128 a bearer token needs), URL-safe. Taken from the
 * ids' pool: the same CSPRNG, each byte used once, and one call into it per 4 KB instead of one
 * per visitor (a burst of first messages makes a token each).
 */
export const newToken = () => pooledRandom(24).toString('base64url');
// Ids are made by the store (storage/ids.ts); re-exported for the services that name records.
export { newId, pooledRandom };
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const PARAMS = { N: 16384, r: 8, p: 1 };
const KEYLEN = 32;

/**
 * scrypt runs in one worker thread of its own, not in libuv's threadpool. Each hash takes 16 MB
 * (128·N·r) from malloc, and glibc keeps a freed block that size in the arena of the thread that
 * used it: over the threadpool's four threads that was 64 MB of RSS held for good after a few
 * logins (67 MB after the demo seed's 5 hashes plus a login; 16 MB in one thread here). It also
 * keeps a burst of logins from taking the threadpool that the store's log appends wait on.
 */
const HASHER = `const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', (m) => {
  try { parentPort.postMessage({ id: m.id, key: scryptSync(m.password, m.salt, m.keylen, m.opts) }); }
  catch (err) { parentPort.postMessage({ id: m.id, error: String((err && err.message) || err) }); }
});`;

type Pending = { resolve: (key: Buffer) => void; reject: (err: Error) => void };
type Hasher = { worker: Worker; pending: Map<number, Pending>; idle?: NodeJS.Timeout };
let hasher: Hasher | null = null;
let nextJob = 0;

/**
 * Log-ins come in bursts (a shift starting) and are rare between them; an idle thread still holds
 * its own V8 heap and stack. It stops after this long without a job and the next hash starts a
 * new one (a thread's start, once per burst).
 */
let hasherIdleMs = 10_000;

/** Tests: how long the hashing thread waits for a job before it stops; whether it runs now. */
export const hasherThread = {
  setIdleMs: (ms: number) => void (hasherIdleMs = ms),
  running: () => hasher !== null,
};

function hasherWorker() {
  if (hasher) return hasher;
  // No --import tsx in there: it is plain JS.
  const worker = new Worker(HASHER, { eval: true, execArgv: [] });
  const pending = new Map<number, Pending>();
  const current: Hasher = { worker, pending };
  worker.unref();
  worker.on('message', (m: { id: number; key?: Uint8Array; error?: string }) => {
    const job = pending.get(m.id);
    if (!job) return;
    pending.delete(m.id);
    // Idle, it must not keep the process alive; busy, it must (a script awaiting a hash).
    if (pending.size === 0) {
      worker.unref();
      current.idle = setTimeout(() => {
        if (hasher === current) hasher = null;
        void worker.terminate();
      }, hasherIdleMs).unref();
    }
    if (m.error !== undefined || !m.key) job.reject(new Error(m.error ?? 'scrypt failed'));
    else job.resolve(Buffer.from(m.key.buffer, m.key.byteOffset, m.key.byteLength));
  });
  const fail = (err: Error) => {
    if (hasher === current) hasher = null;
    for (const job of pending.values()) job.reject(err);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`scrypt worker exited (${code})`)));
  hasher = current;
  return current;
}

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  const current = hasherWorker();
  const { worker, pending } = current;
  clearTimeout(current.idle);
  const id = ++nextJob;
  return new Promise((resolve, reject) => {
    if (pending.size === 0) worker.ref();
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, password: password.normalize('NFKC'), salt, keylen: KEYLEN, opts });
  });
}

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, N, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: +N!, r: +r!, p: +p! });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
