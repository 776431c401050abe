// POST /api/agent/password: an agent changes their own password (services/agent/own-password.ts).
// The console's origin only, with a live session; their other sessions end.
import type { FastifyPluginAsync } from 'fastify';
import { ERR } from '../../protocol/events.js';
import { PasswordChangeSchema, type PasswordChange } from '../../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { changeOwnPassword } from '../services/agent/own-password.js';

const agentPasswordRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', async (req) => {
    if (!app.origins.console(req.headers)) throw new AppError(ERR.badOrigin, 'Not from the agent console');
  });

  app.post<{ Body: PasswordChange }>('/api/agent/password', { schema: { body: PasswordChangeSchema } }, async (req, reply) => {
    const found = await app.agentAuth.sessionFor(req.cookies[app.agentAuth.cookieName]);
    if (!found) throw new AppError(ERR.unauthorized, 'Please log in');
    await changeOwnPassword({ store: app.store, auth: app.agentAuth, sites: app.sites, audit: app.audit }, found.agent, found.session.tokenHash, req.body);
    reply.header('cache-control', 'no-store');
    return reply.status(204).send();
  });
};
export default agentPasswordRoutes;
