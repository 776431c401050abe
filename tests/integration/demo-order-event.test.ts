// `npm run demo:order-event` against a running demo server: the demo admin's new webhook secret
// signs the event, the server takes it, and Claire's next signed identify carries the follow-up.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorIdentifyResult } from '../../protocol/types.js';
import { sendDemoOrderEvent } from '../../scripts/demo-order-event.js';
import { closeClients, connectVisitor, ok, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { DEMO_CUSTOMER, identityToken } from '../helpers/order-events.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => closeClients());

describe('npm run demo:order-event', () => {
  it('sends a signed event the demo customer then gets', async () => {
    const { event, answer } = await sendDemoOrderEvent({ url: server.url, status: 'out_for_delivery', orderNumber: '48213' });
    expect(answer).toMatchObject({ eventId: event.eventId, orderNumber: '48213', status: 'out_for_delivery' });
    const v = connectVisitor(server.url, { siteId: 'demo', languages: ['es'] });
    await waitFor(v, 'connect');
    const result = await ok<VisitorIdentifyResult>(v, VISITOR_CMD.visitorIdentify, { signature: await identityToken(server, DEMO_CUSTOMER) });
    expect(result.followUps?.[0]).toMatchObject({ eventId: event.eventId, text: 'Tu pedido 48213 está en reparto hoy con Colissimo.' });
    expect(result.followUps?.[0]?.link?.label).toBe('Seguir el envío (Colissimo)');
  });
});
