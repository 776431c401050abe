// Agent log-in / log-out / who-am-i. The session lives in an httpOnly, SameSite=Strict cookie:
// page scripts cannot read it and other sites cannot send it. These routes answer only the
// console's own origin (BAD_ORIGIN otherwise), and failed log-ins are throttled per address and
// per e-mail (429 RATE_LIMITED with Retry-After; plugins/login-throttle.ts).
import type { FastifyPluginAsync } from 'fastify';
import { ERR } from '../../protocol/events.js';
import { LoginBodySchema, type LoginBody } from '../../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { toProfile } from '../services/agent/agent-auth.js';
import { publicSiteInfo } from '../services/sites/site-registry.js';
import { isExemptPeer } from '../sockets/client-address.js';
import type { AgentRecord } from '../storage/records.js';
import { agentSiteIds } from '../services/agent/agent-sites.js';
import { demoAgentsIn } from '../seed/demo-accounts.js';

const agentAuthRoutes: FastifyPluginAsync = async (app) => {
  const auth = app.agentAuth;
  const throttle = app.loginThrottle;
  const withSite = async (agent: AgentRecord) => {
    const site = app.sites.get(agent.siteId)?.site;
    const sites = agentSiteIds(agent).flatMap((id) => {
      const s = app.sites.get(id)?.site;
      return s ? [publicSiteInfo(s)] : [];
    });
    return {
      agent: toProfile(agent),
      // '*' (any page, for trials) names no origin a link may be trusted to.
      site: site ? { ...publicSiteInfo(site), pageOrigins: site.allowedOrigins.filter((o) => o !== '*') } : null,
      sites,
      demoAccounts: (await demoAgentsIn(app.store)).length > 0,
    };
  };

  // Encapsulated: applies to the routes of this plugin only (Fastify plugins guide).
  app.addHook('onRequest', async (req) => {
    if (!app.origins.console(req.headers)) throw new AppError(ERR.badOrigin, 'Not from the agent console');
  });

  app.post<{ Body: LoginBody }>('/api/agent/login', { schema: { body: LoginBodySchema } }, async (req, reply) => {
    const { email, password } = req.body;
    // Loopback is exempt per address, as everywhere (a same-host proxy must set BULLE_TRUST_PROXY).
    const ip = isExemptPeer(req.socket.remoteAddress, req.ip) ? undefined : req.ip;
    const started = await throttle.begin(ip, email);
    if ('waitMs' in started) {
      const seconds = Math.ceil(started.waitMs / 1000);
      reply.header('retry-after', String(seconds));
      throw new AppError(
        ERR.rateLimited,
        seconds <= 1 ? 'Another log-in is being checked; try again in a moment' : `Too many failed log-ins; try again in ${Math.ceil(seconds / 60)} min`,
      );
    }
    // login() awaits the password check: no session without a verified password.
    const session = await auth.login(email, password).catch((err) => {
      started.attempt.failed();
      throw err;
    });
    if (!session) {
      started.attempt.failed();
      throw new AppError(ERR.unauthorized, 'Wrong e-mail or password');
    }
    started.attempt.succeeded();
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
    reply.clearCookie(auth.cookieName, { path: '/', httpOnly: true, sameSite: 'strict', secure: app.config.secureCookies });
    return reply.status(204).send();
  });

  app.get('/api/agent/me', async (req) => {
    const agent = await auth.agentForSession(req.cookies[auth.cookieName]);
    if (!agent) throw new AppError(ERR.unauthorized, 'Please log in');
    return withSite(agent);
  });
};
export default agentAuthRoutes;
