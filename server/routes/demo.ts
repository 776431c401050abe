// Demo-only routes, registered when the demo is seeded (BULLE_SEED_DEMO):
// - GET /demo/identity-token: a signed identity for the demo shop's logged-in customer, as a real
//   shop's page would get one from its own server;
// - POST /demo/order-status: the demo shop's order-status webhook (the demo site's webhook is this
//   path on this server), which checks Bulle's signature as a real shop's should.
// The demo site's identity secret and webhook are made on first start (below).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { SignJWT } from 'jose';
import { DEMO_SITE_ID } from '../seed/demo-seed.js';
import { newIdentitySecret } from '../services/identity/identity-token.js';
import { signWebhookBody } from '../services/orders/order-webhook.js';
import { newToken } from '../services/secrets.js';
import { DEMO_CUSTOMER, DEMO_TOKEN_TTL_S } from '../seed/demo-customer.js';
import { demoOrderStatus } from '../seed/demo-orders.js';

export const DEMO_WEBHOOK_PATH = '/demo/order-status';
/** A signed request older than this is refused (a replayed one). */
const MAX_AGE_S = 300;

const demoRoutes: FastifyPluginAsync = async (app) => {
  const demo = app.sites.get(DEMO_SITE_ID);
  if (!demo) return;
  // Data folders seeded before these existed get them now.
  if (!demo.site.identity?.secret) {
    await app.sites.update(DEMO_SITE_ID, { identity: { ...demo.site.identity, secret: newIdentitySecret(), secretCreatedAt: Date.now() } });
  }
  if (!demo.site.orderWebhook) await app.sites.update(DEMO_SITE_ID, { orderWebhook: { url: DEMO_WEBHOOK_PATH, secret: newToken() } });
  const site = () => app.sites.get(DEMO_SITE_ID)?.site;

  app.get('/demo/identity-token', async (_req, reply) => {
    const secret = site()?.identity?.secret;
    reply.header('cache-control', 'no-store');
    if (!secret) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'The demo site has no identity secret' } });
    const token = await new SignJWT({ email: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name, orders: [...DEMO_CUSTOMER.orders] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(DEMO_CUSTOMER.sub)
      .setIssuedAt()
      .setExpirationTime(`${DEMO_TOKEN_TTL_S}s`)
      .sign(new TextEncoder().encode(secret));
    return { signature: token, email: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name, orders: DEMO_CUSTOMER.orders };
  });

  // The signature covers the exact bytes sent: keep the body as text (this plugin's routes only).
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post(DEMO_WEBHOOK_PATH, async (req, reply) => {
    const hook = site()?.orderWebhook;
    const body = typeof req.body === 'string' ? req.body : '';
    const ts = String(req.headers['x-bulle-timestamp'] ?? '');
    const given = Buffer.from(String(req.headers['x-bulle-signature'] ?? ''));
    const expected = Buffer.from(hook ? signWebhookBody(hook.secret, ts, body) : '');
    const fresh = /^\d{1,12}$/.test(ts) && Math.abs(Date.now() / 1000 - Number(ts)) <= MAX_AGE_S;
    if (!hook || !fresh || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.status(401).send({ error: 'bad signature' });
    }
    let query: { orderNumber?: unknown; email?: unknown };
    try {
      query = JSON.parse(body) as typeof query;
    } catch {
      return reply.status(400).send({ error: 'not JSON' });
    }
    if (typeof query.orderNumber !== 'string' || (query.email !== undefined && typeof query.email !== 'string')) {
      return reply.status(400).send({ error: 'orderNumber (string) and email (string, optional)' });
    }
    const order = demoOrderStatus(query.orderNumber, query.email as string | undefined);
    return order ?? reply.status(404).send({ error: 'no such order for this e-mail' });
  });
};
export default demoRoutes;
