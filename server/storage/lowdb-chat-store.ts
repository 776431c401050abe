// The embedded store: JSON shards (lowdb adapters), sharded so no write rewrites an ever-growing file.
//   core.json                 sites, agents, sessions… (core-model.ts: small, rarely written)
//   visitors/<bucket>.json    visitors, bucketed by the first character of their id (visitor-model.ts)
//   conversations/<id>.json   one conversation with its messages (conversation-model.ts)
//   wal.log (+ wal.<n>.log)   the write-ahead log: what changed since the shards (journal.ts, wal.ts)
// Each change is applied in memory at once, then made durable by the journal's next flush;
// open() loads the shards and replays the logs (recovery.ts).
// Only the storage folder may import lowdb.
import type { Message, StatsResult } from '../../protocol/types.js';
import type { AppendResult, ChatStore, WriteOptions } from './chat-store.js';
import { computeStats, conversationsInScope } from './stats-query.js';
import { followUpConversations, followUpStats } from './follow-up-stats.js';
import { isCustomers, type CustomerKey } from './order-events.js';
import type { ConversationModel } from './conversation-model.js';
import type { CoreModel } from './core-model.js';
import type { StoreLog } from './damaged-files.js';
import { freezeDeep } from './freeze.js';
import { newId } from './ids.js';
import type { Journal, Shard } from './journal.js';
import { recover } from './recovery.js';
import { createParts, type LowdbChatStoreOptions } from './store-parts.js';
import type { VisitorModel } from './visitor-model.js';
import type { WalRecord } from './wal.js';
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

export type { LowdbChatStoreOptions } from './store-parts.js';

/** One file of a snapshot: its path under the data folder, and what it holds. */
export interface SnapshotFile {
  path: string[];
  data: unknown;
}

export class LowdbChatStore implements ChatStore {
  private readonly core: CoreModel;
  private readonly coreShard: Shard;
  private readonly visitors: VisitorModel;
  private readonly conversations: ConversationModel;
  private readonly journal: Journal;
  private readonly log: StoreLog;

  /** The schema version open() found and brought up to date (schema-version.ts); null when current. */
  upgradedFrom: number | null = null;

  constructor(private readonly opts: LowdbChatStoreOptions) {
    ({ core: this.core, coreShard: this.coreShard, visitors: this.visitors, conversations: this.conversations, journal: this.journal, log: this.log } = createParts(opts));
  }

  /** The write-ahead log (tests make the process "die" by closing it). */
  private get wal() {
    return this.journal.wal;
  }

  async open(): Promise<void> {
    const dir = this.opts.dir;
    if (!dir) return;
    const { core, coreShard, visitors, conversations, journal, log } = this;
    this.upgradedFrom = await recover({ dir, fsync: this.opts.fsync ?? false, log, core, coreShard, visitors, conversations, journal });
  }

  /** Resolves when the compaction running now (if any) has ended (tests, bench:start). */
  async compacted(): Promise<void> {
    await this.journal.compacted();
  }

  async flush(): Promise<void> {
    await this.journal.flush();
  }

  /**
   * Every record as the shard files hold them, as of one instant, for a backup (snapshot.ts):
   * taken synchronously before any await, so no change comes between two records, and nothing
   * acknowledged before the call is missing. Messages that had left memory are read back from
   * their shards afterwards (they never change there). Sessions are left out: a restored store
   * asks agents to log in again.
   */
  async snapshot(): Promise<SnapshotFile[]> {
    const files: SnapshotFile[] = [{ path: ['core.json'], data: structuredClone({ ...this.core.data, sessions: [] }) }];
    for (const [key, db] of this.visitors.buckets) if (db.data.visitors.length) files.push({ path: ['visitors', `${key}.json`], data: { visitors: db.data.visitors.slice() } });
    const held = [...this.conversations.entries.values()].map((entry) => ({ entry, record: entry.record, offset: entry.offset, tail: entry.messages.slice() }));
    for (const { entry, record, offset, tail } of held) {
      const head = await entry.readHead(offset);
      files.push({ path: ['conversations', `${record.id}.json`], data: { conversation: record, messages: head.concat(tail) } });
    }
    return files;
  }

  async close(): Promise<void> {
    await this.conversations.stop();
    await this.flush();
    await this.journal.compactAll();
    await this.wal?.close();
  }

  /** core.json changed: its whole content goes to the log (or `entity`, one record of it). */
  private saveCore(entity?: [string, () => WalRecord]): Promise<void> {
    return this.journal.save('core', this.coreShard, entity ?? ['core', () => ({ k: 'core', v: this.core.withoutAudit() })]);
  }

  // ---- sites, agents, sessions, canned replies, FAQ additions, unanswered (core.json) ----
  async getSite(id: string) {
    return this.core.site(id);
  }
  async listSites() {
    return [...this.core.data.sites];
  }
  async putSite(site: SiteRecord) {
    this.core.putSite(site);
    await this.saveCore();
  }
  async getAgent(id: string) {
    return this.core.agent(id);
  }
  async findAgentByEmail(email: string) {
    return this.core.agentByEmail(email);
  }
  async listAgents(siteId: string) {
    return this.core.agents(siteId);
  }
  async putAgent(agent: AgentRecord) {
    this.core.putAgent(agent);
    await this.saveCore();
  }
  async listCannedReplies(siteId: string) {
    return this.core.cannedReplies(siteId);
  }
  async putCannedReply(reply: CannedReplyRecord) {
    this.core.putCannedReply(reply);
    await this.saveCore();
  }
  async deleteCannedReply(siteId: string, id: string) {
    if (!this.core.deleteCannedReply(siteId, id)) return false;
    await this.saveCore();
    return true;
  }
  async addUnanswered(record: UnansweredRecord) {
    const copy = structuredClone(record);
    this.core.pushUnanswered(copy);
    // The log gets this one record; core.json (with the whole list) waits for the next compaction.
    await this.saveCore([`u:${copy.id}`, () => ({ k: 'unanswered', v: copy })]);
  }
  async listUnanswered(siteId: string, limit = 100) {
    return this.core.unanswered(siteId, limit);
  }
  async addFaqAddition(record: FaqAdditionRecord) {
    this.core.addFaqAddition(record);
    await this.saveCore();
  }
  async updateFaqAddition(siteId: string, id: string, patch: Partial<Pick<FaqAdditionRecord, 'status' | 'decidedBy' | 'decidedAt'>>) {
    const next = this.core.updateFaqAddition(siteId, id, patch);
    if (next) await this.saveCore();
    return next;
  }
  async listFaqAdditions(siteId: string) {
    return this.core.faqAdditions(siteId);
  }
  async addFaqVersion(record: FaqVersionRecord) {
    if (!this.core.addFaqVersion(record)) return false;
    await this.saveCore();
    return true;
  }
  async listFaqVersions(siteId: string) {
    return this.core.faqVersions(siteId);
  }
  async addAudit(record: AuditRecord) {
    const copy = structuredClone(record);
    this.core.pushAudit(copy);
    await this.saveCore([`a:${copy.id}`, () => ({ k: 'audit', v: copy })]);
  }
  async listAudit(filter: AuditFilter) {
    return this.core.audit(filter);
  }
  async putSession(session: SessionRecord) {
    this.core.putSession(session);
    await this.saveCore();
  }
  async getSession(tokenHash: string) {
    return this.core.session(tokenHash);
  }
  async deleteSessionsOf(agentId: string, keepTokenHash?: string) {
    const gone = this.core.deleteSessionsOf(agentId, keepTokenHash);
    if (gone.length) await this.saveCore();
    return gone;
  }
  async deleteSession(tokenHash: string) {
    this.core.deleteSession(tokenHash);
    await this.saveCore();
  }

  // ---- order events (core.json; each change logged on its own, as unanswered questions) ----
  private saveOrderEvent(event: OrderEventRecord) {
    const record = freezeDeep(structuredClone(event));
    this.core.putOrderEvent(record);
    return this.saveCore([`oe:${record.siteId}:${record.eventId}`, () => ({ k: 'orderEvent', v: record })]).then(() => record);
  }
  async addOrderEvent(event: OrderEventRecord) {
    const known = this.core.orderEvent(event.siteId, event.eventId);
    if (known) return { event: known, created: false };
    return { event: await this.saveOrderEvent(event), created: true };
  }
  async listOrderEvents(siteId: string, customer?: CustomerKey) {
    return this.core.orderEvents(siteId).filter((e) => !customer || isCustomers(e, customer));
  }
  async updateOrderEvent(siteId: string, eventId: string, patch: Partial<Pick<OrderEventRecord, 'sentAt' | 'shownAt'>>) {
    const known = this.core.orderEvent(siteId, eventId);
    return known && this.saveOrderEvent({ ...known, ...patch });
  }

  // ---- visitors (visitors/<bucket>.json) ----
  private saveVisitor(record: VisitorRecord, opts?: WriteOptions) {
    const { key, db } = this.visitors.put(record);
    const id = record.id;
    return this.journal.save(key, db, [`v:${id}`, () => ({ k: 'visitor', v: this.visitors.get(id)! })], opts);
  }
  async createVisitor(visitor: VisitorRecord, opts?: WriteOptions) {
    await this.saveVisitor(freezeDeep(structuredClone(visitor)), opts);
  }
  async getVisitor(id: string) {
    return this.visitors.get(id);
  }
  async findVisitorByToken(siteId: string, tokenHash: string) {
    return this.visitors.byTokenHash(siteId, tokenHash);
  }
  async updateVisitor(id: string, patch: Partial<VisitorRecord>, opts?: WriteOptions) {
    const current = this.visitors.get(id);
    if (!current) throw new Error(`visitor ${id} not found`);
    const record: VisitorRecord = freezeDeep({ ...current, ...structuredClone(patch) });
    await this.saveVisitor(record, opts);
    return record;
  }

  // ---- conversations and messages (conversations/<id>.json) ----
  private saveConversation(id: string, opts?: WriteOptions) {
    const entry = this.conversations.get(id)!;
    return this.journal.save(`c:${id}`, entry, [`c:${id}`, () => ({ k: 'conv', v: this.conversations.get(id)!.record })], opts);
  }
  async createConversation(conversation: ConversationRecord, opts?: WriteOptions) {
    this.conversations.add(structuredClone(conversation));
    await this.saveConversation(conversation.id, opts);
  }
  async getConversation(id: string) {
    return this.conversations.get(id)?.record;
  }
  async updateConversation(
    id: string,
    patch: Partial<ConversationRecord>,
    expect?: Partial<Pick<ConversationRecord, 'status' | 'assignedAgentId'>>,
    opts?: WriteOptions,
  ) {
    const entry = this.conversations.get(id);
    if (!entry) return undefined;
    const current = entry.record;
    if (expect && Object.entries(expect).some(([k, v]) => current[k as keyof ConversationRecord] !== v)) {
      return undefined;
    }
    const next = this.conversations.setRecord(entry, { ...current, ...structuredClone(patch), updatedAt: Date.now() });
    await this.saveConversation(id, opts);
    return next;
  }
  async listConversations(filter: ConversationFilter) {
    return this.conversations.list(filter);
  }

  async appendMessage(conversationId: string, input: NewMessage): Promise<AppendResult> {
    const entry = this.conversations.get(conversationId);
    if (!entry) throw new Error(`conversation ${conversationId} not found`);
    const known = input.clientId ? entry.clientIds.get(input.clientId) : undefined;
    if (known !== undefined) {
      // The original may still be in flight: wait for the flush that holds it before acking.
      await this.journal.flushed();
      const [message] = await this.conversations.messages(conversationId, known - 1, 1);
      return { message: message!, created: false };
    }
    // Not cloned: the caller built `input` for this call; freezing it keeps it as stored.
    // The conversation record's own id string: one copy per conversation, not one per message.
    const seq = entry.record.lastSeq + 1;
    const message = this.conversations.append(entry, { ...input, id: newId(), conversationId: entry.record.id, seq, createdAt: Date.now() });
    // The message record alone: replay derives lastSeq and updatedAt from it.
    this.journal.logMessage(message);
    await this.journal.save(`c:${conversationId}`, entry, null);
    return { message, created: true, conversation: entry.record };
  }
  async listMessages(conversationId: string, afterSeq = 0, limit = 500) {
    return this.conversations.messages(conversationId, afterSeq, limit);
  }

  async conversationStats(filter: StatsFilter): Promise<StatsResult> {
    const all = this.conversations.list({ siteId: filter.siteId, limit: Infinity });
    // The messages of the range's conversations only (those out of memory are read back).
    const messages = new Map<string, readonly Message[]>();
    for (const c of conversationsInScope(filter, all)) messages.set(c.id, await this.conversations.messages(c.id, 0, c.lastSeq));
    const numbers = computeStats(filter, { conversations: all, messages: (id) => messages.get(id) ?? [], unanswered: this.core.unanswered(filter.siteId, Infinity) });
    const events = this.core.orderEvents(filter.siteId);
    const theirs = followUpConversations(filter, events, all);
    for (const c of theirs) if (!messages.has(c.id)) messages.set(c.id, await this.conversations.messages(c.id, 0, c.lastSeq));
    return { ...numbers, followUps: followUpStats(filter, { events, conversations: theirs, messages: (id) => messages.get(id) ?? [] }) };
  }
  async exportConversations(filter: StatsFilter) {
    return conversationsInScope(filter, this.conversations.list({ siteId: filter.siteId, limit: Infinity }));
  }
}
