// The HTTP bodies of the agents admin and of an agent's own password (server/routes/admin-agents.ts,
// agent-password.ts). Server-only at run time.
import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const LangTag = Type.String({ minLength: 2, maxLength: 35, pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' });
const TopicId = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9-]+$' });
const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' });

const AgentFields = {
  name: Type.String({ minLength: 1, maxLength: 80 }),
  email: Email,
  role: Type.Union([Type.Literal('agent'), Type.Literal('admin')]),
  languages: Type.Array(LangTag, { minItems: 1, maxItems: 10, uniqueItems: true }),
  // Null first: Fastify coerces query and body types, and would turn null into 0 or [] for the
  // first branch that accepts it.
  /** Chats at once; null = the server's default. */
  maxChats: Type.Union([Type.Null(), Type.Integer({ minimum: 0, maximum: 50 })]),
  /** Topics they handle; null = every topic. */
  skills: Type.Union([Type.Null(), Type.Array(TopicId, { maxItems: 50, uniqueItems: true })]),
  level: Type.Union([Type.Literal('trainee'), Type.Literal('agent'), Type.Literal('expert')]),
  /** The sites they work on, among the admin's own; the first is where their console opens. */
  siteIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }),
};

export const AgentCreateSchema = Type.Object(
  {
    name: AgentFields.name,
    email: AgentFields.email,
    role: AgentFields.role,
    languages: AgentFields.languages,
    maxChats: Type.Optional(AgentFields.maxChats),
    skills: Type.Optional(AgentFields.skills),
    level: Type.Optional(AgentFields.level),
    siteIds: AgentFields.siteIds,
  },
  { additionalProperties: false },
);

export const AgentUpdateSchema = Type.Object(
  {
    name: Type.Optional(AgentFields.name),
    email: Type.Optional(AgentFields.email),
    role: Type.Optional(AgentFields.role),
    languages: Type.Optional(AgentFields.languages),
    maxChats: Type.Optional(AgentFields.maxChats),
    skills: Type.Optional(AgentFields.skills),
    level: Type.Optional(AgentFields.level),
    siteIds: Type.Optional(AgentFields.siteIds),
    /** true: cannot log in, their consoles close, their chats go back to the queue. */
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const AgentParamsSchema = Type.Object({ id: Id }, { additionalProperties: false });

export const PasswordChangeSchema = Type.Object(
  {
    current: Type.String({ minLength: 1, maxLength: 200 }),
    next: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export type AgentCreate = Static<typeof AgentCreateSchema>;
export type AgentUpdate = Static<typeof AgentUpdateSchema>;
export type AgentParams = Static<typeof AgentParamsSchema>;
export type PasswordChange = Static<typeof PasswordChangeSchema>;
