// Two servers sharing Redis share the log-in throttle: guesses spread over both servers get the
// failures one server allows, not twice as many, and a good password still gets in afterwards
// from another address. Skipped where Redis is not installed (CI installs it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAvailable, startRedis } from '../helpers/redis.js';
import { startServer, type TestServer } from '../helpers/server.js';

describe.skipIf(!redisAvailable())('the log-in throttle across two servers', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    redis = await startRedis();
    const config = { redisUrl: redis.url, trustProxy: true, httpRequestsPerMinute: 0, loginMaxFailures: 5 } as const;
    a = await startServer(config);
    b = await startServer(config);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  const login = (server: TestServer, email: string, password: string, xff: string) =>
    server.app.inject({ method: 'POST', url: '/api/agent/login', headers: { 'x-forwarded-for': xff }, payload: { email, password } });

  it('40 concurrent wrong passwords over two servers: at most 5 evaluations, the rest 429', async () => {
    const all = await Promise.all(Array.from({ length: 40 }, (_, i) => login(i % 2 ? a : b, 'jonas@demo.bulle.chat', `guess-${i}`, `198.51.100.${i + 1}`)));
    const count: Record<number, number> = {};
    for (const r of all) count[r.statusCode] = (count[r.statusCode] ?? 0) + 1;
    expect(count[401] ?? 0).toBeGreaterThanOrEqual(1);
    expect(count[401] ?? 0).toBeLessThanOrEqual(5);
    expect((count[401] ?? 0) + (count[429] ?? 0)).toBe(40);
  });

  it('five failures on one server block that e-mail on the other', async () => {
    for (let i = 0; i < 5; i++) expect((await login(a, 'lucia@demo.bulle.chat', `wrong-${i}`, '203.0.113.7')).statusCode).toBe(401);
    const blocked = await login(b, 'lucia@demo.bulle.chat', 'demo-lucia', '203.0.113.8');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('a good password clears the e-mail’s failures everywhere', async () => {
    expect((await login(a, 'camille@demo.bulle.chat', 'wrong', '203.0.113.20')).statusCode).toBe(401);
    expect((await login(b, 'camille@demo.bulle.chat', 'demo-camille', '203.0.113.21')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(a, 'camille@demo.bulle.chat', `wrong-${i}`, `203.0.113.${30 + i}`)).statusCode).toBe(401);
    expect((await login(b, 'camille@demo.bulle.chat', 'demo-camille', '203.0.113.40')).statusCode).toBe(200);
  });
});
