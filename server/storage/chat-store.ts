// The storage seam. Domain-shaped and async so a Postgres or Redis store can replace the
// embedded lowdb one without touching services.
import type { Message, StatsResult } from '../../protocol/types.js';
import type {
  AgentRecord,
  AuditFilter,
  AuditRecord,
  CannedReplyRecord,
  ConversationFilter,
  ConversationRecord,
  FaqAdditionRecord,
  FaqVersionRecord,
  NewMessage,
  OrderEventRecord,
  SessionRecord,
  SiteRecord,
  StatsFilter,
  UnansweredRecord,
  VisitorRecord,
} from './records.js';
import type { CustomerKey } from './order-events.js';

export interface AppendResult {
  message: Message;
  /** false when `clientId` was seen before in this conversation: the stored original is returned. */
  created: boolean;
  /** When created: the conversation as this append left it (lastSeq is the message's seq), so callers need not read it again. */
  conversation?: ConversationRecord;
}

/**
 * How long a write's promise waits. Every change is applied at once (reads see it before the
 * promise settles); flushes are written in order, one after the other.
 * - 'await' (default): resolves once the change is durably written.
 * - 'background': resolves once applied; it is written with the next flush. Use it only when the
 *   caller goes on to an awaited write before acknowledging anything (that write's flush holds
 *   this change too), or when losing the change in a crash is harmless (e.g. the last page seen).
 */
export interface WriteOptions {
  persist?: 'await' | 'background';
}

/**
 * Records a store returns are snapshots to read, never to change: the embedded store hands out
 * its own frozen records (freeze.ts) rather than copies, so changing one throws. To change a
 * record, write a patch; a store may return the same object to many callers.
 */
export interface ChatStore {
  /** Load or create what the store needs; call once before use. */
  open(): Promise<void>;
  /** Flush everything pending, then release files/connections. */
  close(): Promise<void>;
  /** Resolve once every change made so far is written (including 'background' ones). */
  flush(): Promise<void>;

  getSite(id: string): Promise<SiteRecord | undefined>;
  listSites(): Promise<SiteRecord[]>;
  putSite(site: SiteRecord): Promise<void>;

  getAgent(id: string): Promise<AgentRecord | undefined>;
  findAgentByEmail(email: string): Promise<AgentRecord | undefined>;
  listAgents(siteId: string): Promise<AgentRecord[]>;
  putAgent(agent: AgentRecord): Promise<void>;

  /** Canned replies of a site, by shortcut. */
  listCannedReplies(siteId: string): Promise<CannedReplyRecord[]>;
  putCannedReply(reply: CannedReplyRecord): Promise<void>;
  /** false when there was no such reply on that site. */
  deleteCannedReply(siteId: string, id: string): Promise<boolean>;

  /** Questions the bot could not answer well; a store may keep only the newest few hundred per site. */
  addUnanswered(record: UnansweredRecord): Promise<void>;
  /** Newest first. */
  listUnanswered(siteId: string, limit?: number): Promise<UnansweredRecord[]>;

  /** FAQ additions: what the console added to a site's FAQ, on top of its files. */
  addFaqAddition(record: FaqAdditionRecord): Promise<void>;
  /** Patch one addition of that site; undefined when there is none. */
  updateFaqAddition(
    siteId: string,
    id: string,
    patch: Partial<Pick<FaqAdditionRecord, 'status' | 'decidedBy' | 'decidedAt'>>,
  ): Promise<FaqAdditionRecord | undefined>;
  /** Oldest first (the order they apply in). */
  listFaqAdditions(siteId: string): Promise<FaqAdditionRecord[]>;

  /** A shop's order event, stored once: a repeat of its site and eventId returns the stored one (created: false). */
  addOrderEvent(event: OrderEventRecord): Promise<{ event: OrderEventRecord; created: boolean }>;
  /** The site's order events of that customer (order-events.ts `isCustomers`), or all of them (a copy), in no particular order. */
  listOrderEvents(siteId: string, customer?: CustomerKey): Promise<OrderEventRecord[]>;
  /** Record that an event was sent or shown; undefined when there is no such event. */
  updateOrderEvent(siteId: string, eventId: string, patch: Partial<Pick<OrderEventRecord, 'sentAt' | 'shownAt'>>): Promise<OrderEventRecord | undefined>;
  /**
   * A new version of one FAQ entry (the FAQ editor). false, and nothing stored, when that entry
   * (site, language, id) already has this version number: two saves of the same version, only one wins.
   */
  addFaqVersion(record: FaqVersionRecord): Promise<boolean>;
  /** The site's FAQ entry versions, oldest first. */
  listFaqVersions(siteId: string): Promise<FaqVersionRecord[]>;
  /** The admin audit log: append one entry (adding an id already there changes nothing). */
  addAudit(record: AuditRecord): Promise<void>;
  /** Newest first (by `at`, then id); the embedded store keeps the newest AUDIT_KEEP (core-model.ts). */
  listAudit(filter: AuditFilter): Promise<AuditRecord[]>;

  putSession(session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** End every session of an agent but `keepTokenHash`'s; returns the digests of those ended. */
  deleteSessionsOf(agentId: string, keepTokenHash?: string): Promise<string[]>;

  createVisitor(visitor: VisitorRecord, opts?: WriteOptions): Promise<void>;
  getVisitor(id: string): Promise<VisitorRecord | undefined>;
  findVisitorByToken(siteId: string, tokenHash: string): Promise<VisitorRecord | undefined>;
  updateVisitor(id: string, patch: Partial<Omit<VisitorRecord, 'id' | 'siteId' | 'tokenHash'>>, opts?: WriteOptions): Promise<VisitorRecord>;

  createConversation(conversation: ConversationRecord, opts?: WriteOptions): Promise<void>;
  getConversation(id: string): Promise<ConversationRecord | undefined>;
  /**
   * Patch a conversation. With `expect`, the patch applies only if the current record matches
   * it (compare-and-set: two agents claiming at once, only one wins); otherwise returns undefined.
   */
  updateConversation(
    id: string,
    patch: Partial<Omit<ConversationRecord, 'id' | 'siteId' | 'visitorId'>>,
    expect?: Partial<Pick<ConversationRecord, 'status' | 'assignedAgentId'>>,
    opts?: WriteOptions,
  ): Promise<ConversationRecord | undefined>;
  /** Oldest first by `queuedAt` (then `createdAt`), or newest first with `filter.newestFirst`. */
  listConversations(filter: ConversationFilter): Promise<ConversationRecord[]>;

  /**
   * Append with the next seq; resolves once durably written (group commit).
   * Deduplicates by `clientId` within the conversation.
   */
  appendMessage(conversationId: string, message: NewMessage): Promise<AppendResult>;
  listMessages(conversationId: string, afterSeq?: number, limit?: number): Promise<Message[]>;

  /** The service-desk numbers over a date range (definitions: docs/numbers.md; logic: stats-query.ts). */
  conversationStats(filter: StatsFilter): Promise<StatsResult>;
  /** The conversations those numbers are about (created in the range, matching the filters), oldest first. */
  exportConversations(filter: StatsFilter): Promise<ConversationRecord[]>;
}
