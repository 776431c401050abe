// Admin settings of the order-status webhook: its URL (https), and a new shared secret each time
// it is set, shown once in the answer (the shop's server checks our signature with it).
import type { FastifyPluginAsync } from 'fastify';
import { ERR } from '../../protocol/events.js';
import { OrderWebhookSchema, type OrderWebhookBody } from '../../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { newToken } from '../services/secrets.js';
import { adminOf, requireAdmin } from './admin-guard.js';
import { changesBetween } from '../services/audit/audit-changes.js';
import { webhookUrlProblem } from '../services/orders/order-webhook.js';

const orderWebhookRoutes: FastifyPluginAsync = async (app) => {
  requireAdmin(app);

  app.get('/api/admin/order-webhook', async (req) => {
    const hook = app.sites.get(adminOf(req).siteId)?.site.orderWebhook;
    return { url: hook?.url ?? null };
  });

  app.put<{ Body: OrderWebhookBody }>('/api/admin/order-webhook', { schema: { body: OrderWebhookSchema } }, async (req) => {
    const problem = webhookUrlProblem(req.body.url, app.config.webhookHttpLoopback);
    if (problem) throw new AppError(ERR.badPayload, `url: ${problem}`);
    const secret = newToken();
    const siteId = adminOf(req).siteId;
    const before = app.sites.get(siteId)?.site.orderWebhook?.url ?? null;
    await app.sites.update(siteId, { orderWebhook: { url: req.body.url, secret } });
    // A new secret each time: the entry says it rotated, never what it is.
    await app.audit.record({
      actor: adminOf(req),
      siteId,
      action: 'order-webhook.set',
      target: { kind: 'order-webhook', id: siteId },
      changes: { ...changesBetween({ url: before }, { url: req.body.url }, ['url']), secret: { changed: true } },
    });
    return { url: req.body.url, secret };
  });

  app.delete('/api/admin/order-webhook', async (req, reply) => {
    const siteId = adminOf(req).siteId;
    const before = app.sites.get(siteId)?.site.orderWebhook?.url;
    await app.sites.update(siteId, { orderWebhook: undefined });
    if (before) await app.audit.record({ actor: adminOf(req), siteId, action: 'order-webhook.remove', target: { kind: 'order-webhook', id: siteId }, changes: { url: { from: before, to: null } } });
    return reply.status(204).send();
  });
};
export default orderWebhookRoutes;
