// Admin settings of the order-status webhook: its URL (https), and a new shared secret each time
// it is set, shown once in the answer (the shop's server checks our signature with it).
import type { FastifyPluginAsync } from 'fastify';
import { ERR } from '../../protocol/events.js';
import { OrderWebhookSchema, type OrderWebhookBody } from '../../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { newToken } from '../services/secrets.js';
import { adminOf, requireAdmin } from './admin-guard.js';
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
    await app.sites.update(adminOf(req).siteId, { orderWebhook: { url: req.body.url, secret } });
    return { url: req.body.url, secret };
  });

  app.delete('/api/admin/order-webhook', async (req, reply) => {
    await app.sites.update(adminOf(req).siteId, { orderWebhook: undefined });
    return reply.status(204).send();
  });
};
export default orderWebhookRoutes;
