// The shared limits' own rules, against a real Redis: a server that dies stops counting once its
// deadline passes; a shared bucket refills on Redis's clock; with Redis gone, each limit falls back
// to this server's own count instead of refusing everyone or lifting the limit.
// Skipped where Redis is not installed (CI installs it).
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharedBuckets } from '../../server/cluster/shared-buckets.js';
import { SharedConnections } from '../../server/cluster/shared-connections.js';
import { LocalBuckets } from '../../server/sockets/local-limits.js';
import type { RedisClient } from '../../server/sockets/redis-adapter.js';
import { redisAvailable, startRedis } from '../helpers/redis.js';

const quiet = { warn: () => {} };

describe.skipIf(!redisAvailable())('shared limits against a real Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let client: RedisClient;
  beforeAll(async () => {
    redis = await startRedis();
    client = createClient({ url: redis.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.quit();
    await redis?.stop();
  });

  it('a server that stops renewing (killed): its connections stop counting once its deadline passes', async () => {
    // Renews only at start: from the others' side, it died just after.
    const dead = new SharedConnections(client, 2, quiet, { nodeTtlMs: 1500, heartbeatMs: 3_600_000 });
    const live = new SharedConnections(client, 2, quiet);
    await Promise.all([dead.start(), live.start()]);
    try {
      expect(await dead.acquire('203.0.113.50')).toBeTypeOf('function');
      expect(await dead.acquire('203.0.113.50')).toBeTypeOf('function');
      expect(await live.acquire('203.0.113.50')).toBeNull();
      await expect.poll(async () => (await live.acquire('203.0.113.50')) !== null, { timeout: 20_000, interval: 200 }).toBe(true);
      expect(live.local('203.0.113.50')).toBe(1);
    } finally {
      await Promise.all([dead.stop(), live.stop()]);
    }
  });

  it('a server that was cut off past its deadline writes its counts back once it reaches Redis again', async () => {
    // Its deadline lapses between renewals: the others see it dead for a while, as after an outage.
    const late = new SharedConnections(client, 3, quiet, { nodeTtlMs: 300, heartbeatMs: 1500 });
    const other = new SharedConnections(client, 3, quiet);
    await Promise.all([late.start(), other.start()]);
    const key = 'bulle:lim:conn:203.0.113.55';
    const holds2 = async () => Object.values(await client.hGetAll(key)).includes('2');
    try {
      await late.acquire('203.0.113.55');
      await late.acquire('203.0.113.55');
      expect(await holds2()).toBe(true);
      // A check on that address while `late` looks dead deletes its counts…
      await expect
        .poll(async () => {
          (await other.acquire('203.0.113.55'))?.();
          return holds2();
        }, { timeout: 10_000, interval: 100 })
        .toBe(false);
      // …and its next renewal writes them back.
      await expect.poll(holds2, { timeout: 10_000, interval: 100 }).toBe(true);
    } finally {
      await Promise.all([late.stop(), other.stop()]);
    }
  });

  it('a server stopping cleanly gives its slots back at once; a release frees a slot for another server', async () => {
    const one = new SharedConnections(client, 2, quiet);
    const two = new SharedConnections(client, 2, quiet);
    await Promise.all([one.start(), two.start()]);
    try {
      const release = (await one.acquire('203.0.113.51'))!;
      await one.acquire('203.0.113.51');
      expect(await two.acquire('203.0.113.51')).toBeNull();
      release();
      await expect.poll(async () => (await two.acquire('203.0.113.51')) !== null, { timeout: 10_000, interval: 50 }).toBe(true);
      expect(await two.acquire('203.0.113.51')).toBeNull();
      await one.stop();
      expect(await two.acquire('203.0.113.51')).toBeTypeOf('function');
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });

  it('a shared bucket: its burst, then refused with the wait for the next token', async () => {
    const buckets = new SharedBuckets(client, 'unit', 0.5, 3, new LocalBuckets(0.5, 3, 10), quiet);
    for (let i = 0; i < 3; i++) expect(await buckets.take('v1')).toEqual({ ok: true });
    const refused = await buckets.take('v1');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBeGreaterThan(1000);
    expect(await buckets.take('v2')).toEqual({ ok: true });
    // The key goes when the bucket would be full again: nothing is kept for a quiet visitor.
    expect(await client.pTTL('bulle:lim:unit:v1')).toBeLessThanOrEqual(7000);
  });

  it('Redis answering late: the connection counts here, and the count Redis took after all is given back', async () => {
    const connections = new SharedConnections(client, 5, quiet);
    await connections.start();
    const blocker = client.duplicate();
    await blocker.connect();
    try {
      // Redis knows the script first (else its late answer would be NOSCRIPT, and the count later still).
      (await connections.acquire('203.0.113.70'))!();
      await expect.poll(async () => Object.keys(await client.hGetAll('bulle:lim:conn:203.0.113.70')).length, { timeout: 20_000, interval: 100 }).toBe(0);
      // A script that keeps Redis busy for a second or more (past the 1 s a check waits).
      const busy = blocker.eval('local n = 0 for i = 1, 350000000 do n = n + i end return 1', {}).catch(() => {});
      await new Promise((r) => setTimeout(r, 100)); // so the busy script is Redis's first
      const release = await connections.acquire('203.0.113.70');
      expect(release).toBeTypeOf('function');
      expect(connections.local('203.0.113.70')).toBe(1);
      await busy;
      release!();
      await client.ping(); // after the late answer on the same connection
      await expect.poll(async () => Object.keys(await client.hGetAll('bulle:lim:conn:203.0.113.70')).length, { timeout: 20_000, interval: 100 }).toBe(0);
    } finally {
      await connections.stop();
      await blocker.quit();
    }
  });

  it('Redis gone: buckets and connection counts fall back to this server’s own', async () => {
    const other = await startRedis();
    const gone: RedisClient = createClient({ url: other.url, socket: { reconnectStrategy: 1000 } });
    gone.on('error', () => {});
    await gone.connect();
    const connections = new SharedConnections(gone, 2, quiet);
    await connections.start();
    try {
      const buckets = new SharedBuckets(gone, 'unit', 0.001, 2, new LocalBuckets(0.001, 2, 10), quiet);
      await other.stop();
      await expect.poll(() => gone.isReady, { timeout: 20_000 }).toBe(false);
      expect(await buckets.take('v')).toEqual({ ok: true });
      expect(await buckets.take('v')).toEqual({ ok: true });
      expect((await buckets.take('v')).ok).toBe(false);
      expect(await connections.acquire('203.0.113.60')).toBeTypeOf('function');
      expect(await connections.acquire('203.0.113.60')).toBeTypeOf('function');
      expect(await connections.acquire('203.0.113.60')).toBeNull();
    } finally {
      await connections.stop();
      gone.destroy();
    }
  });
});
