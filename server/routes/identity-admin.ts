// Admin settings of signed identity on the admin's own site: make (or replace) the site's identity
// secret, shown once in the answer and never again, and require signed identities or not. The
// console's Sites page does the same for any of the admin's sites (site-integration.ts).
import type { FastifyPluginAsync } from 'fastify';
import { IdentityModeSchema, type IdentityMode } from '../../protocol/schemas.js';
import { adminOf, requireAdmin } from './admin-guard.js';
import { rotateIdentitySecret, setIdentityMode } from '../services/sites/site-integration.js';

const identityRoutes: FastifyPluginAsync = async (app) => {
  requireAdmin(app);

  app.get('/api/admin/identity', async (req) => {
    const identity = app.sites.get(adminOf(req).siteId)?.site.identity;
    return { mode: identity?.mode ?? 'optional', hasSecret: !!identity?.secret, secretCreatedAt: identity?.secretCreatedAt ?? null };
  });

  app.post('/api/admin/identity/secret', async (req) => rotateIdentitySecret(app, adminOf(req), adminOf(req).siteId));

  app.put<{ Body: IdentityMode }>('/api/admin/identity/mode', { schema: { body: IdentityModeSchema } }, async (req) => {
    await setIdentityMode(app, adminOf(req), adminOf(req).siteId, req.body.mode);
    return { mode: req.body.mode };
  });
};
export default identityRoutes;
