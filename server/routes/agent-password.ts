// POST /api/agent/password: an agent changes their own password (services/agent/own-password.ts).
// The console's origin only, with a live session; their other sessions end.
import type { FastifyPluginAsync } from 'fastify';
import { ERR } from '../../protocol/events.js';
import { PasswordChangeSchema, type PasswordChange } from '../../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { changeOwnPassword } from '../services/agent/own-password.js';
import { isExemptPeer } from '../sockets/client-address.js';

const agentPasswordRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', async (req) => {
    if (!app.origins.console(req.headers)) throw new AppError(ERR.badOrigin, 'Not from the agent console');
  });

  app.post<{ Body: PasswordChange }>('/api/agent/password', { schema: { body: PasswordChangeSchema } }, async (req, reply) => {
    const found = await app.agentAuth.sessionFor(req.cookies[app.agentAuth.cookieName]);
    if (!found) throw new AppError(ERR.unauthorized, 'Please log in');
    // Wrong current passwords count as failed log-ins of that e-mail: an open console is not a
    // way to guess the password faster than the log-in page allows.
    const ip = isExemptPeer(req.socket.remoteAddress, req.ip) ? undefined : req.ip;
    const started = await app.loginThrottle.begin(ip, found.agent.email);
    if ('waitMs' in started) {
      reply.header('retry-after', String(Math.ceil(started.waitMs / 1000)));
      throw new AppError(ERR.rateLimited, 'Too many wrong passwords; try again later');
    }
    try {
      await changeOwnPassword({ store: app.store, auth: app.agentAuth, sites: app.sites, audit: app.audit }, found.agent, found.session.tokenHash, req.body);
    } catch (err) {
      if (err instanceof AppError && err.code === ERR.forbidden) started.attempt.failed();
      else started.attempt.succeeded();
      throw err;
    }
    started.attempt.succeeded();
    reply.header('cache-control', 'no-store');
    return reply.status(204).send();
  });
};
export default agentPasswordRoutes;
