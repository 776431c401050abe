// The wire contract's validation half: one TypeBox schema per client → server payload.
// Server-only at run time (TypeBox stays out of the widget bundle); clients import the
// derived types with `import type`.
import { Type, type Static } from '@sinclair/typebox';

export const MAX_MESSAGE_CHARS = 5000;

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const ClientId = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const Text = Type.String({ minLength: 1, maxLength: MAX_MESSAGE_CHARS });
const LangTag = Type.String({ minLength: 2, maxLength: 35, pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' });

export const PageInfoSchema = Type.Object(
  {
    url: Type.String({ maxLength: 2048 }),
    title: Type.String({ maxLength: 300 }),
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
  { clientId: ClientId, text: Text, page: Type.Optional(PageInfoSchema) },
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

// ---- HTTP ----
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
export type ConversationRef = Static<typeof ConversationRefSchema>;
export type AgentMessageSend = Static<typeof AgentMessageSendSchema>;
export type AgentTyping = Static<typeof AgentTypingSchema>;
export type LoginBody = Static<typeof LoginBodySchema>;
