// The HTTP bodies of first-run setup, the admin's sites and backups (server/routes/setup.ts,
// admin-sites.ts, backup.ts). Server-only at run time, like every schema.
import { Type, type Static } from '@sinclair/typebox';
import { SiteAppearanceSchema, SiteProactiveSchema } from './widget-settings-schemas.js';

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

/** A site id: what `data-site` says in the snippet. */
const SiteId = Type.String({ minLength: 2, maxLength: 40, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
/** The languages a new site may have: those of the starter FAQ (faq/data/starter/). */
const SiteLang = Type.Union(['fr', 'en', 'es', 'de'].map((l) => Type.Literal(l)));
/** scheme://host[:port] as typed by a person; the server normalises and explains it. */
const OriginInput = Type.String({ minLength: 1, maxLength: 300 });
const HourMinute = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' });
const Greeting = Type.String({ minLength: 1, maxLength: 500 });
const DayHours = Type.Array(Type.Tuple([HourMinute, HourMinute]), { maxItems: 6 });
/** A closing tag, as `conversation:close` takes it. */
const SiteTag = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9][a-z0-9-]*$' });
const Confidence = Type.Number({ minimum: 0, maximum: 1 });

export const SiteCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    /** Derived from the name when absent. */
    id: Type.Optional(SiteId),
    languages: Type.Array(SiteLang, { minItems: 1, maxItems: 4, uniqueItems: true }),
    defaultLanguage: SiteLang,
    allowedOrigins: Type.Array(OriginInput, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export const SetupBodySchema = Type.Object(
  {
    token: Type.String({ minLength: 10, maxLength: 100 }),
    admin: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 80 }),
        email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' }),
        password: Type.String({ minLength: 1, maxLength: 200 }),
      },
      { additionalProperties: false },
    ),
    site: SiteCreateSchema,
  },
  { additionalProperties: false },
);
export const PasswordCheckSchema = Type.Object(
  { password: Type.String({ maxLength: 200 }), email: Type.Optional(Type.String({ maxLength: 254 })), siteName: Type.Optional(Type.String({ maxLength: 80 })) },
  { additionalProperties: false },
);
export const OriginCheckSchema = Type.Object({ origin: OriginInput }, { additionalProperties: false });
export const SitePatchSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    disabled: Type.Optional(Type.Boolean()),
    languages: Type.Optional(Type.Array(SiteLang, { minItems: 1, maxItems: 4, uniqueItems: true })),
    defaultLanguage: Type.Optional(SiteLang),
    allowedOrigins: Type.Optional(Type.Array(OriginInput, { maxItems: 20 })),
    /** lang → greeting; `null` = the default greeting. */
    welcome: Type.Optional(Type.Union([Type.Partial(Type.Object({ fr: Greeting, en: Greeting, es: Greeting, de: Greeting }, { additionalProperties: false })), Type.Null()])),
    /** `null` = always open. */
    businessHours: Type.Optional(
      Type.Union([
        Type.Object(
          {
            timeZone: Type.String({ minLength: 1, maxLength: 64 }),
            days: Type.Partial(Type.Object({ mon: DayHours, tue: DayHours, wed: DayHours, thu: DayHours, fri: DayHours, sat: DayHours, sun: DayHours }, { additionalProperties: false })),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    /** The tags agents pick from when closing (conversations closed with a removed one keep it). */
    tags: Type.Optional(Type.Array(SiteTag, { minItems: 1, maxItems: 50, uniqueItems: true })),
    /** The bot's confidence thresholds (suggest below answer); `null` = the bot's defaults. */
    thresholds: Type.Optional(Type.Union([Type.Object({ answer: Confidence, suggest: Confidence }, { additionalProperties: false }), Type.Null()])),
    /** The bubble's colour, side and label; `null` = the default look. */
    appearance: Type.Optional(Type.Union([SiteAppearanceSchema, Type.Null()])),
    /** The proactive rules and quiet pages, saved whole; `null` = none. */
    proactive: Type.Optional(Type.Union([SiteProactiveSchema, Type.Null()])),
    /** Who works on the site: agents of the admin's sites, by id (the admin stays). */
    agentIds: Type.Optional(Type.Array(Id, { maxItems: 500, uniqueItems: true })),
  },
  { additionalProperties: false },
);
/** `npm run backup -- <dir>` asks the running server (server/routes/backup.ts). */
export const BackupBodySchema = Type.Object({ dir: Type.String({ minLength: 1, maxLength: 4096 }) }, { additionalProperties: false });
export const SiteParamsSchema = Type.Object({ id: SiteId }, { additionalProperties: false });

/**
 * "Send a test" of a site's order webhook: the order number it is asked about (OrderNumberSchema's
 * pattern, repeated: schemas.ts re-exports this file, so it cannot be imported from there).
 */
export const WebhookTestSchema = Type.Object({ orderNumber: Type.Optional(Type.String({ minLength: 3, maxLength: 32, pattern: '^#?[A-Za-z0-9][A-Za-z0-9-]*$' })) }, { additionalProperties: false });

export type SiteCreate = Static<typeof SiteCreateSchema>;
export type SetupBody = Static<typeof SetupBodySchema>;
export type PasswordCheck = Static<typeof PasswordCheckSchema>;
export type OriginCheck = Static<typeof OriginCheckSchema>;
export type SitePatch = Static<typeof SitePatchSchema>;
export type SiteParams = Static<typeof SiteParamsSchema>;
export type BackupBody = Static<typeof BackupBodySchema>;
export type WebhookTest = Static<typeof WebhookTestSchema>;
