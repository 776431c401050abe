// Agent log-in / log-out / who-am-i. The session lives in an httpOnly, SameSite=Strict cookie:
// page scripts cannot read it and other sites cannot send it.
import type { FastifyPluginAsync } from 'fastify';
import { ERR } from '../protocol/events.js';
import { LoginBodySchema, type LoginBody } from '../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { toProfile } from '../services/agent-auth.js';
import { publicSiteInfo } from '../services/site-registry.js';
import type { AgentRecord } from '../storage/records.js';

const agentAuthRoutes: FastifyPluginAsync = async (app) => {
  const auth = app.agentAuth;
  const withSite = (agent: AgentRecord) => {
    const site = app.sites.get(agent.siteId)?.site;
    return { agent: toProfile(agent), site: site ? publicSiteInfo(site) : null };
  };

  app.post<{ Body: LoginBody }>('/api/agent/login', { schema: { body: LoginBodySchema } }, async (req, reply) => {
    const session = await auth.login(req.body.email, req.body.password);
    if (!session) throw new AppError(ERR.unauthorized, 'Wrong e-mail or password');
    reply.setCookie(auth.cookieName, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: app.config.secureCookies,
      maxAge: app.config.sessionTtlHours * 3600,
    });
    return withSite(session.agent);
  });

  app.post('/api/agent/logout', async (req, reply) => {
    await auth.logout(req.cookies[auth.cookieName]);
    reply.clearCookie(auth.cookieName, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/agent/me', async (req) => {
    const agent = await auth.agentForSession(req.cookies[auth.cookieName]);
    if (!agent) throw new AppError(ERR.unauthorized, 'Please log in');
    return withSite(agent);
  });
};
export default agentAuthRoutes;
