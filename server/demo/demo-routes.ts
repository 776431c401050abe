// Demo-only routes, registered when the demo is seeded (BULLE_SEED_DEMO): the demo shop page
// fetches a signed identity for its logged-in customer here, as a real shop's page would get one
// from its own server. The demo site's identity secret is made on first start (below).
import type { FastifyPluginAsync } from 'fastify';
import { SignJWT } from 'jose';
import { DEMO_SITE_ID } from '../seed/demo-seed.js';
import { newIdentitySecret } from '../identity/identity-routes.js';
import { DEMO_CUSTOMER, DEMO_TOKEN_TTL_S } from './demo-customer.js';

const demoRoutes: FastifyPluginAsync = async (app) => {
  const demo = app.sites.get(DEMO_SITE_ID);
  if (!demo) return;
  // Data folders seeded before signed identity existed get their secret now.
  if (!demo.site.identity?.secret) {
    await app.sites.update(DEMO_SITE_ID, { identity: { ...demo.site.identity, secret: newIdentitySecret(), secretCreatedAt: Date.now() } });
  }

  app.get('/demo/identity-token', async (_req, reply) => {
    const secret = app.sites.get(DEMO_SITE_ID)?.site.identity?.secret;
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
};
export default demoRoutes;
