// The numbers for a site's admins: GET /api/admin/stats (JSON) and /api/admin/conversations.csv,
// both over the same query (UTC days from..to, optional lang, tag, agentId). Admin session only.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ERR } from '../../protocol/events.js';
import { StatsQuerySchema, type StatsQuery } from '../../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { statsFilter } from '../services/stats/stats-range.js';
import { conversationsCsv } from '../services/stats/conversations-csv.js';

const adminStatsRoutes: FastifyPluginAsync = async (app) => {
  const auth = app.agentAuth;

  // Encapsulated: these routes only. The console's origin (a page elsewhere cannot read them)…
  app.addHook('onRequest', async (req) => {
    if (!app.origins.console(req.headers)) throw new AppError(ERR.badOrigin, 'Not from the agent console');
  });

  // …and an admin's live session; their own site's numbers only.
  const admin = async (req: FastifyRequest) => {
    const agent = await auth.agentForSession(req.cookies[auth.cookieName]);
    if (!agent) throw new AppError(ERR.unauthorized, 'Please log in');
    if (agent.role !== 'admin') throw new AppError(ERR.forbidden, 'Admins only');
    return agent;
  };

  const schema = { querystring: StatsQuerySchema };

  app.get<{ Querystring: StatsQuery }>('/api/admin/stats', { schema }, async (req, reply) => {
    const agent = await admin(req);
    reply.header('cache-control', 'no-store');
    return app.store.conversationStats(statsFilter(agent.siteId, req.query));
  });

  app.get<{ Querystring: StatsQuery }>('/api/admin/conversations.csv', { schema }, async (req, reply) => {
    const agent = await admin(req);
    const filter = statsFilter(agent.siteId, req.query);
    const csv = conversationsCsv(await app.store.exportConversations(filter));
    reply
      .header('cache-control', 'no-store')
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="conversations-${filter.from}-${filter.to}.csv"`);
    return csv;
  });
};
export default adminStatsRoutes;
