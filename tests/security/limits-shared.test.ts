// Two servers sharing Redis share the per-address and per-visitor limits: an address spread over
// both gets one server's allowance — open connections, new connections per minute, HTTP requests
// — and so does a visitor's `conversation:sync`. Skipped where Redis is not installed (CI installs it).
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorSendResult } from '../../protocol/types.js';
import { redisAvailable, startRedis } from '../helpers/redis.js';
import { ack, clientId, closeClients, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { closeRawSockets, outcome, visitorSocket } from './fixtures.js';

describe.skipIf(!redisAvailable())('limits across two servers sharing Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: TestServer;
  let b: TestServer;
  let redisClient: ReturnType<typeof createClient>;
  beforeAll(async () => {
    redis = await startRedis();
    redisClient = createClient({ url: redis.url });
    await redisClient.connect();
    const config = { redisUrl: redis.url, trustProxy: true, maxConnectionsPerIp: 3, connectionsPerMinute: 6, httpRequestsPerMinute: 20 } as const;
    a = await startServer(config);
    b = await startServer(config);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redisClient?.quit();
    await redis?.stop();
  });
  afterEach(() => {
    closeClients();
    closeRawSockets();
  });

  const from = (server: TestServer, ip: string) => visitorSocket(server.url, { siteId: 'demo' }, { 'x-forwarded-for': ip });

  it('open connections per address: a cap of 3 split over both servers refuses the 4th on either; closing one frees a slot on the other', async () => {
    const held = [from(a, '203.0.113.5'), from(b, '203.0.113.5'), from(a, '203.0.113.5')];
    for (const s of held) expect(await outcome(s)).toBe('connect');
    expect(await outcome(from(b, '203.0.113.5'))).toMatch(/^engine:/);
    expect(await outcome(from(a, '203.0.113.5'))).toMatch(/^engine:/);
    expect(await outcome(from(b, '198.51.100.5'))).toBe('connect');
    expect(a.app.io.engine.clientsCount + b.app.io.engine.clientsCount).toBe(4);
    held[0]!.close();
    // Each attempt spends one of the address's new connections: wait for the release, then try once.
    const counts = async () => Object.values(await redisClient.hGetAll('bulle:lim:conn:203.0.113.5')).reduce((n, c) => n + Number(c), 0);
    await expect.poll(counts, { timeout: 20_000, interval: 100 }).toBe(2);
    expect(await outcome(from(b, '203.0.113.5'))).toBe('connect');
  });

  it('new connections per address: 6 a minute over both servers, then refused on either', async () => {
    for (let i = 0; i < 6; i++) {
      const s = from(i % 2 ? a : b, '203.0.113.9');
      expect(await outcome(s)).toBe('connect');
      s.close(); // closed at once: the open-connection cap never sees more than one
    }
    expect(await outcome(from(a, '203.0.113.9'))).toMatch(/^engine:/);
    expect(await outcome(from(b, '203.0.113.9'))).toMatch(/^engine:/);
    expect(await outcome(from(b, '198.51.100.9'))).toBe('connect');
  });

  it('HTTP requests per address: 20 a minute over both servers, the 21st is 429 on either', async () => {
    const get = (server: TestServer, ip: string) => server.app.inject({ url: '/health', headers: { 'x-forwarded-for': ip } });
    for (let i = 0; i < 20; i++) expect((await get(i % 2 ? a : b, '203.0.113.20')).statusCode).toBe(200);
    const limited = await get(a, '203.0.113.20');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get(b, '203.0.113.20')).statusCode).toBe(429);
    expect((await get(b, '198.51.100.20')).statusCode).toBe(200);
  });

  it('conversation:sync per visitor: one visitor on both servers gets one bucket (burst 30), not two', async () => {
    // Loopback clients: exempt from the per-address limits, not from the per-visitor one.
    const first = connectVisitor(a.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(first, 'connect');
    const sent = await ok<VisitorSendResult>(first, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Hello', page });
    // Each test server has its own store: the visitor is copied, so the token works on both.
    const conv = await a.app.store.getConversation(sent.conversation.id);
    const visitor = await a.app.store.getVisitor(conv!.visitorId);
    await b.app.store.createVisitor(visitor!);
    const onA = connectVisitor(a.url, { siteId: 'demo', token: sent.token });
    const onB = connectVisitor(b.url, { siteId: 'demo', token: sent.token });
    await Promise.all([waitFor(onA, 'connect'), waitFor(onB, 'connect')]);
    // 60 at once, 30 on each server: two buckets of 30 would accept them all; one accepts 30 and
    // what it refills (2 a second) while they run.
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => ack(i % 2 ? onA : onB, VISITOR_CMD.conversationSync, { afterSeq: 0 })));
    const elapsedS = (Date.now() - started) / 1000;
    const accepted = results.filter((r) => r.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(30);
    expect(accepted).toBeLessThanOrEqual(30 + Math.ceil(2 * elapsedS));
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('RATE_LIMITED');
  });
});
