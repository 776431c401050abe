// The site settings routes (/api/admin/*): from the console's own origin, with a live session
// of one of the site's admins. Secrets shown there are shown once, so nothing is cached.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ERR } from '../../protocol/events.js';
import { AppError } from '../services/app-error.js';
import type { AgentRecord } from '../storage/records.js';

/** Register in an encapsulated plugin: every route of that plugin then needs an admin. */
export function requireAdmin(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!app.origins.console(req.headers)) throw new AppError(ERR.badOrigin, 'Not from the agent console');
    const agent = await app.agentAuth.agentForSession(req.cookies[app.agentAuth.cookieName]);
    if (!agent) throw new AppError(ERR.unauthorized, 'Please log in');
    if (agent.role !== 'admin') throw new AppError(ERR.forbidden, 'Only an admin of the site may do this');
    (req as AdminRequest).admin = agent;
    reply.header('cache-control', 'no-store');
  });
}

type AdminRequest = FastifyRequest & { admin: AgentRecord };

/** The admin the hook let through. */
export const adminOf = (req: FastifyRequest): AgentRecord => (req as AdminRequest).admin;
