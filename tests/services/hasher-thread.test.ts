// The password-hashing thread stops once idle and starts again for the next hash
// (server/services/secrets.ts): an idle server does not keep a V8 heap for log-ins.
import { afterAll, describe, expect, it } from 'vitest';
import { hasherThread, hashPassword, verifyPassword } from '../../server/services/secrets.js';
import { until } from '../helpers/until.js';

/** A thread's start and stop on a busy machine: generous. */
const CAP_MS = 20_000;

describe('the hashing thread', () => {
  afterAll(() => hasherThread.setIdleMs(10_000));

  it('stops when idle, and the next hash starts it again', async () => {
    hasherThread.setIdleMs(200);
    const stored = await hashPassword('correct horse battery');
    expect(hasherThread.running()).toBe(true);
    await until(() => !hasherThread.running(), CAP_MS);
    // A new thread answers as the old one did.
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(hasherThread.running()).toBe(true);
    expect(await verifyPassword('wrong horse', stored)).toBe(false);
    await until(() => !hasherThread.running(), CAP_MS);
  });

  it('does not stop while jobs are queued', async () => {
    hasherThread.setIdleMs(50);
    // Several hashes in flight at once: each is answered although the idle time is short.
    const all = await Promise.all(Array.from({ length: 4 }, (_, i) => hashPassword(`password ${i}`)));
    expect(new Set(all).size).toBe(4);
    for (const [i, stored] of all.entries()) expect(await verifyPassword(`password ${i}`, stored)).toBe(true);
  });
});
