// The ChatStore on PostgreSQL, chosen when DATABASE_URL is set. Records are JSON documents
// (`data jsonb`) with the fields the services query on kept as generated, indexed columns, so the
// stored shape is the contract's and nothing can drift between a column and the record.
//
// A record's operations go through one connection (a lane, chosen by the record's id), in the
// order they were called. That keeps the contract's promise that a change is visible to the reads
// that follow it, even one written in the background (not awaited): the read is queued behind it.
// Different conversations use different lanes, so they do not wait on each other; a query across
// records (a list, a visitor found by token) first waits for what every lane has queued. Each write is one
// statement, committed before its promise resolves, so an ack always follows the commit; writes
// that must not race between nodes (a claim, a message's seq) are single statements guarded by
// the row they change.
import pg from 'pg';
import type { Message, StatsResult } from '../../../protocol/types.js';
import { computeStats } from '../stats-query.js';
import { scopeRows, statsSource } from './pg-stats.js';
import * as orderEvents from './pg-follow-ups.js';
import type { CustomerKey } from '../order-events.js';
import type { AppendResult, ChatStore, WriteOptions } from '../chat-store.js';
import { freezeDeep } from '../freeze.js';
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
} from '../records.js';
import { newId } from '../ids.js';
import { migrate } from './migrations.js';
import { insertAuditSql, selectAuditSql } from './pg-audit.js';
import { conversationsSql, expectSql, patchSql } from './queries.js';

export interface PgChatStoreOptions {
  connectionString: string;
  /** Warnings (a background write that failed). */
  log?: { warn(obj: object, msg?: string): void };
}

/** Connections per store: conversations and visitors spread over them by id. */
const LANES = 8;

/**
 * Statement texts given a name, so each connection parses and plans them once instead of on every
 * call (most of PostgreSQL's work for a primary-key read). The texts are few (patches and filters
 * vary only in which fields they hold); past this many, the rest run unnamed.
 */
const MAX_NAMED_STATEMENTS = 500;

/** The newest questions kept per site in the unanswered list. */
const UNANSWERED_KEEP = 500;
const UNIQUE_VIOLATION = '23505';

type Row = { data: unknown };
const frozen = <T>(rows: Row[]): T[] => rows.map((r) => freezeDeep(r.data as T));
const first = <T>(rows: Row[]): T | undefined => (rows[0] ? freezeDeep(rows[0].data as T) : undefined);
const json = (x: unknown) => JSON.stringify(x);

export class PgChatStore implements ChatStore {
  // Each lane is a pool of one (a dropped connection is replaced): its calls run in call order.
  private readonly lanes: pg.Pool[];
  private readonly tails: Promise<unknown>[];
  private readonly names = new Map<string, string>();

  constructor(private readonly opts: PgChatStoreOptions) {
    this.lanes = Array.from({ length: LANES }, () => new pg.Pool({ connectionString: opts.connectionString, max: 1 }));
    for (const lane of this.lanes) lane.on('error', (err) => opts.log?.warn({ err }, 'postgres connection error'));
    this.tails = this.lanes.map(() => Promise.resolve());
  }

  /** Lane 0 holds sites, agents, sessions and the other small per-site lists; a record id picks another. */
  private lane(key?: string): number {
    if (!key) return 0;
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
    return (h >>> 0) % LANES;
  }
  private query<R extends pg.QueryResultRow = Row>(text: string, values: unknown[], key?: string): Promise<pg.QueryResult<R>> {
    const i = this.lane(key);
    const done = this.lanes[i]!.query<R>({ name: this.nameOf(text), text, values });
    this.tails[i] = done.catch(() => {});
    return done;
  }
  private nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < MAX_NAMED_STATEMENTS) this.names.set(text, (name = `bulle_${this.names.size}`));
    return name;
  }
  /** Resolves once everything queued on every lane so far has run. */
  private async barrier(): Promise<void> {
    await Promise.all(this.tails);
  }
  private async rows(text: string, values: unknown[] = [], key?: string): Promise<Row[]> {
    return (await this.query(text, values, key)).rows as Row[];
  }
  /** A write, awaited or (with `persist: 'background'`) queued in order and not waited for. */
  private async write(text: string, values: unknown[], opts?: WriteOptions, key?: string): Promise<void> {
    const done = this.query(text, values, key);
    if (opts?.persist === 'background') {
      done.catch((err) => this.opts.log?.warn({ err }, 'background write failed'));
      return;
    }
    await done;
  }

  async open(): Promise<void> {
    await migrate(this.lanes[0]!);
  }
  async flush(): Promise<void> {
    await this.barrier();
  }
  async close(): Promise<void> {
    await this.flush().catch(() => {});
    await Promise.all(this.lanes.map((lane) => lane.end()));
  }

  // ---- sites, agents, canned replies ----
  async getSite(id: string) {
    return first<SiteRecord>(await this.rows('SELECT data FROM sites WHERE id = $1', [id]));
  }
  async listSites() {
    return frozen<SiteRecord>(await this.rows('SELECT data FROM sites ORDER BY n'));
  }
  async putSite(site: SiteRecord) {
    await this.write('INSERT INTO sites (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data', [site.id, json(site)]);
  }
  async getAgent(id: string) {
    return first<AgentRecord>(await this.rows('SELECT data FROM agents WHERE id = $1', [id]));
  }
  async findAgentByEmail(email: string) {
    return first<AgentRecord>(await this.rows('SELECT data FROM agents WHERE email_lower = $1 ORDER BY n LIMIT 1', [email.trim().toLowerCase()]));
  }
  async listAgents(siteId: string) {
    return frozen<AgentRecord>(await this.rows('SELECT data FROM agents WHERE site_id = $1 ORDER BY n', [siteId]));
  }
  async putAgent(agent: AgentRecord) {
    await this.write('INSERT INTO agents (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data', [agent.id, json(agent)]);
  }
  async listCannedReplies(siteId: string) {
    const replies = (await this.rows('SELECT data FROM canned_replies WHERE site_id = $1', [siteId])).map((r) => r.data as CannedReplyRecord);
    return replies.sort((a, b) => a.shortcut.localeCompare(b.shortcut));
  }
  async putCannedReply(reply: CannedReplyRecord) {
    await this.write(
      'INSERT INTO canned_replies (site_id, id, data) VALUES ($1, $2, $3) ON CONFLICT (site_id, id) DO UPDATE SET data = EXCLUDED.data',
      [reply.siteId, reply.id, json(reply)],
    );
  }
  async deleteCannedReply(siteId: string, id: string) {
    return ((await this.query('DELETE FROM canned_replies WHERE site_id = $1 AND id = $2', [siteId, id])).rowCount ?? 0) > 0;
  }

  // ---- unanswered questions, FAQ additions and versions ----
  async addUnanswered(record: UnansweredRecord) {
    // One statement: insert, then keep the site's newest few hundred.
    await this.write(
      `WITH added AS (INSERT INTO unanswered (site_id, id, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING n)
       DELETE FROM unanswered WHERE n IN (
         SELECT n FROM unanswered WHERE site_id = $1 ORDER BY n DESC OFFSET $4::int - (SELECT count(*) FROM added))`,
      [record.siteId, record.id, json(record), UNANSWERED_KEEP],
    );
  }
  async listUnanswered(siteId: string, limit = 100) {
    return (await this.rows('SELECT data FROM unanswered WHERE site_id = $1 ORDER BY n DESC LIMIT $2', [siteId, limit])).map((r) => r.data as UnansweredRecord);
  }
  async addFaqAddition(record: FaqAdditionRecord) {
    await this.write('INSERT INTO faq_additions (site_id, id, data) VALUES ($1, $2, $3)', [record.siteId, record.id, json(record)]);
  }
  async updateFaqAddition(siteId: string, id: string, patch: Partial<Pick<FaqAdditionRecord, 'status' | 'decidedBy' | 'decidedAt'>>) {
    const values: unknown[] = [siteId, id];
    const set = patchSql(patch, values);
    const rows = await this.rows(`UPDATE faq_additions SET data = ${set} WHERE site_id = $1 AND id = $2 RETURNING data`, values);
    return rows[0] ? (rows[0].data as FaqAdditionRecord) : undefined;
  }
  async listFaqAdditions(siteId: string) {
    return (await this.rows('SELECT data FROM faq_additions WHERE site_id = $1 ORDER BY n', [siteId])).map((r) => r.data as FaqAdditionRecord);
  }
  async addFaqVersion(r: FaqVersionRecord) {
    // The key (site, language, entry, version) makes the second of two saves of one version fail.
    const insert = 'INSERT INTO faq_versions (site_id, lang, entry_id, version, data) VALUES ($1, $2, $3, $4, $5)';
    return this.write(insert, [r.siteId, r.lang, r.entryId, r.version, json(r)]).then(
      () => true,
      (err: { code?: string }) => (err.code === UNIQUE_VIOLATION ? false : Promise.reject(err)),
    );
  }
  async listFaqVersions(siteId: string) {
    return frozen<FaqVersionRecord>(await this.rows('SELECT data FROM faq_versions WHERE site_id = $1 ORDER BY n', [siteId]));
  }

  async addAudit(record: AuditRecord) {
    await this.write(...insertAuditSql(record));
  }
  async listAudit(filter: AuditFilter) {
    return frozen<AuditRecord>(await this.rows(...selectAuditSql(filter)));
  }

  // ---- sessions ----
  async putSession(session: SessionRecord) {
    await this.write(
      `WITH gone AS (DELETE FROM sessions WHERE expires_at <= $4)
       INSERT INTO sessions (token_hash, expires_at, data) VALUES ($1, $2, $3)
       ON CONFLICT (token_hash) DO UPDATE SET expires_at = EXCLUDED.expires_at, data = EXCLUDED.data`,
      [session.tokenHash, session.expiresAt, json(session), Date.now()],
    );
  }
  async getSession(tokenHash: string) {
    return first<SessionRecord>(await this.rows('SELECT data FROM sessions WHERE token_hash = $1 AND expires_at > $2', [tokenHash, Date.now()]));
  }
  async deleteSessionsOf(agentId: string, keepTokenHash?: string) {
    const { rows } = await this.query<{ token_hash: string }>("DELETE FROM sessions WHERE data->>'agentId' = $1 AND token_hash <> $2 RETURNING token_hash", [agentId, keepTokenHash ?? '']);
    return rows.map((r) => r.token_hash);
  }
  async deleteSession(tokenHash: string) {
    await this.write('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  // ---- visitors ----
  async createVisitor(visitor: VisitorRecord, opts?: WriteOptions) {
    await this.write('INSERT INTO visitors (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data', [visitor.id, json(visitor)], opts, visitor.id);
  }
  async getVisitor(id: string) {
    return first<VisitorRecord>(await this.rows('SELECT data FROM visitors WHERE id = $1', [id], id));
  }
  async findVisitorByToken(siteId: string, tokenHash: string) {
    await this.barrier();
    return first<VisitorRecord>(await this.rows('SELECT data FROM visitors WHERE site_id = $1 AND token_hash = $2', [siteId, tokenHash]));
  }
  async updateVisitor(id: string, patch: Partial<Omit<VisitorRecord, 'id' | 'siteId' | 'tokenHash'>>, _opts?: WriteOptions) {
    const values: unknown[] = [id];
    const set = patchSql(patch, values);
    const sql = `UPDATE visitors SET data = ${set} WHERE id = $1 RETURNING data`;
    // Awaited even in the background: see updateConversation.
    const updated = first<VisitorRecord>(await this.rows(sql, values, id));
    if (!updated) throw new Error(`visitor ${id} not found`);
    return updated;
  }

  // ---- conversations and messages ----
  async createConversation(conversation: ConversationRecord, opts?: WriteOptions) {
    await this.write('INSERT INTO conversations (id, data) VALUES ($1, $2)', [conversation.id, json(conversation)], opts, conversation.id);
  }
  async getConversation(id: string) {
    return first<ConversationRecord>(await this.rows('SELECT data FROM conversations WHERE id = $1', [id], id));
  }
  async updateConversation(
    id: string,
    patch: Partial<Omit<ConversationRecord, 'id' | 'siteId' | 'visitorId'>>,
    expect?: Partial<Pick<ConversationRecord, 'status' | 'assignedAgentId'>>,
    _opts?: WriteOptions,
  ) {
    const values: unknown[] = [id];
    const updatedAt = Date.now();
    const set = patchSql({ ...patch, updatedAt }, values);
    const guard = expectSql(expect, values);
    const sql = `UPDATE conversations SET data = ${set} WHERE id = $1 AND ${guard} RETURNING data`;
    // A background write is awaited all the same: one statement, where reading the record first
    // and writing behind it was two, and the record's lane runs them one after the other anyway,
    // so the call that follows on it waited for the write either way.
    return first<ConversationRecord>(await this.rows(sql, values, id));
  }
  async listConversations(filter: ConversationFilter) {
    const { text, values } = conversationsSql(filter);
    await this.barrier();
    return frozen<ConversationRecord>(await this.rows(text, values));
  }

  async appendMessage(conversationId: string, input: NewMessage): Promise<AppendResult> {
    const now = Date.now();
    const body = { ...input, id: newId(), conversationId, createdAt: now };
    // One statement: the seq comes from the conversation row, which the update locks, so two
    // nodes appending at once get consecutive seqs; a resend (same clientId) returns the original.
    const sql = `
      WITH dup AS (SELECT data FROM messages WHERE conversation_id = $1 AND client_id = $2),
      bump AS (
        UPDATE conversations SET data = data || jsonb_build_object('lastSeq', (data->>'lastSeq')::int + 1, 'updatedAt', $3::bigint)
        WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM dup)
        RETURNING (data->>'lastSeq')::int AS seq, data),
      ins AS (
        INSERT INTO messages (conversation_id, seq, client_id, data)
        SELECT $1, seq, $2, $4::jsonb || jsonb_build_object('seq', seq) FROM bump
        RETURNING data)
      SELECT ins.data, true AS created, bump.data AS conversation FROM ins, bump
      UNION ALL SELECT data, false AS created, NULL FROM dup`;
    for (let attempt = 0; ; attempt++) {
      try {
        type AppendRow = { data: Message; created: boolean; conversation: ConversationRecord | null };
        const { rows } = await this.query<AppendRow>(sql, [conversationId, input.clientId ?? null, now, json(body)], conversationId);
        const row = rows[0];
        if (!row) throw new Error(`conversation ${conversationId} not found`);
        const conversation = row.conversation ? { conversation: freezeDeep(row.conversation) } : {};
        return { message: freezeDeep(row.data), created: row.created, ...conversation };
      } catch (err) {
        // Another node stored the same clientId between our read and our insert: read it back.
        if ((err as { code?: string }).code === UNIQUE_VIOLATION && attempt < 3) continue;
        throw err;
      }
    }
  }
  async listMessages(conversationId: string, afterSeq = 0, limit = 500) {
    return frozen<Message>(
      await this.rows('SELECT data FROM messages WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [conversationId, afterSeq, limit], conversationId),
    );
  }

  async conversationStats(filter: StatsFilter): Promise<StatsResult> {
    // Like every list: the writes queued on any lane first.
    await this.barrier();
    const rows = (text: string, values: unknown[]) => this.rows(text, values);
    return { ...computeStats(filter, await statsSource(rows, filter)), followUps: await orderEvents.followUpNumbers(rows, filter) };
  }

  // ---- order events (pg-follow-ups.ts; lane 0, with the other small per-site lists) ----
  private readonly lane0 = (text: string, values: unknown[]) => this.rows(text, values);
  async addOrderEvent(event: OrderEventRecord) {
    return freezeDeep(await orderEvents.addOrderEvent(this.lane0, event));
  }
  async listOrderEvents(siteId: string, customer?: CustomerKey) {
    return freezeDeep(await orderEvents.listOrderEvents(this.lane0, siteId, customer));
  }
  async updateOrderEvent(siteId: string, eventId: string, patch: Partial<Pick<OrderEventRecord, 'sentAt' | 'shownAt'>>) {
    return freezeDeep(await orderEvents.updateOrderEvent(this.lane0, siteId, eventId, patch));
  }
  async exportConversations(filter: StatsFilter) {
    await this.barrier();
    return scopeRows((text, values) => this.rows(text, values), filter);
  }
}
