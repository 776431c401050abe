// GET /api/admin/audit: the audit log of the admin's sites (or one of them), newest first, a
// page at a time. Admin session only, the console's origin only.
import type { FastifyPluginAsync } from 'fastify';
import { ERR } from '../../protocol/events.js';
import { AuditQuerySchema, type AuditQuery } from '../../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { agentSiteIds } from '../services/agent/agent-sites.js';
import { adminOf, requireAdmin } from './admin-guard.js';

const DAY_MS = 86_400_000;
const DEFAULT_PAGE = 50;

const dayStart = (day: string, field: string) => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new AppError(ERR.badPayload, `${field}: not a date (YYYY-MM-DD)`);
  return ms;
};

const adminAuditRoutes: FastifyPluginAsync = async (app) => {
  requireAdmin(app);

  app.get<{ Querystring: AuditQuery }>('/api/admin/audit', { schema: { querystring: AuditQuerySchema } }, async (req) => {
    const mine = agentSiteIds(adminOf(req));
    const { siteId, from, to, limit, cursor } = req.query;
    // Another site's log is not said to exist.
    if (siteId && !mine.includes(siteId)) throw new AppError(ERR.notFound, `No site "${siteId}"`);
    const fromMs = from ? dayStart(from, 'from') : undefined;
    // `to` is a whole UTC day: up to its last millisecond.
    const toMs = to ? dayStart(to, 'to') + DAY_MS - 1 : undefined;
    if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) throw new AppError(ERR.badPayload, 'from: after to');
    const page = await app.audit.page({
      siteIds: siteId ? [siteId] : mine,
      limit: limit ?? DEFAULT_PAGE,
      ...(fromMs !== undefined ? { from: fromMs } : {}),
      ...(toMs !== undefined ? { to: toMs } : {}),
      ...(cursor ? { cursor } : {}),
    });
    if (!page) throw new AppError(ERR.badPayload, 'cursor: not one this log gave');
    return page;
  });
};
export default adminAuditRoutes;
