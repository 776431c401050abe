// A site's own settings for the widget, as an admin sends them (PATCH /api/admin/sites/:id) and the
// site record keeps them: how the bubble looks and when the widget speaks first. The server checks
// them again when the site loads (server/widget-config/settings-schema.ts).
import { Type, type Static } from '@sinclair/typebox';

const LangCode = Type.String({ pattern: '^[a-z]{2,3}$' });
const PerLang = (maxLength: number) =>
  Type.Record(LangCode, Type.String({ minLength: 1, maxLength }), { minProperties: 1, maxProperties: 20, additionalProperties: false });
/** A path (with its query) where `*` stands for any characters: "/product*", "/account/*". */
const UrlGlob = Type.String({ minLength: 1, maxLength: 200, pattern: '^/[^\\s]*$' });

export const ProactiveRuleSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }),
    /** Every condition given must hold. With `event`, the rule fires on that Bulle.track call. */
    when: Type.Object(
      {
        secondsOnPage: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600 })),
        url: Type.Optional(UrlGlob),
        minPages: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        event: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_:.-]{1,64}$' })),
        data: Type.Optional(
          Type.Record(Type.String({ minLength: 1, maxLength: 64 }), Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]), {
            maxProperties: 10,
          }),
        ),
        returning: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
    message: PerLang(300),
    quickReplies: Type.Optional(
      Type.Array(Type.Object({ label: PerLang(40), text: PerLang(200) }, { additionalProperties: false }), { maxItems: 3 }),
    ),
    /** Switched off by the admin: kept, never sent to the loader. */
    off: Type.Optional(Type.Boolean()),
    cap: Type.Union([Type.Literal('visit'), Type.Literal('day'), Type.Literal('visitor')]),
  },
  { additionalProperties: false },
);

export const SiteProactiveSchema = Type.Object(
  {
    rules: Type.Array(ProactiveRuleSchema, { maxItems: 8 }),
    /** Quiet pages: no rule fires there. */
    exclude: Type.Optional(Type.Array(UrlGlob, { maxItems: 10 })),
  },
  { additionalProperties: false },
);

export const SiteAppearanceSchema = Type.Object(
  {
    color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
    position: Type.Optional(Type.Union([Type.Literal('left'), Type.Literal('right')])),
    /** Shown beside the bubble's icon, per language. */
    label: Type.Optional(PerLang(40)),
  },
  { additionalProperties: false },
);

export type ProactiveRule = Static<typeof ProactiveRuleSchema>;
export type SiteProactive = Static<typeof SiteProactiveSchema>;
export type SiteAppearance = Static<typeof SiteAppearanceSchema>;
