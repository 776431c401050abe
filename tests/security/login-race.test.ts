// Log-in that cannot be raced or flooded: the attempt is counted before the slow password check,
// one attempt per address and per e-mail is in flight at a time, and a flood from one address
// (or a forwarded header claiming loopback) does not hold up an agent's own log-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  // One proxy in front; no HTTP rate limit, so only the log-in rules answer here.
  server = await startServer({ trustProxy: true, httpRequestsPerMinute: 0, loginMaxFailures: 5 });
});
afterAll(() => server.close());

const login = (email: string, password: string, xff: string) =>
  server.app.inject({ method: 'POST', url: '/api/agent/login', headers: { 'x-forwarded-for': xff }, payload: { email, password } });
const statuses = (all: { statusCode: number }[]) => {
  const count: Record<number, number> = {};
  for (const r of all) count[r.statusCode] = (count[r.statusCode] ?? 0) + 1;
  return count;
};

describe('log-in under concurrency', () => {
  it('40 concurrent wrong passwords get at most the allowed number of evaluations; the rest 429', async () => {
    const all = await Promise.all(Array.from({ length: 40 }, (_, i) => login('lucia@demo.bulle.chat', `guess-${i}`, `198.51.100.${i + 1}`)));
    const count = statuses(all);
    expect(count[401] ?? 0).toBeGreaterThanOrEqual(1);
    expect(count[401] ?? 0).toBeLessThanOrEqual(5);
    expect((count[401] ?? 0) + (count[429] ?? 0)).toBe(40);
  });

  it('the right password hidden among concurrent guesses does not get in', async () => {
    const guesses = Array.from({ length: 31 }, (_, i) => (i === 16 ? 'demo-jonas' : `guess-${i}`));
    const all = await Promise.all(guesses.map((p, i) => login('jonas@demo.bulle.chat', p, `203.0.113.${i + 1}`)));
    // Only the first in flight is checked: the one at #17 is refused before its hash.
    expect(all[16]!.statusCode).toBe(429);
    expect(all.filter((r) => r.statusCode === 200)).toHaveLength(0);
  });

  it('a flood from one address does not hold up an agent logging in from another', async () => {
    const flood = Promise.all(Array.from({ length: 100 }, (_, i) => login(`nobody${i}@x.example`, 'nope', '192.0.2.66')));
    const mine = await login('camille@demo.bulle.chat', 'demo-camille', '192.0.2.10');
    expect(mine.statusCode).toBe(200);
    const count = statuses(await flood);
    // One evaluation at a time from that address; everything else is refused at once.
    expect(count[401] ?? 0).toBeLessThanOrEqual(5);
    expect(count[429] ?? 0).toBeGreaterThanOrEqual(95);
  });

  it('a forwarded "127.0.0.1" earns no loopback exemption', async () => {
    const spoof = (i: number) => login('alex@demo.bulle.chat', `guess-${i}`, `127.0.0.1, 192.0.2.77`);
    for (let i = 0; i < 5; i++) expect((await spoof(i)).statusCode).toBe(401);
    expect((await spoof(5)).statusCode).toBe(429);
  });
});
