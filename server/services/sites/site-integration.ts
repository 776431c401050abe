// A site's merchant-integration settings as an admin changes them: the identity secret (made here,
// shown once by the caller, never stored in the audit log), whether a signature is required, and
// the order-status webhook. Shared by the routes on the admin's own site (routes/identity-admin.ts,
// order-webhook-admin.ts) and those on any of their sites (routes/site-integration.ts).
import type { FastifyInstance } from 'fastify';
import { ERR } from '../../../protocol/events.js';
import type { IdentityMode } from '../../../protocol/schemas.js';
import type { AgentRecord } from '../../storage/records.js';
import { AppError } from '../app-error.js';
import { changesBetween } from '../audit/audit-changes.js';
import { newIdentitySecret } from '../identity/identity-token.js';
import { webhookUrlProblem } from '../orders/order-webhook.js';
import { newToken } from '../secrets.js';
import { KeyedSerial } from '../serial.js';

/**
 * Every change to a site record, one at a time (with the Sites page's PATCH, routes/admin-sites.ts):
 * a PATCH writes the whole record after the bot has loaded it, which can take seconds, and must not
 * put back the identity secret or webhook an admin replaced meanwhile.
 */
export const siteChanges = new KeyedSerial();
const SITES = 'sites';

/**
 * A new secret replaces the old one at once: tokens signed with the old one stop verifying (what a
 * leaked secret needs); the shop's server must switch to the new one.
 */
export function rotateIdentitySecret(app: FastifyInstance, admin: AgentRecord, siteId: string): Promise<{ secret: string; secretCreatedAt: number }> {
  return siteChanges.run(SITES, async () => {
    const secret = newIdentitySecret();
    const secretCreatedAt = Date.now();
    const current = app.sites.get(siteId)?.site.identity;
    await app.sites.update(siteId, { identity: { ...current, secret, secretCreatedAt } });
    app.log.info({ siteId, agentId: admin.id }, 'identity secret replaced');
    // That it was replaced, never the value.
    await app.audit.record({ actor: admin, siteId, action: 'identity.secret.rotate', target: { kind: 'identity', id: siteId }, changes: { secret: { changed: true } } });
    return { secret, secretCreatedAt };
  });
}

export function setIdentityMode(app: FastifyInstance, admin: AgentRecord, siteId: string, mode: IdentityMode['mode']): Promise<void> {
  return siteChanges.run(SITES, async () => {
    const current = app.sites.get(siteId)?.site.identity;
    if (mode === 'required' && !current?.secret) {
      throw new AppError(ERR.conflict, 'Make an identity secret first: nothing could be verified without one');
    }
    await app.sites.update(siteId, { identity: { ...current, mode } });
    const changes = changesBetween({ mode: current?.mode ?? 'optional' }, { mode }, ['mode']);
    if (changes) await app.audit.record({ actor: admin, siteId, action: 'identity.mode', target: { kind: 'identity', id: siteId }, changes });
  });
}

/** Sets the webhook with a new shared secret each time (returned to be shown once). */
export function setOrderWebhook(app: FastifyInstance, admin: AgentRecord, siteId: string, url: string): Promise<{ url: string; secret: string }> {
  return siteChanges.run(SITES, async () => {
    const problem = webhookUrlProblem(url, app.config.webhookHttpLoopback);
    if (problem) throw new AppError(ERR.badPayload, `url: ${problem}`);
    const secret = newToken();
    const before = app.sites.get(siteId)?.site.orderWebhook?.url ?? null;
    await app.sites.update(siteId, { orderWebhook: { url, secret } });
    // A new secret each time: the entry says it rotated, never what it is.
    await app.audit.record({
      actor: admin,
      siteId,
      action: 'order-webhook.set',
      target: { kind: 'order-webhook', id: siteId },
      changes: { ...changesBetween({ url: before }, { url }, ['url']), secret: { changed: true } },
    });
    return { url, secret };
  });
}

export function removeOrderWebhook(app: FastifyInstance, admin: AgentRecord, siteId: string): Promise<void> {
  return siteChanges.run(SITES, async () => {
    const before = app.sites.get(siteId)?.site.orderWebhook?.url;
    await app.sites.update(siteId, { orderWebhook: undefined });
    if (before) await app.audit.record({ actor: admin, siteId, action: 'order-webhook.remove', target: { kind: 'order-webhook', id: siteId }, changes: { url: { from: before, to: null } } });
  });
}
