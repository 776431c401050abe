// The HTTP bodies and parameters of the console's FAQ editor (server/routes/faq-editor.ts).
// Server-only at run time, like every schema. An entry's and an imported file's content are
// checked field by field by protocol/faq-entry-check.ts (which names the entry and the field);
// these schemas fix the envelope around them.
import { Type, type Static } from '@sinclair/typebox';
import { MAX_MESSAGE_CHARS } from './limits.js';

const SiteId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const FaqLang = Type.String({ pattern: '^[a-z]{2,3}$' });
const EntryId = Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9-]+$' });
/** The version the admin edited (0: never edited): a save or a delete is refused when it moved. */
const Version = Type.Integer({ minimum: 0 });
/** Any object: its fields are checked by checkFaqEntry, which says which one is wrong and why. */
const AnyObject = Type.Object({}, { additionalProperties: true });

export const FaqSiteParamsSchema = Type.Object({ siteId: SiteId }, { additionalProperties: false });
export const FaqLangParamsSchema = Type.Object({ siteId: SiteId, lang: FaqLang }, { additionalProperties: false });
export const FaqEntryParamsSchema = Type.Object({ siteId: SiteId, lang: FaqLang, id: EntryId }, { additionalProperties: false });
/** `create`: a new entry, refused (CONFLICT) when the language has one with that id already. */
export const FaqSaveSchema = Type.Object({ version: Version, entry: AnyObject, create: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const FaqVersionSchema = Type.Object({ version: Version }, { additionalProperties: false });
/** The documented FAQ file format; each entry is checked by checkFaqFile. */
export const FaqImportSchema = Type.Object(
  { lang: Type.String({ maxLength: 8 }), entries: Type.Array(Type.Unknown(), { maxItems: 2000 }) },
  { additionalProperties: false },
);
export const FaqTestSchema = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: MAX_MESSAGE_CHARS }), lang: Type.Optional(FaqLang) },
  { additionalProperties: false },
);

export type FaqSiteParams = Static<typeof FaqSiteParamsSchema>;
export type FaqLangParams = Static<typeof FaqLangParamsSchema>;
export type FaqEntryParams = Static<typeof FaqEntryParamsSchema>;
export type FaqSave = Static<typeof FaqSaveSchema>;
export type FaqVersionBody = Static<typeof FaqVersionSchema>;
export type FaqImport = Static<typeof FaqImportSchema>;
export type FaqTest = Static<typeof FaqTestSchema>;
