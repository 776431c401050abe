// The merchant-integration settings of any of an admin's sites (the console's Sites page):
// the identity secret (shown once) and whether a signature is required, the order webhook (its
// secret shown once), and "Send a test" of that webhook. The widget's look and proactive rules are
// saved with the rest of the site (PATCH /api/admin/sites/:id). Admin session, console origin;
// a site the admin does not work on is NOT_FOUND.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ERR } from '../../protocol/events.js';
import { IdentityModeSchema, OrderWebhookSchema, SiteParamsSchema, WebhookTestSchema, type IdentityMode, type OrderWebhookBody, type SiteParams, type WebhookTest } from '../../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { worksOn } from '../services/agent/agent-sites.js';
import { removeOrderWebhook, rotateIdentitySecret, setIdentityMode, setOrderWebhook } from '../services/sites/site-integration.js';
import { createOrderWebhookClient } from '../services/orders/order-webhook-client.js';
import { adminOf, requireAdmin } from './admin-guard.js';

/** The order number "Send a test" asks about when none is given: no shop has it, so a 404 is a fine answer. */
export const TEST_ORDER_NUMBER = 'BULLE-TEST-0001';
/** Each test calls the shop's server: a few a minute per address is plenty for a person at a button. */
const TEST_RATE = { max: 10, timeWindow: 60_000 };

const siteIntegrationRoutes: FastifyPluginAsync = async (app) => {
  requireAdmin(app);
  const client = createOrderWebhookClient(app);
  /** The site's id once the admin is known to work on it (and it is loaded). */
  const mine = (req: FastifyRequest) => {
    const id = (req.params as SiteParams).id;
    if (!worksOn(adminOf(req), id) || !app.sites.get(id)) throw new AppError(ERR.notFound, `No site "${id}"`);
    return id;
  };
  const params = { params: SiteParamsSchema };

  app.post<{ Params: SiteParams }>('/api/admin/sites/:id/identity/secret', { schema: params }, async (req) => rotateIdentitySecret(app, adminOf(req), mine(req)));

  app.put<{ Params: SiteParams; Body: IdentityMode }>('/api/admin/sites/:id/identity/mode', { schema: { ...params, body: IdentityModeSchema } }, async (req) => {
    await setIdentityMode(app, adminOf(req), mine(req), req.body.mode);
    return { mode: req.body.mode };
  });

  app.put<{ Params: SiteParams; Body: OrderWebhookBody }>('/api/admin/sites/:id/order-webhook', { schema: { ...params, body: OrderWebhookSchema } }, async (req) =>
    setOrderWebhook(app, adminOf(req), mine(req), req.body.url),
  );

  app.delete<{ Params: SiteParams }>('/api/admin/sites/:id/order-webhook', { schema: params }, async (req, reply) => {
    await removeOrderWebhook(app, adminOf(req), mine(req));
    return reply.status(204).send();
  });

  // What the shop's server answers for one order number, as the bot would get it (signed, same
  // timeout and retry): found (its status), not found, or why it failed.
  app.post<{ Params: SiteParams; Body: WebhookTest }>(
    '/api/admin/sites/:id/order-webhook/test',
    { schema: { ...params, body: WebhookTestSchema }, config: { rateLimit: TEST_RATE } },
    async (req) => {
      const siteId = mine(req);
      const hook = app.sites.get(siteId)?.site.orderWebhook;
      if (!hook) throw new AppError(ERR.conflict, 'Set the webhook first');
      const orderNumber = req.body.orderNumber ?? TEST_ORDER_NUMBER;
      const started = Date.now();
      const result = await client.lookup(hook, { orderNumber });
      const ms = Date.now() - started;
      await app.audit.record({
        actor: adminOf(req),
        siteId,
        action: 'order-webhook.test',
        target: { kind: 'order-webhook', id: siteId },
        changes: { result: { to: result.kind === 'failed' ? `failed: ${result.why}` : result.kind } },
      });
      return { orderNumber, url: hook.url, ms, result };
    },
  );
};
export default siteIntegrationRoutes;
