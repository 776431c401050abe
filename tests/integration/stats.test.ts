// GET /api/admin/stats and /api/admin/conversations.csv over a known set of conversations
// (stats-fixture.ts): every number against values computed by hand, and who may ask.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsResult } from '../../protocol/types.js';
import { loginCookie, startServer, type TestServer } from '../helpers/server.js';
import { H, M, D, writeFixture } from './stats-fixture.js';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startServer();
  await writeFixture(server.app.store);
  admin = await loginCookie(server.url, 'alex@demo.bulle.chat', 'demo-alex');
});
afterAll(() => server.close());

const RANGE = 'from=2026-11-02&to=2026-11-04';
async function stats(query: string, cookie = admin): Promise<StatsResult> {
  const res = await fetch(`${server.url}/api/admin/stats?${query}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as StatsResult;
}

describe('GET /api/admin/stats', () => {
  it('gives every number of the range as computed by hand', async () => {
    const s = await stats(RANGE);
    // A, B, C, D, E, G, H (F is after the range, I before it).
    expect(s.conversations).toBe(7);
    // A and H: the bot answered, no hand-off, no "unhelpful".
    expect(s.deflected).toBe(2);
    expect(s.deflectionRate).toBeCloseTo(2 / 7, 10);
    expect(s.handoffs).toBe(4);
    // First replies 1, 2, 5, 10 min: nearest rank p50 = 2nd, p90 = 4th.
    expect(s.firstResponseMs).toEqual({ p50: 2 * M, p90: 10 * M });
    // Resolved: E 15 min, C 20 min, D 2 days 40 min (its last close).
    expect(s.resolutionMs).toEqual({ p50: 20 * M, p90: 2 * D + 40 * M });
    // Closed by an agent: C, D, E, G; only C was resolved with no return within 7 days.
    expect(s.closedByAgent).toBe(4);
    expect(s.firstContactResolved).toBe(1);
    expect(s.fcrRate).toBe(0.25);
    expect(s.rating).toEqual({ average: 3, count: 4, distribution: { 1: 1, 2: 1, 3: 0, 4: 1, 5: 1 } });
    expect(s.byTag).toEqual([
      { tag: 'delivery', conversations: 2 },
      { tag: 'complaint', conversations: 1 },
      { tag: 'returns', conversations: 1 },
    ]);
    expect(s.byLang).toEqual([
      { lang: 'fr', conversations: 3 },
      { lang: 'en', conversations: 2 },
      { lang: 'de', conversations: 1 },
      { lang: 'es', conversations: 1 },
    ]);
    expect(s.byDay).toEqual([
      { day: '2026-11-02', conversations: 2, deflected: 1, handoffs: 0, unanswered: 1 },
      { day: '2026-11-03', conversations: 2, deflected: 0, handoffs: 2, unanswered: 1 },
      { day: '2026-11-04', conversations: 3, deflected: 1, handoffs: 2, unanswered: 0 },
    ]);
    expect(s.faq).toEqual([
      { faqId: 'order-tracking', answers: 2, helpful: 1, unhelpful: 0, precision: 1 },
      { faqId: 'returns', answers: 1, helpful: 0, unhelpful: 1, precision: 0 },
    ]);
    expect(s.botPrecision).toBe(0.5);
    expect(s.unanswered).toBe(2);
    expect(s.range).toEqual({ from: '2026-11-02', to: '2026-11-04' });
  });

  it('filters by language, tag and agent', async () => {
    const fr = await stats(`${RANGE}&lang=fr`);
    expect(fr).toMatchObject({ conversations: 3, deflected: 2, handoffs: 1, closedByAgent: 1, fcrRate: 1, unanswered: 1 });
    expect(fr.firstResponseMs).toEqual({ p50: 2 * M, p90: 2 * M });
    expect(fr.rating).toMatchObject({ average: 4.5, count: 2 });
    const delivery = await stats(`${RANGE}&tag=delivery`);
    expect(delivery).toMatchObject({ conversations: 2, handoffs: 2, fcrRate: 0, unanswered: 0 });
    expect(delivery.firstResponseMs).toEqual({ p50: 1 * M, p90: 5 * M });
    const sam = (await server.app.store.findAgentByEmail('sam@demo.bulle.chat'))!;
    const bySam = await stats(`${RANGE}&agentId=${sam.id}`);
    expect(bySam).toMatchObject({ conversations: 1, handoffs: 1, rating: { average: 2, count: 1 } });
    expect(bySam.byLang).toEqual([{ lang: 'en', conversations: 1 }]);
  });

  it('counts nothing on days without conversations', async () => {
    const s = await stats('from=2026-10-01&to=2026-10-02');
    expect(s).toMatchObject({ conversations: 0, deflectionRate: null, fcrRate: null, rating: { average: null, count: 0 } });
    expect(s.firstResponseMs).toEqual({ p50: null, p90: null });
    expect(s.byDay.map((d) => d.day)).toEqual(['2026-10-01', '2026-10-02']);
  });

  it('is for admins only, with a valid query', async () => {
    expect((await fetch(`${server.url}/api/admin/stats?${RANGE}`)).status).toBe(401);
    const sam = await loginCookie(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    const refused = await fetch(`${server.url}/api/admin/stats?${RANGE}`, { headers: { cookie: sam } });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('FORBIDDEN');
    expect((await fetch(`${server.url}/api/admin/conversations.csv?${RANGE}`, { headers: { cookie: sam } })).status).toBe(403);
    for (const q of ['from=2026-13-45&to=2026-11-04', 'from=2026-11-05&to=2026-11-04', 'from=nov&to=2026-11-04', 'from=2020-01-01&to=2026-11-04']) {
      const res = await fetch(`${server.url}/api/admin/stats?${q}`, { headers: { cookie: admin } });
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.code).toBe('BAD_PAYLOAD');
    }
  });
});

describe('GET /api/admin/conversations.csv', () => {
  it('has one row per conversation of the range, with the same filters', async () => {
    const res = await fetch(`${server.url}/api/admin/conversations.csv?${RANGE}`, { headers: { cookie: admin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('conversations-2026-11-02-2026-11-04.csv');
    const [header, ...rows] = (await res.text()).trimEnd().split('\r\n');
    expect(header).toBe('id,createdAt,closedAt,status,lang,tag,resolved,endedBy,agentId,agentName,handedOff,rating,firstResponseMs,resolutionMs');
    expect(rows.map((r) => r.split(',')[0])).toEqual(['st-a', 'st-b', 'st-c', 'st-d', 'st-e', 'st-g', 'st-h']);
    const c = Object.fromEntries(header!.split(',').map((k, i) => [k, rows[2]!.split(',')[i]]));
    expect(c).toMatchObject({ status: 'closed', lang: 'fr', tag: 'returns', resolved: 'true', endedBy: 'agent', agentName: 'Camille', handedOff: 'true', rating: '4', firstResponseMs: String(2 * M), resolutionMs: String(20 * M) });
    expect(c.createdAt).toBe(new Date(Date.parse('2026-11-03T00:00:00Z') + 9 * H).toISOString());
    const fr = await (await fetch(`${server.url}/api/admin/conversations.csv?${RANGE}&lang=fr`, { headers: { cookie: admin } })).text();
    expect(fr.trimEnd().split('\r\n').slice(1).map((r) => r.split(',')[0])).toEqual(['st-a', 'st-c', 'st-h']);
  });
});
