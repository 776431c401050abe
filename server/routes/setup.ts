// First-run setup: while no admin exists, the start-up log prints a one-time link to
// /console/setup?token=…, whose page (server/setup-page/) creates the first admin and the shop's
// site and shows the snippet. The token is checked on the final POST; the helper routes (password
// strength, origin test) reveal nothing and need none. Only the console's origin may call them.
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { ERR } from '../../protocol/events.js';
import {
  OriginCheckSchema,
  PasswordCheckSchema,
  SetupBodySchema,
  type OriginCheck,
  type PasswordCheck,
  type SetupBody,
} from '../../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { explainOrigin } from '../services/sites/origin-check.js';
import { passwordProblems } from '../services/setup/password-strength.js';
import { SetupGate } from '../services/setup/setup-gate.js';
import type { AuditChange, AuditTarget } from '../../protocol/types.js';
import { changesBetween } from '../services/audit/audit-changes.js';
import { checkAdmin, createAdmin, createSite, hasAdmin, snippetFor, STARTER_LANGS } from '../services/sites/site-creation.js';
import { KeyedSerial } from '../services/serial.js';

declare module 'fastify' {
  interface FastifyInstance {
    setup: SetupGate;
  }
}

// Two folders down from the project root, in the sources and in the server bundle alike.
const PAGE = (name: string) => readFileSync(new URL(`../../server/setup-page/${name}`, import.meta.url), 'utf8');

const setupRoutes: FastifyPluginAsync = async (app) => {
  const gate = app.setup;
  const files = { html: PAGE('setup.html'), js: PAGE('setup.js'), css: PAGE('setup.css') };

  app.addHook('onListen', async () => {
    const address = app.server.address();
    const port = address && typeof address === 'object' ? address.port : app.config.port;
    const link = gate.link(`http://localhost:${port}`);
    if (link) app.log.warn({ setupLink: link }, `No admin yet: open ${link} to create the first admin and your site (or run npm run setup)`);
  });

  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/api/') && !app.origins.console(req.headers)) throw new AppError(ERR.badOrigin, 'Not from the agent console');
  });

  app.get('/console/setup', (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(files.html));
  app.get('/console/setup/setup.js', (_req, reply) => reply.type('text/javascript; charset=utf-8').send(files.js));
  app.get('/console/setup/setup.css', (_req, reply) => reply.type('text/css; charset=utf-8').send(files.css));

  app.get<{ Querystring: { token?: string } }>('/api/setup/status', async (req) => ({
    open: gate.isOpen,
    tokenOk: gate.accepts(String(req.query.token ?? '')),
    languages: STARTER_LANGS,
  }));

  app.post<{ Body: PasswordCheck }>('/api/setup/password-check', { schema: { body: PasswordCheckSchema } }, async (req) => {
    const problems = passwordProblems(req.body.password, req.body);
    return { ok: problems.length === 0, problems };
  });

  app.post<{ Body: OriginCheck }>('/api/setup/origin-check', { schema: { body: OriginCheckSchema } }, async (req) => explainOrigin(req.body.origin));

  // One at a time: two tabs submitting at once must not make two first admins.
  const serial = new KeyedSerial();
  app.post<{ Body: SetupBody }>('/api/setup', { schema: { body: SetupBodySchema } }, (req) =>
    serial.run('setup', async () => {
      if (!gate.accepts(req.body.token)) throw new AppError(ERR.unauthorized, gate.isOpen ? 'This setup link is not valid: use the one printed in the server log' : 'Setup is done already: log in to the console');
      const { admin, site: input } = req.body;
      await checkAdmin(app.store, admin, input.name);
      const site = await createSite(app.store, app.config.dataDir, input);
      const agent = await createAdmin(app.store, admin, site);
      await app.sites.add(site);
      gate.close();
      // The log's first entries: who set the server up, with which site.
      const audit = (action: 'site.create' | 'agent.create', target: AuditTarget, changes?: Record<string, AuditChange>) =>
        app.audit.record({ actor: agent, siteId: site.id, action, target, ...(changes ? { changes } : {}) });
      await audit('site.create', { kind: 'site', id: site.id, label: site.name }, changesBetween(undefined, site, ['name', 'languages', 'defaultLanguage', 'allowedOrigins']));
      await audit('agent.create', { kind: 'agent', id: agent.id, label: agent.name }, changesBetween(undefined, agent, ['name', 'email', 'role', 'languages']));
      req.log.info({ siteId: site.id, admin: agent.email }, 'setup: first admin and site created');
      return { site: { id: site.id, name: site.name, languages: site.languages, defaultLanguage: site.defaultLanguage, allowedOrigins: site.allowedOrigins }, snippet: snippetFor(`${req.protocol}://${req.host}`, site.id) };
    }),
  );
};
// The gate is the server's (main.ts prints its link); the routes and their origin hook stay inside.
export default fp(
  async (app) => {
    app.decorate('setup', new SetupGate(!(await hasAdmin(app.store))));
    await app.register(setupRoutes);
  },
  { name: 'bulle-setup', dependencies: ['bulle-storage', 'bulle-audit'] },
);
