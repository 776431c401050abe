// POST /api/widget/:siteId (body: the page's signed identity token, as text): whether follow-ups
// wait for this customer: 200 `{ n }` when some do, 204 when none (the loader reads the status
// alone, and its GET of the same path is the site's settings). The loader asks once a page calls Bulle.identify with a
// signature, and loads the app and opens a socket only when one waits, so a signed-in customer's
// page costs no more than that small request. The count alone: the follow-ups themselves go over
// the socket, once the identify proves the customer there too. Nothing is marked sent.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { ERR } from '../../protocol/events.js';
import { customerKey } from '../services/follow-ups/follow-up-service.js';
import { verifyIdentityToken } from '../services/identity/identity-token.js';
import { normaliseIdentity } from '../services/identity/customer-identity.js';
import { pendingFollowUps } from '../storage/order-events.js';

const Params = Type.Object({ siteId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });
/** A JWT, as `visitor:identify` takes it (protocol/schemas.ts). */
const Token = Type.String({ minLength: 16, maxLength: 4096, pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$' });

const followUpProbe: FastifyPluginAsync = async (app) => {
  // text/plain: a simple cross-origin request (no preflight), which the loader can send as is.
  app.post<{ Params: { siteId: string }; Body: string }>(
    '/api/widget/:siteId',
    { schema: { params: Params, body: Token }, bodyLimit: 8 * 1024 },
    async (req, reply) => {
      reply.header('cache-control', 'no-store').header('vary', 'Origin');
      const site = await app.store.getSite(req.params.siteId);
      if (!site || site.disabled) return reply.status(404).send({ error: { code: ERR.unknownSite, message: 'No such site' } });
      const origin = req.headers.origin;
      if (origin && app.origins.widget(site, req.headers)) reply.header('access-control-allow-origin', origin);
      const check = await verifyIdentityToken(req.body, site);
      // An unsigned, expired or foreign token waits for nothing (and learns nothing more).
      if (!check.ok) return reply.status(204).send();
      const { sub, email } = normaliseIdentity({ sub: check.claims.sub, ...(check.claims.email ? { email: check.claims.email } : {}) });
      const events = await app.store.listOrderEvents(site.id, customerKey({ sub, ...(email ? { email } : {}), at: 0 }));
      const n = pendingFollowUps(events).length;
      return n ? { n } : reply.status(204).send();
    },
  );
};
export default followUpProbe;
