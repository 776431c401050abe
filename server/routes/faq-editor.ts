// The console's FAQ editor (/api/admin/faq/:siteId/…): an admin of the site lists, reads, saves,
// deletes and undoes FAQ entries, exports and imports a language's FAQ file, and tries a question
// on the bot. Admin session from the console's origin only; a site the admin does not work on is
// NOT_FOUND. The rules are services/faq/faq-editor.ts's; docs/faq-editor.md describes the API.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ERR } from '../../protocol/events.js';
import {
  FaqEntryParamsSchema,
  FaqImportSchema,
  FaqLangParamsSchema,
  FaqSiteParamsSchema,
  FaqSaveSchema,
  FaqTestSchema,
  FaqVersionSchema,
  type FaqEntryParams,
  type FaqImport,
  type FaqLangParams,
  type FaqSiteParams,
  type FaqSave,
  type FaqTest,
  type FaqVersionBody,
} from '../../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { worksOn } from '../services/agent/agent-sites.js';
import { FaqEditor, FieldsError } from '../services/faq/faq-editor.js';
import type { SiteRecord } from '../storage/records.js';
import { adminOf, requireAdmin } from './admin-guard.js';

/** A whole FAQ file (the demo's are ~30 KB each): more than the default body limit allows. */
const IMPORT_BODY_LIMIT = 2 * 1024 * 1024;

const faqEditorRoutes: FastifyPluginAsync = async (app) => {
  requireAdmin(app);
  const editor = new FaqEditor(app.store, app.bots, app.sites);

  // A refused entry or file: the message, and each field's problem for the form.
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof FieldsError) return reply.status(400).send({ error: { code: err.code, message: err.message, fields: err.fields } });
    throw err;
  });

  const siteOf = (req: FastifyRequest<{ Params: { siteId: string } }>): SiteRecord => {
    const site = app.sites.get(req.params.siteId)?.site;
    if (!site || !worksOn(adminOf(req), site.id)) throw new AppError(ERR.notFound, `No site "${req.params.siteId}"`);
    return site;
  };

  const base = '/api/admin/faq/:siteId/:lang';
  app.get<{ Params: FaqLangParams }>(`${base}/entries`, { schema: { params: FaqLangParamsSchema } }, (req) => editor.list(siteOf(req), req.params.lang));

  app.get<{ Params: FaqEntryParams }>(`${base}/entries/:id`, { schema: { params: FaqEntryParamsSchema } }, (req) =>
    editor.get(siteOf(req), req.params.lang, req.params.id),
  );

  app.put<{ Params: FaqEntryParams; Body: FaqSave }>(`${base}/entries/:id`, { schema: { params: FaqEntryParamsSchema, body: FaqSaveSchema } }, (req) =>
    editor.save(adminOf(req), siteOf(req), req.params.lang, req.params.id, req.body),
  );

  app.delete<{ Params: FaqEntryParams; Querystring: FaqVersionBody }>(
    `${base}/entries/:id`,
    { schema: { params: FaqEntryParamsSchema, querystring: FaqVersionSchema } },
    (req) => editor.remove(adminOf(req), siteOf(req), req.params.lang, req.params.id, req.query.version),
  );

  app.post<{ Params: FaqEntryParams; Body: FaqVersionBody }>(`${base}/entries/:id/undo`, { schema: { params: FaqEntryParamsSchema, body: FaqVersionSchema } }, (req) =>
    editor.undo(adminOf(req), siteOf(req), req.params.lang, req.params.id, req.body.version),
  );

  app.get<{ Params: FaqLangParams }>(`${base}/export`, { schema: { params: FaqLangParamsSchema } }, async (req, reply) => {
    const file = await editor.exportFile(siteOf(req), req.params.lang);
    return reply.header('content-disposition', `attachment; filename="${req.params.lang}.json"`).type('application/json; charset=utf-8').send(JSON.stringify(file, null, 2));
  });

  app.post<{ Params: FaqLangParams; Body: FaqImport }>(
    `${base}/import`,
    { bodyLimit: IMPORT_BODY_LIMIT, schema: { params: FaqLangParamsSchema, body: FaqImportSchema } },
    (req) => editor.importFile(adminOf(req), siteOf(req), req.params.lang, req.body),
  );

  app.post<{ Params: FaqSiteParams; Body: FaqTest }>('/api/admin/faq/:siteId/test', { schema: { params: FaqSiteParamsSchema, body: FaqTestSchema } }, (req) =>
    editor.test(siteOf(req), req.body),
  );
};
export default faqEditorRoutes;
