// Admin settings of signed identity: make (or replace) the site's identity secret, shown once in
// the answer and never again, and require signed identities or not.
import type { FastifyPluginAsync } from 'fastify';
import { ERR } from '../../protocol/events.js';
import { IdentityModeSchema, type IdentityMode } from '../../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { adminOf, requireAdmin } from './admin-guard.js';
import { changesBetween } from '../services/audit/audit-changes.js';
import { newIdentitySecret } from '../services/identity/identity-token.js';

const identityRoutes: FastifyPluginAsync = async (app) => {
  requireAdmin(app);

  app.get('/api/admin/identity', async (req) => {
    const identity = app.sites.get(adminOf(req).siteId)?.site.identity;
    return { mode: identity?.mode ?? 'optional', hasSecret: !!identity?.secret, secretCreatedAt: identity?.secretCreatedAt ?? null };
  });

  // A new secret replaces the old one at once: tokens signed with the old one stop verifying
  // (what a leaked secret needs); the shop's server must switch to the new one.
  app.post('/api/admin/identity/secret', async (req) => {
    const siteId = adminOf(req).siteId;
    const secret = newIdentitySecret();
    const secretCreatedAt = Date.now();
    const current = app.sites.get(siteId)?.site.identity;
    await app.sites.update(siteId, { identity: { ...current, secret, secretCreatedAt } });
    req.log.info({ siteId, agentId: adminOf(req).id }, 'identity secret replaced');
    // That it was replaced, never the value.
    await app.audit.record({ actor: adminOf(req), siteId, action: 'identity.secret.rotate', target: { kind: 'identity', id: siteId }, changes: { secret: { changed: true } } });
    return { secret, secretCreatedAt };
  });

  app.put<{ Body: IdentityMode }>('/api/admin/identity/mode', { schema: { body: IdentityModeSchema } }, async (req) => {
    const siteId = adminOf(req).siteId;
    const current = app.sites.get(siteId)?.site.identity;
    if (req.body.mode === 'required' && !current?.secret) {
      throw new AppError(ERR.conflict, 'Make an identity secret first: nothing could be verified without one');
    }
    await app.sites.update(siteId, { identity: { ...current, mode: req.body.mode } });
    const changes = changesBetween({ mode: current?.mode ?? 'optional' }, { mode: req.body.mode }, ['mode']);
    if (changes) await app.audit.record({ actor: adminOf(req), siteId, action: 'identity.mode', target: { kind: 'identity', id: siteId }, changes });
    return { mode: req.body.mode };
  });
};
export default identityRoutes;
