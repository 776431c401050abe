// The follow-up numbers of GET /api/admin/stats, end to end: a signed order event, the customer's
// page view that shows it, then her question about an order in the chat; and a follow-up sent to
// another customer who never showed it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VISITOR_CMD } from '../../protocol/events.js';
import type { StatsResult, VisitorIdentifyResult, VisitorMessage } from '../../protocol/types.js';
import { clientId, closeClients, connectVisitor, loginCookie, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { DEMO_CUSTOMER, eventId, identityToken, postOrderEvent } from '../helpers/order-events.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => closeClients());

/** Yesterday to today (UTC): a run across midnight still holds everything. */
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function stats(): Promise<StatsResult> {
  const cookie = await loginCookie(server.url, 'alex@demo.bulle.chat', 'demo-alex');
  const res = await fetch(`${server.url}/api/admin/stats?from=${day(Date.now() - 86_400_000)}&to=${day(Date.now())}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as StatsResult;
}

describe('followUps in the stats', () => {
  it('counts follow-ups sent, shown, and the order questions asked after one', async () => {
    expect((await stats()).followUps).toEqual({ sent: 0, shown: 0, orderQuestionsAfter: 0 });
    const shown = eventId();
    await postOrderEvent(server, { eventId: shown, orderNumber: '48213', customer: { email: DEMO_CUSTOMER.email }, status: 'shipped', carrier: 'Colissimo', trackingNumber: '6A12345678901' });
    await postOrderEvent(server, { eventId: eventId(), orderNumber: '700', customer: { id: 'cust-never-shown' }, status: 'delivered' });

    // Claire's page view shows hers; another customer's widget gets theirs but never shows it.
    const claire = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(claire, 'connect');
    const result = await ok<VisitorIdentifyResult>(claire, VISITOR_CMD.visitorIdentify, { signature: await identityToken(server, DEMO_CUSTOMER) });
    expect(result.followUps?.map((f) => f.eventId)).toEqual([shown]);
    await ok(claire, VISITOR_CMD.followUpShown, { eventId: shown });
    const other = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(other, 'connect');
    await ok(other, VISITOR_CMD.visitorIdentify, { signature: await identityToken(server, { sub: 'cust-never-shown' }) });

    // Then she asks about her order anyway: one question after a follow-up.
    const answer = waitFor<VisitorMessage>(claire, 'message:created', (m) => m.author === 'bot', 60_000);
    await ok(claire, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Where is my order 48213?', page });
    expect((await answer).bot?.outcome).toBe('order');

    expect((await stats()).followUps).toEqual({ sent: 2, shown: 1, orderQuestionsAfter: 1 });
  });
});
