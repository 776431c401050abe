// `npm run demo:order-event -- [--status shipped] [--order 48213] [--url http://localhost:3000]`
// Sends the demo shop's signed order event for its customer Claire Dubois to a running demo server,
// as a shop's server would (docs/identity-and-orders.md): her next page view on the demo shop shows
// the follow-up. The demo's order-webhook secret was never shown, so this logs in as the demo
// admin and sets the demo webhook again, which makes a new secret and shows it (the demo webhook
// checks whichever secret is stored). Demo only: its passwords are public.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ORDER_EVENT_STATUSES, type OrderEvent } from '../protocol/follow-up-schemas.js';
import { signWebhookBody } from '../server/services/orders/order-webhook.js';

const DEMO_ADMIN = { email: 'alex@demo.bulle.chat', password: 'demo-alex' };

export interface DemoEventOptions {
  url: string;
  status: OrderEvent['status'];
  orderNumber: string;
}

async function call(url: string, init: RequestInit): Promise<any> {
  const res = await fetch(url, init);
  const body = res.status === 204 ? null : await res.json();
  if (!res.ok) throw new Error(`${init.method} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return { body, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

/** The event sent and the server's answer. */
export async function sendDemoOrderEvent({ url, status, orderNumber }: DemoEventOptions): Promise<{ event: OrderEvent; answer: unknown; secret: string }> {
  const json = { 'content-type': 'application/json', origin: url };
  const { cookie } = await call(`${url}/api/agent/login`, { method: 'POST', headers: json, body: JSON.stringify(DEMO_ADMIN) });
  const { body: hook } = await call(`${url}/api/admin/order-webhook`, { method: 'PUT', headers: { ...json, cookie }, body: JSON.stringify({ url: '/demo/order-status' }) });
  const event: OrderEvent = {
    eventId: `demo-${Date.now()}`,
    orderNumber,
    customer: { email: 'claire.dubois@example.com' },
    status,
    carrier: 'Colissimo',
    trackingNumber: '6A12345678901',
  };
  const body = JSON.stringify(event);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const { body: answer } = await call(`${url}/api/sites/demo/order-events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bulle-timestamp': timestamp, 'x-bulle-signature': signWebhookBody(hook.secret, timestamp, body) },
    body,
  });
  return { event, answer, secret: hook.secret };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { url: { type: 'string' }, status: { type: 'string' }, order: { type: 'string' } } });
  const status = (values.status ?? 'shipped') as OrderEvent['status'];
  if (!ORDER_EVENT_STATUSES.includes(status)) {
    console.error(`demo:order-event: --status is one of ${ORDER_EVENT_STATUSES.join(', ')}`);
    process.exit(1);
  }
  sendDemoOrderEvent({ url: values.url ?? 'http://localhost:3000', status, orderNumber: values.order ?? '48213' }).then(
    ({ event, answer }) => {
      console.log('sent', JSON.stringify(event));
      console.log('answer', JSON.stringify(answer));
      console.log('Open the demo shop: Claire Dubois (signed in there) sees the follow-up beside the bubble.');
    },
    (err: Error) => {
      console.error(`demo:order-event: ${err.message}`);
      process.exit(1);
    },
  );
}
