// The wire contract's validation half: one TypeBox schema per client → server payload.
// Server-only at run time (TypeBox stays out of the widget bundle); clients import the
// derived types with `import type`.
import { Type, type Static } from '@sinclair/typebox';
import { MAX_MESSAGE_CHARS, MAX_PAGE_TITLE_CHARS, MAX_PAGE_URL_CHARS } from './limits.js';

export * from './site-admin-schemas.js';
export * from './faq-editor-schemas.js';
export * from './audit-schemas.js';
export * from './agent-admin-schemas.js';

export { MAX_MESSAGE_CHARS };

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const ClientId = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const Text = Type.String({ minLength: 1, maxLength: MAX_MESSAGE_CHARS });
const LangTag = Type.String({ minLength: 2, maxLength: 35, pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' });

export const PageInfoSchema = Type.Object(
  {
    url: Type.String({ maxLength: MAX_PAGE_URL_CHARS }),
    title: Type.String({ maxLength: MAX_PAGE_TITLE_CHARS }),
  },
  { additionalProperties: false },
);

// ---- visitor namespace ----
export const VisitorAuthSchema = Type.Object(
  {
    siteId: Id,
    token: Type.Optional(Type.String({ minLength: 20, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' })),
    languages: Type.Optional(Type.Array(LangTag, { maxItems: 10 })),
  },
  { additionalProperties: false },
);

export const VisitorMessageSendSchema = Type.Object(
  {
    clientId: ClientId,
    text: Text,
    page: Type.Optional(PageInfoSchema),
    /** The id of the proactive rule whose message this answers (the server stores that message first). */
    proactive: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' })),
  },
  { additionalProperties: false },
);
export const HandoffRequestSchema = Type.Object(
  { page: Type.Optional(PageInfoSchema) },
  { additionalProperties: false },
);
export const ConversationSyncSchema = Type.Object(
  { afterSeq: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export const ConversationReadSchema = Type.Object(
  { seq: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export const VisitorTypingSchema = Type.Object({ typing: Type.Boolean() }, { additionalProperties: false });
/** "Did this help?" on the bot answer with this seq. */
export const FeedbackSendSchema = Type.Object(
  { seq: Type.Integer({ minimum: 1 }), helpful: Type.Boolean() },
  { additionalProperties: false },
);
/** The visitor picks the chat's language; it must be one of the site's. */
export const VisitorSetLangSchema = Type.Object({ lang: LangTag }, { additionalProperties: false });

/** The visitor ends the chat (no payload). */
export const ConversationEndSchema = Type.Object({}, { additionalProperties: false });
export const MAX_RATING_COMMENT_CHARS = 1000;
/** The visitor rates their ended chat, once: 1 (bad) to 5 (great), with an optional comment. */
export const RatingSendSchema = Type.Object(
  { score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: MAX_RATING_COMMENT_CHARS })) },
  { additionalProperties: false },
);

// ---- agent namespace ----
export const EmptySchema = Type.Object({}, { additionalProperties: false });
export const ConversationRefSchema = Type.Object({ conversationId: Id }, { additionalProperties: false });
export const AgentMessageSendSchema = Type.Object(
  { conversationId: Id, clientId: ClientId, text: Text },
  { additionalProperties: false },
);
export const AgentTypingSchema = Type.Object(
  { conversationId: Id, typing: Type.Boolean() },
  { additionalProperties: false },
);

// ---- the agent workspace ----
const Tag = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9][a-z0-9-]*$' });
/**
 * No spaces and no control or invisible characters (C0/C1 controls, soft hyphen, zero-width and
 * bidi marks and overrides, BOM), which would let "moc.kaerts@\u202eattacker.example" display as
 * another address in the console. Spelled out as ranges: the socket validator compiles patterns
 * without the `u` flag, so `\p{C}` is not available there.
 */
const INVISIBLE = '\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff';
const EMAIL_PART = `[^\\s@${INVISIBLE}]+`;
export const EmailSchema = Type.String({ minLength: 3, maxLength: 254, pattern: `^${EMAIL_PART}@${EMAIL_PART}\\.${EMAIL_PART}$` });
/** A person's name as a shop passes it: no control or invisible characters (as e-mails). */
export const PersonNameSchema = Type.String({ minLength: 1, maxLength: 100, pattern: `^[^${INVISIBLE}]+$` });
/** "#48213", "A-48213"; the server drops the "#" and upper-cases (services/customer/customer-history.ts). */
export const OrderNumberSchema = Type.String({ minLength: 3, maxLength: 32, pattern: '^#?[A-Za-z0-9][A-Za-z0-9-]*$' });

// ---- signed identity (visitor) ----
/**
 * `visitor:identify`: who the shop's logged-in customer is. `signature` is an HS256 JWT made by the
 * shop's server with the site's identity secret (claims sub, email, name, orders, exp); without a
 * valid one the rest is kept as the visitor's word, never as a verified identity.
 */
export const VisitorIdentifySchema = Type.Object(
  {
    email: Type.Optional(EmailSchema),
    name: Type.Optional(PersonNameSchema),
    orders: Type.Optional(Type.Array(OrderNumberSchema, { maxItems: 20 })),
    signature: Type.Optional(Type.String({ minLength: 16, maxLength: 4096, pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$' })),
  },
  { additionalProperties: false },
);
/** The claims of a verified identity token (checked after the signature, like any payload). */
export const IdentityClaimsSchema = Type.Object({
  sub: Type.String({ minLength: 1, maxLength: 128 }),
  exp: Type.Number(),
  email: Type.Optional(EmailSchema),
  name: Type.Optional(PersonNameSchema),
  orders: Type.Optional(Type.Array(OrderNumberSchema, { maxItems: 20 })),
});

/** `tag` is optional on the wire (older clients); the console always asks for one. */
export const ConversationCloseSchema = Type.Object(
  { conversationId: Id, tag: Type.Optional(Tag), resolved: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
/** Transfer targets: the agents of one of the caller's sites (the chat's); absent = their own site. */
export const AgentsListSchema = Type.Object({ siteId: Type.Optional(Id) }, { additionalProperties: false });
export const ConversationsListSchema = Type.Object(
  { status: Type.Literal('closed'), cursor: Type.Optional(Type.String({ maxLength: 100, pattern: '^[0-9]{1,15}_[A-Za-z0-9_-]{1,64}$' })) },
  { additionalProperties: false },
);
/** `clientId` makes a resent note stored once, like a reply. */
export const NoteAddSchema = Type.Object(
  { conversationId: Id, text: Text, clientId: Type.Optional(ClientId) },
  { additionalProperties: false },
);
export const ConversationSetLangSchema = Type.Object({ conversationId: Id, lang: LangTag }, { additionalProperties: false });
const TopicId = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9-]+$' });
export const ConversationSetTopicSchema = Type.Object({ conversationId: Id, topic: TopicId }, { additionalProperties: false });
/** Admins: a topic's difficulty, and (optionally) how long chats wait for its skill, site-wide. */
export const TopicSetSchema = Type.Object(
  {
    topic: TopicId,
    difficulty: Type.Union([Type.Literal('simple'), Type.Literal('complex')]),
    skillWaitMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 3_600_000 })),
  },
  { additionalProperties: false },
);
/** Admins: an agent's skills (null = every topic) and level. */
export const AgentSetSkillsSchema = Type.Object(
  {
    agentId: Id,
    skills: Type.Union([Type.Array(TopicId, { maxItems: 50, uniqueItems: true }), Type.Null()]),
    level: Type.Union([Type.Literal('trainee'), Type.Literal('agent'), Type.Literal('expert')]),
  },
  { additionalProperties: false },
);
/** One clue at a time: an e-mail or an order number. */
export const ConversationLinkSchema = Type.Union([
  Type.Object({ conversationId: Id, email: EmailSchema }, { additionalProperties: false }),
  Type.Object({ conversationId: Id, order: OrderNumberSchema }, { additionalProperties: false }),
]);
export const CannedSaveSchema = Type.Object(
  {
    id: Type.Optional(Id),
    shortcut: Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z0-9][a-z0-9_-]*$' }),
    title: Type.String({ minLength: 1, maxLength: 80 }),
    texts: Type.Record(Type.String({ pattern: '^[a-z]{2,3}$' }), Type.String({ minLength: 1, maxLength: 2000 }), {
      minProperties: 1,
      maxProperties: 20,
      additionalProperties: false,
    }),
  },
  { additionalProperties: false },
);
export const CannedDeleteSchema = Type.Object({ id: Id }, { additionalProperties: false });

// ---- the FAQ learning from the unanswered list ----
const FaqId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9-]+$' });
/** The unanswered question, added as a phrasing of the entry (its text and language are the question's). */
export const FaqAttachSchema = Type.Object({ unansweredId: Id, faqId: FaqId }, { additionalProperties: false });
/** A new entry, published by an admin with `faq:confirm`. */
export const FaqDraftSchema = Type.Object(
  {
    unansweredId: Type.Optional(Id),
    lang: Type.String({ pattern: '^[a-z]{2,3}$' }),
    question: Type.String({ minLength: 1, maxLength: 500 }),
    answer: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
/** Confirm (a proposed phrasing, a draft entry) or dismiss one addition. */
export const FaqDecideSchema = Type.Object({ id: Id }, { additionalProperties: false });

// ---- routing ----
/** Left by a visitor nobody could answer yet (the console helper's EmailSchema: one rule for e-mails). */
export const ContactSetSchema = Type.Object({ email: EmailSchema }, { additionalProperties: false });
/** The chat's transcript by e-mail, to this address or else the one the visitor left. */
export const TranscriptSendSchema = Type.Object({ email: Type.Optional(EmailSchema) }, { additionalProperties: false });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
/** `GET /api/admin/stats` and `/api/admin/conversations.csv`: UTC days, both ends included. */
export const StatsQuerySchema = Type.Object(
  {
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    lang: Type.Optional(LangTag),
    tag: Type.Optional(Tag),
    agentId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
/** What the widget knows about the visit; the user agent comes from the handshake headers. */
export const VisitUpdateSchema = Type.Object(
  {
    page: PageInfoSchema,
    referrer: Type.Optional(Type.String({ maxLength: 2048 })),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_+/-]+$' })),
    // Loose on purpose: a shop's `<html lang="en_US">` must not cost the whole update.
    pageLang: Type.Optional(Type.String({ minLength: 1, maxLength: 35, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  { additionalProperties: false },
);
export const PresenceSetSchema = Type.Object(
  { status: Type.Union([Type.Literal('online'), Type.Literal('away')]) },
  { additionalProperties: false },
);
/** Exactly one of toAgentId and toLang (checked by the handler, which names the problem). */
export const ConversationTransferSchema = Type.Object(
  {
    conversationId: Id,
    toAgentId: Type.Optional(Id),
    toLang: Type.Optional(Type.String({ minLength: 2, maxLength: 3, pattern: '^[a-z]{2,3}$' })),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export const SiteModeSchema = Type.Object(
  { mode: Type.Union([Type.Literal('automatic'), Type.Literal('manual')]) },
  { additionalProperties: false },
);

// ---- HTTP ----
/** Admin: whether a site refuses identifies without a valid signature. */
export const IdentityModeSchema = Type.Object(
  { mode: Type.Union([Type.Literal('optional'), Type.Literal('required')]) },
  { additionalProperties: false },
);
/** Admin: the site's order-status webhook (https; the server makes its shared secret). */
export const OrderWebhookSchema = Type.Object(
  { url: Type.String({ minLength: 1, maxLength: 2048 }) },
  { additionalProperties: false },
);

/** What the shop's order-status webhook answers (server/services/orders/): checked before a word of it reaches a visitor. */
export const OrderStatusSchema = Type.Object({
  status: Type.Union(
    ['pending', 'processing', 'shipped', 'in_transit', 'out_for_delivery', 'delivered', 'cancelled', 'returned'].map((s) => Type.Literal(s)),
  ),
  carrier: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: `^[^${INVISIBLE}]+$` })),
  trackingNumber: Type.Optional(Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' })),
  /** ISO 8601 dates ("2026-12-04" or a full timestamp). */
  shippedAt: Type.Optional(Type.String({ maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}' })),
  estimatedDelivery: Type.Optional(Type.String({ maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}' })),
  items: Type.Optional(
    Type.Array(
      Type.Object({ name: Type.String({ minLength: 1, maxLength: 200, pattern: `^[^${INVISIBLE}]+$` }), quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })) }),
      { maxItems: 50 },
    ),
  ),
});

export const LoginBodySchema = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);


export type VisitorAuth = Static<typeof VisitorAuthSchema>;
export type VisitorMessageSend = Static<typeof VisitorMessageSendSchema>;
export type HandoffRequest = Static<typeof HandoffRequestSchema>;
export type ConversationSync = Static<typeof ConversationSyncSchema>;
export type ConversationRead = Static<typeof ConversationReadSchema>;
export type VisitorTyping = Static<typeof VisitorTypingSchema>;
export type FeedbackSend = Static<typeof FeedbackSendSchema>;
export type VisitorSetLang = Static<typeof VisitorSetLangSchema>;
export type RatingSend = Static<typeof RatingSendSchema>;
export type TranscriptSend = Static<typeof TranscriptSendSchema>;
export type StatsQuery = Static<typeof StatsQuerySchema>;
export type ConversationRef = Static<typeof ConversationRefSchema>;
export type AgentMessageSend = Static<typeof AgentMessageSendSchema>;
export type AgentTyping = Static<typeof AgentTypingSchema>;
export type LoginBody = Static<typeof LoginBodySchema>;
export type ConversationClose = Static<typeof ConversationCloseSchema>;
export type ConversationsList = Static<typeof ConversationsListSchema>;
export type AgentsList = Static<typeof AgentsListSchema>;
export type NoteAdd = Static<typeof NoteAddSchema>;
export type ConversationSetLang = Static<typeof ConversationSetLangSchema>;
export type ConversationSetTopic = Static<typeof ConversationSetTopicSchema>;
export type TopicSet = Static<typeof TopicSetSchema>;
export type AgentSetSkills = Static<typeof AgentSetSkillsSchema>;
export type ConversationLink = Static<typeof ConversationLinkSchema>;
export type CannedSave = Static<typeof CannedSaveSchema>;
export type CannedDelete = Static<typeof CannedDeleteSchema>;
export type FaqAttach = Static<typeof FaqAttachSchema>;
export type FaqDraft = Static<typeof FaqDraftSchema>;
export type FaqDecide = Static<typeof FaqDecideSchema>;
export type ContactSet = Static<typeof ContactSetSchema>;
export type VisitUpdate = Static<typeof VisitUpdateSchema>;
export type PresenceSet = Static<typeof PresenceSetSchema>;
export type ConversationTransfer = Static<typeof ConversationTransferSchema>;
export type SiteMode = Static<typeof SiteModeSchema>;
export type VisitorIdentify = Static<typeof VisitorIdentifySchema>;
export type IdentityClaims = Static<typeof IdentityClaimsSchema>;
export type IdentityMode = Static<typeof IdentityModeSchema>;
export type OrderWebhookBody = Static<typeof OrderWebhookSchema>;
export type OrderStatus = Static<typeof OrderStatusSchema>;
