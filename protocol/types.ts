// The wire contract's data shapes (type-only: erased from every bundle). Every side imports
// them from here; conversations and messages live in ./conversation-types.ts, the FAQ's learning
// loop in ./faq-types.ts. Client → server payload types are derived from the schemas in ./schemas.ts.
import type { ErrorCode } from './events.js';
import type { FollowUp } from './follow-up-types.js';
import type {
  AgentLevel,
  ConversationSummary,
  IdentityUnverifiedReason,
  Lang,
  Message,
  VisitorConversation,
  VisitorMessage,
  Welcome,
} from './conversation-types.js';

export type * from './conversation-types.js';
export type * from './faq-types.js';
export type * from './faq-editor-types.js';
export type * from './stats-types.js';
export type * from './follow-up-types.js';
export type * from './audit-types.js';
export type * from './agent-admin-types.js';

/** A reply an agent inserts with `/shortcut`; one text per site language. */
export interface CannedReply {
  id: string;
  shortcut: string;
  title: string;
  texts: Record<Lang, string>;
  updatedAt: number;
}

export interface AgentProfile {
  id: string;
  siteId: string;
  name: string;
  email: string;
  languages: Lang[];
  role: 'agent' | 'admin';
}

export interface SiteInfo {
  id: string;
  name: string;
  languages: Lang[];
  defaultLanguage: Lang;
}

/** The site as its agents see it (log-in, /api/agent/me). */
export interface AgentSiteInfo extends SiteInfo {
  /** Origins the shop's pages are served from: a visitor's page there is shown as a link. */
  pageOrigins: string[];
}

/** `tags:list`: the closing tags of the agent's own site, and of every site they work on (by site id). */
export interface TagsListResult {
  tags: string[];
  bySite?: Record<string, string[]>;
}

export interface AckError {
  code: ErrorCode;
  message: string;
}
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

// ---- server → client payloads ----
export interface TypingChanged {
  conversationId: string;
  author: 'visitor' | 'agent';
  typing: boolean;
}
export interface QueueRemoved {
  conversationId: string;
  /** moved: an agent changed its language, so it left this language's queue. */
  reason: 'claimed' | 'closed' | 'moved';
}

// ---- acknowledgement payloads (ok: true → data) ----
/**
 * visitor `conversation:sync`: the messages after `afterSeq`, one page at a time (at most
 * SYNC_PAGE_MESSAGES and about SYNC_PAGE_BYTES), plus the site's public info.
 */
export interface VisitorSyncResult {
  site: SiteInfo;
  conversation: VisitorConversation | null;
  messages: VisitorMessage[];
  /** The page covers every message up to this seq (agents' internal notes are never sent). */
  through: number;
  /** More messages follow: ask again with `afterSeq: through`. */
  more: boolean;
  /** While the conversation waits for an agent: its place in the queue (as `queue:position`). */
  queue?: QueuePosition | null;
  /** The site's welcome in the conversation's language (else the browser's). */
  welcome?: Welcome;
  /** What this server offers: `email` = it sends mail (transcript on request, replies while away). */
  features?: { email: boolean };
}
/** visitor `message:send`: the stored message; `token` only on the visitor's first message. */
export interface VisitorSendResult {
  message: VisitorMessage;
  conversation: VisitorConversation;
  token?: string;
}
/** visitor `handoff:request`: `token` when the visitor had none yet (pressed the button first). */
/** visitor `visitor:identify`: whether this identify was verified, and if not, why. */
export interface VisitorIdentifyResult {
  verified: boolean;
  reason?: IdentityUnverifiedReason;
  /** A verified customer's follow-ups not shown yet (newest event per order), to show and acknowledge. */
  followUps?: FollowUp[];
}
export interface VisitorHandoffResult {
  conversation: VisitorConversation;
  token?: string;
}
/** agent `conversation:claim` / `conversation:open`: the conversation and its whole history. */
export interface ConversationDetail {
  conversation: ConversationSummary;
  messages: Message[];
}
/** agent `conversations:list`: a page, newest first; pass `nextCursor` back for the next one. */
export interface ConversationsListResult {
  conversations: ConversationSummary[];
  nextCursor: string | null;
}
/** agent `customer:history`: the customer's other conversations, newest first, and why they match. */
export interface CustomerHistoryItem {
  conversation: ConversationSummary;
  matchedBy: ('visitor' | 'email' | 'order')[];
}
/** agent `queue:list`. */
export interface QueueListResult {
  queue: ConversationSummary[];
  mine: ConversationSummary[];
}

// ---- routing ----
export type RoutingMode = 'automatic' | 'manual';
/** 'offline' includes the grace period after the last console tab closed (chats are kept meanwhile). */
export type AgentPresence = 'online' | 'away' | 'offline';

/** To a waiting visitor: on hand-off, whenever the queue moves, and every ~15 s. */
export interface QueuePosition {
  conversationId: string;
  /** 1 = next. */
  position: number;
  /** null: nobody online could take it, so there is nothing honest to promise. */
  estimatedWaitMs: number | null;
  /** false: no agent online for this chat, or outside the site's business hours: leave an e-mail. */
  available: boolean;
}

/** agent `conversation:assigned`: a chat given to this agent (automatically, picked, or transferred). */
export interface ConversationAssigned extends ConversationDetail {
  via: 'auto' | 'pick' | 'transfer';
  /** The agent does not speak the chat's language (nobody who does was online in time). */
  flagged?: boolean;
  /** The agent lacks the chat's topic skill (nobody with it was free in time). */
  skillFallback?: boolean;
  fromAgentId?: string;
}

export interface PresenceChanged {
  agentId: string;
  presence: AgentPresence;
}

export interface ModeChanged {
  siteId: string;
  mode: RoutingMode;
}

/** agent `agents:list`: the site's agents, e.g. as transfer targets. */
export interface AgentListItem {
  id: string;
  name: string;
  languages: Lang[];
  role: 'agent' | 'admin';
  presence: AgentPresence;
  openChats: number;
  capacity: number;
  /** Topics they handle; absent = every topic. */
  skills?: string[];
  level: AgentLevel;
}

export interface AgentsListResult {
  agents: AgentListItem[];
  mode: RoutingMode;
}
