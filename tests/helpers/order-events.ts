// Posting a shop's signed order event, as its server would (docs/identity-and-orders.md), and
// signing a customer's identity token with the site's secret.
import { SignJWT } from 'jose';
import { signWebhookBody } from '../../server/services/orders/order-webhook.js';
import type { TestServer } from './server.js';

export const DEMO_CUSTOMER = { sub: 'demo-customer-1', email: 'claire.dubois@example.com' };

let n = 0;
export const eventId = () => `evt-${Date.now().toString(36)}-${(n++).toString(36)}`;

export interface PostOptions {
  siteId?: string;
  /** Another secret than the site's (a forged request). */
  secret?: string;
  /** Seconds; now by default. */
  timestamp?: number;
}

export async function postOrderEvent(server: TestServer, event: object, opts: PostOptions = {}): Promise<{ status: number; body: any }> {
  const siteId = opts.siteId ?? 'demo';
  const secret = opts.secret ?? server.app.sites.get(siteId)!.site.orderWebhook!.secret;
  const body = JSON.stringify(event);
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const res = await fetch(`${server.url}/api/sites/${siteId}/order-events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bulle-timestamp': ts, 'x-bulle-signature': signWebhookBody(secret, ts, body) },
    body,
  });
  return { status: res.status, body: await res.json() };
}

/** A token for `sub` (and `email`) signed with the site's identity secret, valid ten minutes. */
export async function identityToken(server: TestServer, claims: { sub: string; email?: string }, siteId = 'demo'): Promise<string> {
  const secret = server.app.sites.get(siteId)!.site.identity!.secret!;
  return new SignJWT(claims.email ? { email: claims.email } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}
