// Admin settings of the order-status webhook on the admin's own site: its URL (https), and a new
// shared secret each time it is set, shown once in the answer (the shop's server checks our
// signature with it). The console's Sites page does the same for any of the admin's sites
// (site-integration.ts).
import type { FastifyPluginAsync } from 'fastify';
import { OrderWebhookSchema, type OrderWebhookBody } from '../../protocol/schemas.js';
import { adminOf, requireAdmin } from './admin-guard.js';
import { removeOrderWebhook, setOrderWebhook } from '../services/sites/site-integration.js';

const orderWebhookRoutes: FastifyPluginAsync = async (app) => {
  requireAdmin(app);

  app.get('/api/admin/order-webhook', async (req) => {
    const hook = app.sites.get(adminOf(req).siteId)?.site.orderWebhook;
    return { url: hook?.url ?? null };
  });

  app.put<{ Body: OrderWebhookBody }>('/api/admin/order-webhook', { schema: { body: OrderWebhookSchema } }, async (req) =>
    setOrderWebhook(app, adminOf(req), adminOf(req).siteId, req.body.url),
  );

  app.delete('/api/admin/order-webhook', async (req, reply) => {
    await removeOrderWebhook(app, adminOf(req), adminOf(req).siteId);
    return reply.status(204).send();
  });
};
export default orderWebhookRoutes;
