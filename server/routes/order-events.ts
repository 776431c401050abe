// POST /api/sites/:siteId/order-events: the shop's server tells us what happened to an order, so
// the customer is told on their next page view (server/services/follow-ups/). Signed with the
// site's order-webhook secret over the exact body (docs/identity-and-orders.md).
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { receiveOrderEvent } from '../services/follow-ups/order-event-intake.js';

const Params = Type.Object({ siteId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });
/** An order event is a few hundred bytes. */
const BODY_LIMIT = 8 * 1024;

const orderEventRoutes: FastifyPluginAsync = async (app) => {
  // The signature covers the exact bytes sent: keep the body as text (this plugin's routes only).
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
  app.post<{ Params: { siteId: string } }>('/api/sites/:siteId/order-events', { schema: { params: Params }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    return receiveOrderEvent(app.store, req.params.siteId, {
      body: typeof req.body === 'string' ? req.body : '',
      timestamp: header('x-bulle-timestamp'),
      signature: header('x-bulle-signature'),
    });
  });
};
export default orderEventRoutes;
