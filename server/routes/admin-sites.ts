// The admin's sites (the console's Sites page; /console/sites opens it): list, create, rename,
// disable, and each site's origins, languages, welcome texts, business hours, closing tags, bot
// thresholds and agents. Admin session only, the console's origin only; an admin reaches the
// sites they work on (another is NOT_FOUND).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ERR, NS } from '../../protocol/events.js';
import { SiteCreateSchema, SiteParamsSchema, SitePatchSchema, type SiteCreate, type SiteParams, type SitePatch } from '../../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { agentSiteIds, worksOn } from '../services/agent/agent-sites.js';
import { agentsOf, patchedSite, setSiteAgents, siteView } from '../services/sites/site-admin.js';
import { createSite } from '../services/sites/site-creation.js';
import { resolveFaqDir } from '../bot/faq-dir.js';
import { siteChanges } from '../services/sites/site-integration.js';
import { changesBetween } from '../services/audit/audit-changes.js';
import { moveAgentRooms } from '../sockets/agent-rooms.js';
import type { AgentRecord, SiteRecord } from '../storage/records.js';

/** The site fields an audit entry compares (the FAQ folder and ids never change here). */
const SITE_FIELDS = ['name', 'disabled', 'languages', 'defaultLanguage', 'allowedOrigins', 'welcome', 'businessHours', 'tags', 'thresholds', 'appearance', 'proactive'] as const satisfies readonly (keyof SiteRecord)[];

declare module 'fastify' {
  interface FastifyRequest {
    admin?: AgentRecord;
  }
}

const adminSites: FastifyPluginAsync = async (app) => {
  // Links to the former stand-alone page keep working: the console opens its Sites page.
  app.get('/console/sites', (_req, reply) => reply.redirect('/console/#sites'));

  app.register(async (api) => {
    api.decorateRequest('admin', undefined);
    api.addHook('onRequest', async (req) => {
      if (!app.origins.console(req.headers)) throw new AppError(ERR.badOrigin, 'Not from the agent console');
      const agent = await app.agentAuth.agentForSession(req.cookies[app.agentAuth.cookieName]);
      if (!agent) throw new AppError(ERR.unauthorized, 'Please log in');
      if (agent.role !== 'admin') throw new AppError(ERR.forbidden, 'Only admins manage sites');
      req.admin = agent;
    });

    const base = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
    const view = async (req: FastifyRequest, site: SiteRecord) => siteView(site, await agentsOf(app.store, req.admin!), base(req), resolveFaqDir(site.faqDir, app.config.dataDir), app.bots);
    const mine = async (req: FastifyRequest, id: string) => {
      const site = await app.store.getSite(id);
      if (!site || !worksOn(req.admin!, id)) throw new AppError(ERR.notFound, `No site "${id}"`);
      return site;
    };
    // One change at a time: an agent's site list is read, then written whole, and a site record is
    // written whole too (its identity and webhook are changed by site-integration.ts's routes).
    const serial = siteChanges;

    api.get('/api/admin/sites', async (req) => {
      const sites = [];
      for (const id of agentSiteIds(req.admin!)) {
        const site = await app.store.getSite(id);
        if (site) sites.push(await view(req, site));
      }
      return { sites };
    });

    api.post<{ Body: SiteCreate }>('/api/admin/sites', { schema: { body: SiteCreateSchema } }, (req) =>
      serial.run('sites', async () => {
        const site = await createSite(app.store, app.config.dataDir, req.body);
        await app.sites.add(site);
        const admin = req.admin!;
        await app.store.putAgent({ ...admin, siteIds: [...agentSiteIds(admin), site.id] });
        req.admin = (await app.store.getAgent(admin.id))!;
        await app.audit.record({
          actor: admin,
          siteId: site.id,
          action: 'site.create',
          target: { kind: 'site', id: site.id, label: site.name },
          changes: changesBetween(undefined, site, SITE_FIELDS),
        });
        return { site: await view(req, site) };
      }),
    );

    api.patch<{ Params: SiteParams; Body: SitePatch }>('/api/admin/sites/:id', { schema: { params: SiteParamsSchema, body: SitePatchSchema } }, (req) =>
      serial.run('sites', async () => {
        const site = await mine(req, req.params.id);
        const next = await patchedSite(site, req.body, app.sites, app.config.dataDir);
        // Loaded first: a site the bot cannot load is refused, and nothing is stored.
        await app.sites.add(next).catch((err: Error) => {
          throw new AppError(ERR.badPayload, err.message);
        });
        await app.store.putSite(next);
        const changes = changesBetween(site, next, SITE_FIELDS) ?? {};
        if (req.body.agentIds) {
          const team = async () => (await agentsOf(app.store, req.admin!)).filter((a) => worksOn(a, site.id)).map((a) => a.name).sort();
          const before = await team();
          const changed = await setSiteAgents(app.store, site.id, await agentsOf(app.store, req.admin!), req.body.agentIds, req.admin!);
          Object.assign(changes, changesBetween({ agents: before }, { agents: await team() }, ['agents']));
          // Routing offers them the site's chats (or no more of them) from now on, and their
          // open console tabs follow the site's queues at once.
          for (const agent of changed) {
            await app.chatRouting.agentChanged(agent);
            const sites = agentSiteIds(agent);
            const before = { ...agent, siteIds: worksOn(agent, site.id) ? sites.filter((id) => id !== site.id) : [...sites, site.id] };
            moveAgentRooms(app.io.of(NS.agent), before, agent);
          }
        }
        if (Object.keys(changes).length) {
          await app.audit.record({ actor: req.admin!, siteId: site.id, action: 'site.update', target: { kind: 'site', id: site.id, label: next.name }, changes });
        }
        return { site: await view(req, next) };
      }),
    );
  });
};
export default adminSites;
