// A shop's signed order event reaches the customer it names on their next page view, once: the
// identify ack carries it until the widget says it showed it. Never to another customer, never
// to an unverified visitor; a forged request is refused, a repeated eventId sends nothing twice.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorIdentifyResult } from '../../protocol/types.js';
import { closeClients, connectVisitor, ok, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { DEMO_CUSTOMER, eventId, identityToken, postOrderEvent } from '../helpers/order-events.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => closeClients());

const COLISSIMO = 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901';

/** A page view: connect, identify with the token, return the ack. */
async function pageView(signature: string | undefined, lang = 'en', extra: object = {}): Promise<{ result: VisitorIdentifyResult; socket: ReturnType<typeof connectVisitor> }> {
  const socket = connectVisitor(server.url, { siteId: 'demo', languages: [lang] });
  await waitFor(socket, 'connect');
  const result = await ok<VisitorIdentifyResult>(socket, VISITOR_CMD.visitorIdentify, { ...(signature ? { signature } : {}), ...extra });
  return { result, socket };
}

describe('order follow-ups', () => {
  it('the signed customer gets it on their next page view, once shown never again', async () => {
    const id = eventId();
    const posted = await postOrderEvent(server, { eventId: id, orderNumber: '48213', customer: { email: DEMO_CUSTOMER.email }, status: 'shipped', carrier: 'Colissimo', trackingNumber: '6A12345678901' });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({ eventId: id, orderNumber: '48213', status: 'shipped' });

    const token = await identityToken(server, DEMO_CUSTOMER);
    const first = await pageView(token, 'fr');
    expect(first.result.verified).toBe(true);
    const [f] = first.result.followUps ?? [];
    expect(f).toMatchObject({ eventId: id, orderNumber: '48213', status: 'shipped' });
    expect(f!.text).toContain('48213');
    expect(f!.text).toContain('Colissimo');
    expect(f!.link).toEqual({ url: COLISSIMO, label: 'Suivre le colis (Colissimo)' });

    // A page closed before showing it: it comes again.
    const again = await pageView(token);
    expect(again.result.followUps?.map((x) => x.eventId)).toEqual([id]);
    expect(again.result.followUps![0]!.text).toBe('Your order 48213 has shipped with Colissimo.');
    await ok(again.socket, VISITOR_CMD.followUpShown, { eventId: id });

    const after = await pageView(token);
    expect(after.result.verified).toBe(true);
    expect(after.result.followUps).toBeUndefined();
  });

  it('only the newest event of an order, and an event naming a customer id goes to that id only', async () => {
    const sub = `cust-${eventId()}`;
    const older = eventId();
    const newer = eventId();
    await postOrderEvent(server, { eventId: older, orderNumber: 'A-777', customer: { id: sub }, status: 'shipped', at: '2026-12-01T10:00:00Z' });
    await postOrderEvent(server, { eventId: newer, orderNumber: 'A-777', customer: { id: sub }, status: 'out_for_delivery', carrier: 'UPS', trackingNumber: '1Z999', at: '2026-12-02T08:00:00Z' });
    const mine = await pageView(await identityToken(server, { sub, email: 'someone@example.com' }), 'de');
    expect(mine.result.followUps?.map((f) => [f.eventId, f.status])).toEqual([[newer, 'out_for_delivery']]);
    expect(mine.result.followUps![0]!.link?.url).toBe('https://www.ups.com/track?tracknum=1Z999');
    // Same e-mail, another account: an event naming an id does not go by e-mail.
    const other = await pageView(await identityToken(server, { sub: `${sub}-other`, email: 'someone@example.com' }));
    expect(other.result.followUps).toBeUndefined();
    // Another customer cannot mark it shown: it still waits for its own.
    await ok(other.socket, VISITOR_CMD.followUpShown, { eventId: newer });
    const still = await pageView(await identityToken(server, { sub }));
    expect(still.result.followUps?.map((f) => f.eventId)).toEqual([newer]);
  });

  it('an unverified visitor gets nothing, even claiming the customer\'s e-mail', async () => {
    await postOrderEvent(server, { eventId: eventId(), orderNumber: '48217', customer: { email: DEMO_CUSTOMER.email }, status: 'confirmed' });
    const anonymous = await pageView(undefined, 'en', { email: DEMO_CUSTOMER.email, orders: ['48217'] });
    expect(anonymous.result.verified).toBe(false);
    expect(anonymous.result.followUps).toBeUndefined();
    const forged = await pageView(await identityToken(server, DEMO_CUSTOMER).then((t) => t.slice(0, -4) + 'AAAA'));
    expect(forged.result.verified).toBe(false);
    expect(forged.result.followUps).toBeUndefined();
  });

  it('a repeated eventId answers the same and sends nothing twice', async () => {
    const sub = `cust-${eventId()}`;
    const id = eventId();
    const event = { eventId: id, orderNumber: '900100', customer: { id: sub }, status: 'delayed' };
    const a = await postOrderEvent(server, event);
    const b = await postOrderEvent(server, { ...event, status: 'cancelled' });
    expect(b).toEqual(a);
    const token = await identityToken(server, { sub });
    const view = await pageView(token);
    expect(view.result.followUps?.map((f) => [f.eventId, f.status])).toEqual([[id, 'delayed']]);
    await ok(view.socket, VISITOR_CMD.followUpShown, { eventId: id });
    expect((await postOrderEvent(server, event)).status).toBe(200);
    expect((await pageView(token)).result.followUps).toBeUndefined();
  });

  it('refuses a bad signature, a stale timestamp (401) and a bad payload naming the field (400)', async () => {
    const event = { eventId: eventId(), orderNumber: '48213', customer: { email: DEMO_CUSTOMER.email }, status: 'shipped' };
    const forged = await postOrderEvent(server, event, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('UNAUTHORIZED');
    const stale = await postOrderEvent(server, event, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale.status).toBe(401);
    const bad = await postOrderEvent(server, { ...event, status: 'lost' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_PAYLOAD');
    expect(bad.body.error.message).toContain('/status');
    const noCustomer = await postOrderEvent(server, { ...event, customer: {} });
    expect(noCustomer.status).toBe(400);
    expect(noCustomer.body.error.message).toContain('/customer');
    // None of these was stored: the customer has nothing new from them.
    const res = await fetch(`${server.url}/api/sites/nope/order-events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(404);
  });

  it('the loader\'s probe counts what waits for a valid token, and nothing for any other', async () => {
    const sub = `cust-${eventId()}`;
    await postOrderEvent(server, { eventId: eventId(), orderNumber: '51000', customer: { id: sub }, status: 'shipped' });
    const probe = async (body: string) => {
      const res = await fetch(`${server.url}/api/widget/demo`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body });
      return [res.status, res.status === 200 ? await res.json() : await res.text()];
    };
    expect(await probe(await identityToken(server, { sub }))).toEqual([200, { n: 1 }]);
    expect(await probe(await identityToken(server, { sub: `${sub}-x` }))).toEqual([204, '']);
    expect(await probe('aaaaaaaaaa.bbbbbbbbbbb.ccccccccccc')).toEqual([204, '']);
  });
});
