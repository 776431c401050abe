// The embedded store: lowdb, sharded so no write rewrites an ever-growing file.
//   core.json                 sites, agents, sessions (small, rarely written)
//   visitors/<bucket>.json    visitors, bucketed by the first character of their id
//   conversations/<id>.json   one conversation with its messages
// All data is held in memory (indexes below); files are written through GroupCommit.
// Only this file (and json-file.ts) may import lowdb (STYLE.md habit 12).
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Low, Memory, type Adapter } from 'lowdb';
import type { Message } from '../protocol/types.js';
import type { AppendResult, ChatStore } from './chat-store.js';
import { DurableJsonFile } from './json-file.js';
import { GroupCommit } from './group-commit.js';
import type {
  AgentRecord,
  CannedReplyRecord,
  ConversationFilter,
  ConversationRecord,
  NewMessage,
  SessionRecord,
  SiteRecord,
  UnansweredRecord,
  VisitorRecord,
} from './records.js';

interface CoreData {
  sites: SiteRecord[];
  agents: AgentRecord[];
  sessions: SessionRecord[];
  /** Absent in core.json files written before issue #4. */
  cannedReplies?: CannedReplyRecord[];
  /** Absent in core.json files written before issue #3; the newest UNANSWERED_KEEP per site. */
  unanswered?: UnansweredRecord[];
}
interface VisitorBucket {
  visitors: VisitorRecord[];
}
interface ConversationFile {
  conversation: ConversationRecord;
  messages: Message[];
}
interface LoadedConversation {
  db: Low<ConversationFile>;
  clientIds: Map<string, number>;
}

export interface LowdbChatStoreOptions {
  /** Folder for the JSON shards; null keeps everything in memory (tests). */
  dir: string | null;
  flushIntervalMs?: number;
  fsync?: boolean;
}

const newId = () => randomBytes(12).toString('base64url');
/** Unanswered questions kept per site (core.json stays small). */
const UNANSWERED_KEEP = 500;

export class LowdbChatStore implements ChatStore {
  private core!: Low<CoreData>;
  private buckets = new Map<string, Low<VisitorBucket>>();
  private conversations = new Map<string, LoadedConversation>();
  private visitorsById = new Map<string, VisitorRecord>();
  private visitorsByToken = new Map<string, VisitorRecord>();
  private commit: GroupCommit;

  constructor(private readonly opts: LowdbChatStoreOptions) {
    this.commit = new GroupCommit(opts.flushIntervalMs ?? 10);
  }

  private adapter<T>(...path: string[]): Adapter<T> {
    if (!this.opts.dir) return new Memory<T>();
    return new DurableJsonFile<T>(join(this.opts.dir, ...path), this.opts.fsync ?? false);
  }

  private save(key: string, db: { write(): Promise<void> }): Promise<void> {
    return this.commit.mark(key, () => db.write());
  }

  async open(): Promise<void> {
    this.core = new Low<CoreData>(this.adapter('core.json'), { sites: [], agents: [], sessions: [] });
    await this.core.read();
    if (!this.opts.dir) return;
    // A kill -9 mid-write leaves a temp file beside the intact previous version: drop it.
    for (const sub of ['', 'visitors', 'conversations']) await removeTempFiles(join(this.opts.dir, sub));
    for (const name of await listJson(join(this.opts.dir, 'visitors'))) {
      const db = new Low<VisitorBucket>(this.adapter('visitors', name), { visitors: [] });
      await db.read();
      this.buckets.set(name.slice(0, -5), db);
      for (const v of db.data.visitors) this.indexVisitor(v);
    }
    for (const name of await listJson(join(this.opts.dir, 'conversations'))) {
      const db = new Low<ConversationFile>(this.adapter('conversations', name), null as never);
      await db.read();
      if (db.data) this.conversations.set(db.data.conversation.id, loaded(db));
    }
  }

  async flush(): Promise<void> {
    await this.commit.flush();
  }

  async close(): Promise<void> {
    await this.flush();
  }

  // ---- sites, agents, sessions (core.json) ----
  async getSite(id: string) {
    return this.core.data.sites.find((s) => s.id === id);
  }
  async listSites() {
    return [...this.core.data.sites];
  }
  async putSite(site: SiteRecord) {
    upsert(this.core.data.sites, site, (s) => s.id === site.id);
    await this.save('core', this.core);
  }
  async getAgent(id: string) {
    return this.core.data.agents.find((a) => a.id === id);
  }
  async findAgentByEmail(email: string) {
    const wanted = email.trim().toLowerCase();
    return this.core.data.agents.find((a) => a.email.toLowerCase() === wanted);
  }
  async listAgents(siteId: string) {
    return this.core.data.agents.filter((a) => a.siteId === siteId);
  }
  async putAgent(agent: AgentRecord) {
    upsert(this.core.data.agents, agent, (a) => a.id === agent.id);
    await this.save('core', this.core);
  }
  async listCannedReplies(siteId: string) {
    const all = this.core.data.cannedReplies ?? [];
    return structuredClone(all.filter((r) => r.siteId === siteId).sort((a, b) => a.shortcut.localeCompare(b.shortcut)));
  }
  async putCannedReply(reply: CannedReplyRecord) {
    const all = (this.core.data.cannedReplies ??= []);
    upsert(all, reply, (r) => r.id === reply.id && r.siteId === reply.siteId);
    await this.save('core', this.core);
  }
  async deleteCannedReply(siteId: string, id: string) {
    const all = this.core.data.cannedReplies ?? [];
    const left = all.filter((r) => !(r.id === id && r.siteId === siteId));
    if (left.length === all.length) return false;
    this.core.data.cannedReplies = left;
    await this.save('core', this.core);
    return true;
  }
  async addUnanswered(record: UnansweredRecord) {
    const all = (this.core.data.unanswered ??= []);
    all.push(structuredClone(record));
    const mine = all.filter((r) => r.siteId === record.siteId);
    if (mine.length > UNANSWERED_KEEP) {
      const drop = new Set(mine.slice(0, mine.length - UNANSWERED_KEEP));
      this.core.data.unanswered = all.filter((r) => !drop.has(r));
    }
    await this.save('core', this.core);
  }
  async listUnanswered(siteId: string, limit = 100) {
    const all = this.core.data.unanswered ?? [];
    return structuredClone(all.filter((r) => r.siteId === siteId).reverse().slice(0, limit));
  }
  async putSession(session: SessionRecord) {
    const now = Date.now();
    // Expired sessions are dropped whenever a new one is written, so the list stays short.
    this.core.data.sessions = this.core.data.sessions.filter((s) => s.expiresAt > now);
    this.core.data.sessions.push(session);
    await this.save('core', this.core);
  }
  async getSession(tokenHash: string) {
    return this.core.data.sessions.find((s) => s.tokenHash === tokenHash && s.expiresAt > Date.now());
  }
  async deleteSession(tokenHash: string) {
    this.core.data.sessions = this.core.data.sessions.filter((s) => s.tokenHash !== tokenHash);
    await this.save('core', this.core);
  }

  // ---- visitors (visitors/<bucket>.json) ----
  private indexVisitor(v: VisitorRecord) {
    this.visitorsById.set(v.id, v);
    this.visitorsByToken.set(`${v.siteId}:${v.tokenHash}`, v);
  }
  private bucketOf(id: string) {
    const key = `b${id.charCodeAt(0).toString(16)}`;
    let db = this.buckets.get(key);
    if (!db) {
      db = new Low<VisitorBucket>(this.adapter('visitors', `${key}.json`), { visitors: [] });
      this.buckets.set(key, db);
    }
    return { key, db };
  }
  async createVisitor(visitor: VisitorRecord) {
    const record = structuredClone(visitor);
    const { key, db } = this.bucketOf(record.id);
    db.data.visitors.push(record);
    this.indexVisitor(record);
    await this.save(`v:${key}`, db);
  }
  async getVisitor(id: string) {
    return clone(this.visitorsById.get(id));
  }
  async findVisitorByToken(siteId: string, tokenHash: string) {
    return clone(this.visitorsByToken.get(`${siteId}:${tokenHash}`));
  }
  async updateVisitor(id: string, patch: Partial<VisitorRecord>) {
    const record = this.visitorsById.get(id);
    if (!record) throw new Error(`visitor ${id} not found`);
    Object.assign(record, patch);
    const { key, db } = this.bucketOf(id);
    await this.save(`v:${key}`, db);
    return clone(record)!;
  }

  // ---- conversations and messages (conversations/<id>.json) ----
  async createConversation(conversation: ConversationRecord) {
    const db = new Low<ConversationFile>(this.adapter('conversations', `${conversation.id}.json`), {
      conversation: structuredClone(conversation),
      messages: [],
    });
    this.conversations.set(conversation.id, loaded(db));
    await this.save(`c:${conversation.id}`, db);
  }
  async getConversation(id: string) {
    return clone(this.conversations.get(id)?.db.data.conversation);
  }
  async updateConversation(
    id: string,
    patch: Partial<ConversationRecord>,
    expect?: Partial<Pick<ConversationRecord, 'status' | 'assignedAgentId'>>,
  ) {
    const entry = this.conversations.get(id);
    if (!entry) return undefined;
    const current = entry.db.data.conversation;
    if (expect && Object.entries(expect).some(([k, v]) => current[k as keyof ConversationRecord] !== v)) {
      return undefined;
    }
    Object.assign(current, patch, { updatedAt: Date.now() });
    await this.save(`c:${id}`, entry.db);
    return clone(current);
  }
  async listConversations(filter: ConversationFilter) {
    const out: ConversationRecord[] = [];
    for (const { db } of this.conversations.values()) {
      const c = db.data.conversation;
      if (c.siteId !== filter.siteId) continue;
      if (filter.status && !filter.status.includes(c.status)) continue;
      if (filter.langs && !filter.langs.includes(c.lang)) continue;
      if (filter.assignedAgentId && c.assignedAgentId !== filter.assignedAgentId) continue;
      if (filter.visitorId && c.visitorId !== filter.visitorId) continue;
      if (filter.customer && !sharesCustomer(c, filter.customer)) continue;
      if (filter.after && !isAfter(c, filter.after)) continue;
      out.push(c);
    }
    if (filter.newestFirst) out.sort(newestFirst);
    else out.sort((a, b) => (a.queuedAt ?? a.createdAt) - (b.queuedAt ?? b.createdAt));
    return out.slice(0, filter.limit ?? 500).map((c) => structuredClone(c));
  }

  async appendMessage(conversationId: string, input: NewMessage): Promise<AppendResult> {
    const entry = this.conversations.get(conversationId);
    if (!entry) throw new Error(`conversation ${conversationId} not found`);
    const data = entry.db.data;
    if (input.clientId && entry.clientIds.has(input.clientId)) {
      const seq = entry.clientIds.get(input.clientId)!;
      // The original may still be in flight: wait for the flush that holds it before acking.
      await this.commit.flushed();
      return { message: structuredClone(data.messages[seq - 1]!), created: false };
    }
    const seq = data.conversation.lastSeq + 1;
    const message: Message = { ...structuredClone(input), id: newId(), conversationId, seq, createdAt: Date.now() };
    data.messages.push(message);
    data.conversation.lastSeq = seq;
    data.conversation.updatedAt = message.createdAt;
    if (input.clientId) entry.clientIds.set(input.clientId, seq);
    await this.save(`c:${conversationId}`, entry.db);
    return { message: structuredClone(message), created: true };
  }
  async listMessages(conversationId: string, afterSeq = 0, limit = 500) {
    const messages = this.conversations.get(conversationId)?.db.data.messages ?? [];
    // seq n sits at index n-1: slice instead of scanning the whole history.
    return structuredClone(messages.slice(afterSeq, afterSeq + limit));
  }
}

function loaded(db: Low<ConversationFile>): LoadedConversation {
  const clientIds = new Map<string, number>();
  for (const m of db.data.messages) if (m.clientId) clientIds.set(m.clientId, m.seq);
  return { db, clientIds };
}

/** Newest-first order: most recently closed (or touched), ties broken by id, descending. */
function newestFirst(a: ConversationRecord, b: ConversationRecord): number {
  const d = (b.closedAt ?? b.updatedAt) - (a.closedAt ?? a.updatedAt);
  return d !== 0 ? d : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
function isAfter(c: ConversationRecord, p: { at: number; id: string }): boolean {
  const at = c.closedAt ?? c.updatedAt;
  return at < p.at || (at === p.at && c.id < p.id);
}
function sharesCustomer(c: ConversationRecord, wanted: { emails?: string[]; orders?: string[] }): boolean {
  if (!c.customer) return false;
  return (wanted.emails ?? []).some((e) => c.customer!.emails.includes(e)) || (wanted.orders ?? []).some((o) => c.customer!.orders.includes(o));
}

function upsert<T>(list: T[], item: T, same: (x: T) => boolean) {
  const i = list.findIndex(same);
  if (i >= 0) list[i] = structuredClone(item);
  else list.push(structuredClone(item));
}

function clone<T>(x: T | undefined): T | undefined {
  return x === undefined ? undefined : structuredClone(x);
}

async function removeTempFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.endsWith('.tmp')).map((n) => rm(join(dir, n), { force: true })));
}

async function listJson(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.json'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
