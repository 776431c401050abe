// GET /api/widget/:siteId?lang=xx — the one request the loader makes at load: the site's
// appearance and proactive rules (protocol/loader-config.ts), so the bubble is drawn in the shop's
// colours and time and URL rules run with no app and no socket. Public data, cached like the loader
// itself; readable cross-origin only by the pages the site allows (the same rule as its socket).
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { ERR } from '../../protocol/events.js';
import { buildLoaderConfig } from '../widget-config/loader-config.js';
import { widgetSettingsProblem } from '../widget-config/settings-schema.js';

const Params = Type.Object({ siteId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });
const Query = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 35, pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' })) });

const widgetConfig: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { siteId: string }; Querystring: { lang?: string } }>(
    '/api/widget/:siteId',
    { schema: { params: Params, querystring: Query } },
    async (req, reply) => {
      const site = await app.store.getSite(req.params.siteId);
      if (!site) return reply.status(404).send({ error: { code: ERR.unknownSite, message: 'No such site' } });
      const origin = req.headers.origin;
      if (origin && app.origins.widget(site, req.headers)) reply.header('access-control-allow-origin', origin);
      reply.header('vary', 'Origin').header('cache-control', 'public, max-age=300');
      const problem = widgetSettingsProblem(site);
      if (problem) {
        // The site still gets its bubble, in the default look and with no rule.
        req.log.warn({ siteId: site.id, problem }, 'widget settings ignored');
        return buildLoaderConfig({ languages: site.languages, defaultLanguage: site.defaultLanguage }, req.query.lang);
      }
      return buildLoaderConfig(site, req.query.lang);
    },
  );
};
export default widgetConfig;
