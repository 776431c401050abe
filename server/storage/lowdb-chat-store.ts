// The embedded store: lowdb, sharded so no write rewrites an ever-growing file.
//   core.json                 sites, agents, sessions (small, rarely written)
//   visitors/<bucket>.json    visitors, bucketed by the first character of their id
//   conversations/<id>.json   one conversation with its messages
//   wal.log (+ wal.<n>.log)   the write-ahead log (wal.ts): what changed since the shards
// All data is held in memory (indexes below). Each change is applied in memory at once, then
// GroupCommit flushes: one flush appends one batch of the changed records to the log. The
// shards are the snapshot: compaction rewrites the dirty ones in the background once the log
// passes `compactLogBytes` (or `compactIntervalMs` went by), then drops the logs they cover.
// open() loads the shards, replays the logs, and starts a compaction in the background (so a
// start takes the time to read, not to rewrite). A shard or log batch that cannot be read is
// set aside and reported (damaged-files.ts, wal-reader.ts); the rest loads.
// Only this file (and json-file.ts) may import lowdb.
import { mkdir, open as openFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low, Memory, type Adapter } from 'lowdb';
import type { Message } from '../../protocol/types.js';
import type { AppendResult, ChatStore, WriteOptions } from './chat-store.js';
import { DurableJsonFile } from './json-file.js';
import { GroupCommit } from './group-commit.js';
import { freezeDeep } from './freeze.js';
import { StringPool } from './intern.js';
import { encodeBatch, listLogs, WriteAheadLog, type WalRecord } from './wal.js';
import { scanLogFile, type LostStretch } from './wal-reader.js';
import {
  checkConversationFile,
  checkCore,
  checkVisitorBucket,
  consoleLog,
  idsIn,
  moveAside,
  readShard,
  type StoreLog,
} from './damaged-files.js';
import { newId } from '../services/secrets.js';
import { migrateCore, SCHEMA_VERSION } from './schema-version.js';
import type {
  AgentRecord,
  CannedReplyRecord,
  ConversationFilter,
  ConversationRecord,
  FaqAdditionRecord,
  NewMessage,
  SessionRecord,
  SiteRecord,
  UnansweredRecord,
  VisitorRecord,
} from './records.js';

interface CoreData {
  /** Absent before the store recorded it (schema-version.ts). */
  schemaVersion?: number;
  sites: SiteRecord[];
  agents: AgentRecord[];
  sessions: SessionRecord[];
  /** Absent in core.json files written before canned replies existed. */
  cannedReplies?: CannedReplyRecord[];
  /** Absent in core.json files written before the unanswered list existed; the newest UNANSWERED_KEEP per site. */
  unanswered?: UnansweredRecord[];
  /** Absent in core.json files written before the FAQ learned from the console. */
  faqAdditions?: FaqAdditionRecord[];
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
  /** Compact (rewrite dirty shards, start a fresh log) once the log reaches this size. */
  compactLogBytes?: number;
  /** …or once this long has passed since the last compaction and the log is not empty. */
  compactIntervalMs?: number;
  /** Where damaged files found at start are reported (default: console). */
  log?: StoreLog;
}

/** What replay could not restore: seqs lost before a logged message, messages of unknown conversations. */
interface ReplayLoss {
  gaps: Map<string, number[]>;
  orphans: Map<string, number>;
}

interface Shard {
  write(): Promise<void>;
}

/**
 * A compaction rewrites every conversation changed since the last one, whole. At 4 MB it ran
 * about once a second at 1,600 msgs/s and was 10 % of the server thread (bench:load --cpu-prof);
 * at 64 MB a busy conversation is rewritten once where it was sixteen times. The price: a start
 * after a crash replays up to 64 MB of log (bench:crash prints the start times).
 */
const COMPACT_LOG_BYTES = 64 * 1024 * 1024;
const COMPACT_INTERVAL_MS = 5 * 60_000;

/** Unanswered questions kept per site (core.json stays small). */
const UNANSWERED_KEEP = 500;

/** One file of a snapshot: its path under the data folder, and what it holds. */
export interface SnapshotFile {
  path: string[];
  data: unknown;
}

export class LowdbChatStore implements ChatStore {
  private core!: Low<CoreData>;
  private buckets = new Map<string, Low<VisitorBucket>>();
  private conversations = new Map<string, LoadedConversation>();
  private visitorsById = new Map<string, VisitorRecord>();
  /** Where each visitor sits in its bucket's list: an update replaces the record in place. */
  private visitorSlots = new Map<string, number>();
  private visitorsByToken = new Map<string, VisitorRecord>();
  private commit: GroupCommit;
  private wal: WriteAheadLog | null = null;
  /** Records for the next log batch: entity key → its current state (read at flush time). */
  private pendingEntities = new Map<string, () => WalRecord>();
  private pendingMessages: Message[] = [];
  /** Shards with no log record kind: written whole by the flush, as before the log. */
  private pendingShards = new Map<string, Shard>();
  /** Shards changed since the last compaction started. */
  private dirty = new Map<string, Shard>();
  private compacting: Promise<void> | null = null;
  /** Logs that held a damaged batch: renamed aside by the next compaction, never deleted. */
  private damagedLogs = new Set<string>();
  private readonly log: StoreLog;
  private lastCompactAt = Date.now();
  /** Repeated strings of stored records, shared (intern.ts). */
  private strings = new StringPool();
  /** How conversation records and messages are stored: frozen, rebuilt, their strings pooled. */
  private settle = <T>(record: T): T => freezeDeep(record, this.strings.share);

  /** The schema version open() found and brought up to date (schema-version.ts); null when current. */
  upgradedFrom: number | null = null;

  constructor(private readonly opts: LowdbChatStoreOptions) {
    this.commit = new GroupCommit(opts.flushIntervalMs ?? 10);
    this.log = opts.log ?? consoleLog;
  }

  private adapter<T>(...path: string[]): Adapter<T> {
    if (!this.opts.dir) return new Memory<T>();
    return new DurableJsonFile<T>(join(this.opts.dir, ...path), this.opts.fsync ?? false);
  }

  /**
   * Queue a change for the next flush; resolves once that flush is written. `entity` is the
   * log record (full state, read at flush time); without one the shard is rewritten whole by
   * the flush (a shard kind the log does not know yet); null: the record is queued already
   * (a message). `persist: 'background'` resolves at once (chat-store.ts, WriteOptions).
   */
  private save(key: string, db: Shard, entity?: [string, () => WalRecord] | null, opts?: WriteOptions): Promise<void> {
    // In memory there is nothing to wait for.
    if (!this.opts.dir) return Promise.resolve();
    this.dirty.set(key, db);
    if (key === 'core') entity ??= ['core', () => ({ k: 'core', v: this.core.data })];
    if (entity) this.pendingEntities.set(entity[0], entity[1]);
    else if (entity === undefined) this.pendingShards.set(key, db);
    const done = this.commit.mark('wal', () => this.writeBatch());
    return opts?.persist === 'background' ? Promise.resolve() : done;
  }

  /** One flush: the pending records as one log batch (one write), plus any whole shards. */
  private async writeBatch(): Promise<void> {
    const wal = this.wal;
    if (!wal) return;
    // Taken synchronously: changes made from here on belong to the next batch.
    const entities = this.pendingEntities;
    const messages = this.pendingMessages;
    const shards = this.pendingShards;
    this.pendingEntities = new Map();
    this.pendingMessages = [];
    this.pendingShards = new Map();
    // Entities first: a conversation's record comes before the messages appended to it.
    const lines: string[] = [];
    for (const record of entities.values()) lines.push(JSON.stringify(record()));
    for (const m of messages) lines.push(JSON.stringify({ k: 'msg', v: m }));
    try {
      await Promise.all([lines.length ? wal.append(encodeBatch(lines)) : undefined, ...[...shards.values()].map((db) => db.write())]);
    } catch (err) {
      // Not written: keep it for the next flush (newer states of the same entities win).
      for (const [k, r] of entities) if (!this.pendingEntities.has(k)) this.pendingEntities.set(k, r);
      this.pendingMessages = [...messages, ...this.pendingMessages];
      for (const [k, db] of shards) if (!this.pendingShards.has(k)) this.pendingShards.set(k, db);
      throw err;
    }
    const due =
      wal.bytes >= (this.opts.compactLogBytes ?? COMPACT_LOG_BYTES) ||
      (wal.bytes > 0 && Date.now() - this.lastCompactAt >= (this.opts.compactIntervalMs ?? COMPACT_INTERVAL_MS));
    if (due && !this.compacting) await this.startCompaction(wal);
  }

  /** Rotate the log, then rewrite the dirty shards in the background and drop the logs they cover. */
  private async startCompaction(wal: WriteAheadLog): Promise<void> {
    this.lastCompactAt = Date.now();
    this.compactInBackground(wal, await wal.rotate());
  }

  /**
   * Write the dirty shards one at a time, then drop the logs up to `upTo`; the logs that held a
   * damaged batch are renamed aside instead, never deleted.
   */
  private compactInBackground(wal: WriteAheadLog, upTo: number): void {
    let shards = new Map<string, Shard>();
    this.compacting = this.addMissingShards()
      .then(() => {
        shards = this.dirty;
        this.dirty = new Map();
        return this.writeShards(shards, 1);
      })
      .then(() => this.setLogsAside())
      .then(() => wal.removeUpTo(upTo, this.damagedLogs))
      .then(() => this.syncDir(''))
      .catch((err) => {
        // The logs stay; the next compaction writes these shards again.
        for (const [k, db] of shards) if (!this.dirty.has(k)) this.dirty.set(k, db);
        this.log.warn({ err }, 'storage compaction failed (the log keeps everything)');
      })
      .finally(() => {
        this.compacting = null;
      });
  }

  /**
   * `parallel` writes at a time. The log's appends share libuv's four threads with these: a
   * compaction in the background writes one shard at a time, or the acks wait behind it
   * (bench:load, 10,000 visitors at 2,000 msgs/s for 45 s: while it ran, four at a time gave
   * visitor→bot p50 12–17 ms and p99 45–131 ms per 5 s; one at a time p50 4–6 ms, p99 11–93 ms,
   * and took about as long, ~16 s for 10,000 shards: each is four file-system calls). At start
   * and on close nothing else waits: four at a time.
   */
  private async writeShards(shards: Map<string, Shard>, parallel: number): Promise<void> {
    const queue = [...shards.values()];
    const worker = async () => {
      for (let db = queue.pop(); db; db = queue.pop()) await db.write();
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    // With fsync, the renames must be on disk before the log that covers them goes.
    for (const sub of ['', 'visitors', 'conversations']) await this.syncDir(sub);
  }

  private async syncDir(sub: string): Promise<void> {
    if (!this.opts.fsync || !this.opts.dir) return;
    const handle = await openFile(join(this.opts.dir, sub), 'r').catch(() => null);
    if (!handle) return;
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /**
   * Shards deleted from disk while the server runs (by hand, by a cleanup script) are written
   * again from memory by the next compaction: everything acknowledged is still held here, and a
   * shard that is not dirty would otherwise never be written again and be gone at the next start.
   */
  private async addMissingShards(): Promise<void> {
    const dir = this.opts.dir;
    if (!dir) return;
    const conversations = new Set(await listJson(join(dir, 'conversations')));
    for (const [id, entry] of this.conversations) if (!conversations.has(`${id}.json`)) this.dirty.set(`c:${id}`, entry.db);
    const buckets = new Set(await listJson(join(dir, 'visitors')));
    for (const [key, db] of this.buckets) if (!buckets.has(`${key}.json`) && db.data.visitors.length) this.dirty.set(`v:${key}`, db);
    if (!(await listJson(dir)).includes('core.json')) this.dirty.set('core', this.core);
  }

  /** Resolves when the compaction running now (if any) has ended (tests, bench:start). */
  async compacted(): Promise<void> {
    await this.compacting;
  }

  private async setLogsAside(): Promise<void> {
    for (const name of this.damagedLogs) {
      const to = await moveAside(join(this.opts.dir!, name));
      this.damagedLogs.delete(name);
      this.log.warn({ file: to }, `storage: a write-ahead log that held a damaged batch was kept as ${to} (its readable batches are in the shards now)`);
    }
  }

  /** Write every dirty shard and delete every log: the shards alone hold everything. */
  private async compactAll(): Promise<void> {
    await this.compacting;
    if (!this.wal) return;
    const upTo = await this.wal.rotate();
    await this.addMissingShards();
    const shards = this.dirty;
    this.dirty = new Map();
    await this.writeShards(shards, 4);
    await this.setLogsAside();
    await this.wal.removeUpTo(upTo, this.damagedLogs);
    await this.syncDir('');
    this.lastCompactAt = Date.now();
  }

  /** Apply one log record to the loaded state (replay), marking the shard it changes. */
  private replay(r: WalRecord, loss: ReplayLoss): void {
    switch (r.k) {
      case 'core':
        this.core.data = r.v as CoreData;
        this.dirty.set('core', this.core);
        return;
      case 'unanswered':
        this.pushUnanswered(r.v);
        this.dirty.set('core', this.core);
        return;
      case 'visitor': {
        const { key, db } = this.bucketOf(r.v.id);
        this.putVisitorRecord(db, freezeDeep(r.v));
        this.dirty.set(`v:${key}`, db);
        return;
      }
      case 'conv': {
        const entry = this.conversations.get(r.v.id);
        const conversation = this.settle(r.v);
        if (entry) entry.db.data.conversation = conversation;
        else {
          const db = new Low<ConversationFile>(this.adapter('conversations', `${r.v.id}.json`), { conversation, messages: [] });
          this.conversations.set(r.v.id, loaded(db));
        }
        this.dirty.set(`c:${r.v.id}`, this.conversations.get(r.v.id)!.db);
        return;
      }
      case 'msg': {
        const entry = this.conversations.get(r.v.conversationId);
        if (!entry) {
          loss.orphans.set(r.v.conversationId, (loss.orphans.get(r.v.conversationId) ?? 0) + 1);
          return;
        }
        const data = entry.db.data;
        // Idempotent: a seq already held is skipped (the shard was written after this batch).
        if (r.v.seq <= data.messages.length) return;
        // A seq beyond the next one follows a damaged batch or shard. The messages that came
        // after it are intact and were acknowledged: the hole is filled with agents-only notes
        // saying so (seq n must sit at index n-1), and they are kept.
        for (let seq = data.messages.length + 1; seq < r.v.seq; seq++) {
          data.messages.push(this.settle(lostMessage(data.conversation.id, seq, r.v.createdAt)));
          (loss.gaps.get(data.conversation.id) ?? loss.gaps.set(data.conversation.id, []).get(data.conversation.id)!).push(seq);
        }
        data.messages.push(this.settle({ ...r.v, conversationId: data.conversation.id }));
        if (r.v.clientId) entry.clientIds.set(r.v.clientId, r.v.seq);
        if (r.v.createdAt > data.conversation.updatedAt) data.conversation = freezeDeep({ ...data.conversation, updatedAt: r.v.createdAt });
        this.dirty.set(`c:${r.v.conversationId}`, entry.db);
        return;
      }
    }
  }

  async open(): Promise<void> {
    this.core = new Low<CoreData>(this.adapter('core.json'), { schemaVersion: SCHEMA_VERSION, sites: [], agents: [], sessions: [] });
    const dir = this.opts.dir;
    if (!dir) return;
    // A fresh install has no data folder yet: the first start makes it.
    await mkdir(dir, { recursive: true });
    // A kill -9 mid-write leaves a temp file beside the intact previous version: drop it.
    for (const sub of ['', 'visitors', 'conversations']) await removeTempFiles(join(dir, sub));
    const core = await this.readShard<CoreData>(['core.json'], checkCore, () => ({ lost: 'sites, agents and sessions' }));
    if (core) this.core.data = core;
    for (const name of await listJson(join(dir, 'visitors'))) {
      const bucket = await this.readShard<VisitorBucket>(['visitors', name], checkVisitorBucket, (text) => ({
        lostVisitors: idsIn(text, 'id', 1000),
      }));
      if (!bucket) continue;
      const db = new Low<VisitorBucket>(this.adapter('visitors', name), bucket);
      this.buckets.set(name.slice(0, -5), db);
      db.data.visitors = db.data.visitors.map((v, i) => {
        const record = freezeDeep(v);
        this.indexVisitor(record);
        this.visitorSlots.set(v.id, i);
        return record;
      });
    }
    // Many small files: read a few at a time (the file system's latency overlaps), add in order.
    const names = await listJson(join(dir, 'conversations'));
    const files: (ConversationFile | null)[] = new Array(names.length).fill(null);
    let next = 0;
    const reader = async () => {
      for (let i = next++; i < names.length; i = next++) {
        files[i] = await this.readShard<ConversationFile>(['conversations', names[i]!], checkConversationFile, (text) => ({
          lostConversation: names[i]!.slice(0, -5),
          visitor: idsIn(text, 'visitorId', 1)[0],
          messagesSeen: text.split('"seq":').length - 1,
        }));
      }
    };
    await Promise.all(Array.from({ length: 16 }, reader));
    for (let i = 0; i < names.length; i++) {
      const data = files[i];
      if (!data) continue;
      files[i] = null;
      data.conversation = this.settle(data.conversation);
      const id = data.conversation.id;
      data.messages = data.messages.map((m) => this.settle({ ...m, conversationId: id }));
      this.conversations.set(id, loaded(new Low<ConversationFile>(this.adapter('conversations', names[i]!), data)));
    }
    // Replay the logs in order, a batch at a time as they are read.
    const logs = await listLogs(dir);
    const damaged = new Set<string>();
    const loss: ReplayLoss = { gaps: new Map(), orphans: new Map() };
    for (const { name } of logs) {
      const scan = await scanLogFile(join(dir, name), (batch) => {
        for (const r of batch) this.replay(r, loss);
      });
      if (scan.lost.length) damaged.add(name);
      for (const stretch of scan.lost) this.log.warn(describeStretch(name, stretch), `storage: ${name} holds a damaged batch at byte ${stretch.offset} (${stretch.bytes} bytes, ${stretch.lines} lines): skipped, the file is kept`);
    }
    for (const [id, seqs] of loss.gaps) {
      this.log.warn({ conversation: id, lostSeqs: seqs }, `storage: conversation ${id} lost message(s) ${seqs.join(', ')}; marked as lost in its history (agents see a note), the messages after them are restored`);
    }
    if (loss.orphans.size) {
      const orphans = [...loss.orphans.keys()];
      this.log.warn({ conversations: orphans.slice(0, 50), count: orphans.length }, `storage: logged messages of ${orphans.length} conversation(s) whose record is lost were not restored`);
    }
    // An older store is brought up to date (written with the next compaction, or on close).
    const migrated = migrateCore(this.core.data);
    if (migrated.core !== this.core.data) {
      this.core.data = migrated.core;
      this.dirty.set('core', this.core);
      this.upgradedFrom = migrated.from;
    }
    // seq n sits at index n-1, whatever a torn batch left.
    for (const key of this.dirty.keys()) {
      if (!key.startsWith('c:')) continue;
      const data = this.conversations.get(key.slice(2))!.db.data;
      if (data.conversation.lastSeq !== data.messages.length) data.conversation = freezeDeep({ ...data.conversation, lastSeq: data.messages.length });
    }
    const highest = logs.reduce((n, l) => (Number.isFinite(l.n) ? Math.max(n, l.n) : n), 0);
    const wal = (this.wal = new WriteAheadLog(dir, this.opts.fsync ?? false, highest));
    if (!logs.length) return;
    // New batches go to a fresh wal.log (the replayed one may end in a torn batch). The shards
    // are rewritten in the background: a start waits for reading the data, not for writing it
    // again (bench:start), and a crash meanwhile just replays the same logs again.
    const upTo = await wal.rotate();
    for (const name of damaged) this.damagedLogs.add(name === 'wal.log' ? `wal.${upTo}.log` : name);
    this.lastCompactAt = Date.now();
    this.compactInBackground(wal, upTo);
  }

  /**
   * One shard's content, or null when there is none: missing, or damaged and set aside with a
   * warning saying what it held (`lost` reads what it can from the text).
   */
  private async readShard<T>(path: string[], check: (data: unknown) => string | null, lost: (text: string) => Record<string, unknown>): Promise<T | null> {
    const file = join(this.opts.dir!, ...path);
    const read = await readShard<T>(file, check);
    if (read.ok) return read.data;
    if (read.missing) return null;
    const to = await moveAside(file);
    this.log.warn(
      { file, movedTo: to, reason: read.reason, bytes: read.bytes, ...(read.offset !== undefined ? { offset: read.offset } : {}), ...lost(read.text) },
      `storage: ${path.join('/')} is damaged (${read.reason}); set aside as ${to}, everything else loads (the log may still restore part of it)`,
    );
    return null;
  }

  async flush(): Promise<void> {
    await this.commit.flush();
  }

  /**
   * Every record as the shard files hold them, taken at one instant (synchronously: no change can
   * come between two records), for a backup (snapshot.ts). Everything acknowledged is in memory,
   * so nothing acknowledged before the call is missing. Sessions are left out: a restored store
   * asks agents to log in again.
   */
  snapshot(): SnapshotFile[] {
    const files: SnapshotFile[] = [{ path: ['core.json'], data: structuredClone({ ...this.core.data, sessions: [] }) }];
    for (const [key, db] of this.buckets) if (db.data.visitors.length) files.push({ path: ['visitors', `${key}.json`], data: { visitors: db.data.visitors.slice() } });
    for (const [id, { db }] of this.conversations) {
      files.push({ path: ['conversations', `${id}.json`], data: { conversation: db.data.conversation, messages: db.data.messages.slice() } });
    }
    return files;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.compactAll();
    await this.wal?.close();
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
    const copy = structuredClone(record);
    this.pushUnanswered(copy);
    // The log gets this one record; core.json (with the whole list) waits for the next compaction.
    await this.save('core', this.core, [`u:${copy.id}`, () => ({ k: 'unanswered', v: copy })]);
  }
  /** Append to the site's list, keeping its newest UNANSWERED_KEEP; a record already there is not added again (replay). */
  private pushUnanswered(record: UnansweredRecord) {
    const all = (this.core.data.unanswered ??= []);
    if (all.some((r) => r.id === record.id)) return;
    all.push(record);
    const mine = all.filter((r) => r.siteId === record.siteId);
    if (mine.length > UNANSWERED_KEEP) {
      const drop = new Set(mine.slice(0, mine.length - UNANSWERED_KEEP));
      this.core.data.unanswered = all.filter((r) => !drop.has(r));
    }
  }
  async listUnanswered(siteId: string, limit = 100) {
    const all = this.core.data.unanswered ?? [];
    return structuredClone(all.filter((r) => r.siteId === siteId).reverse().slice(0, limit));
  }
  async addFaqAddition(record: FaqAdditionRecord) {
    (this.core.data.faqAdditions ??= []).push(structuredClone(record));
    await this.save('core', this.core);
  }
  async updateFaqAddition(siteId: string, id: string, patch: Partial<Pick<FaqAdditionRecord, 'status' | 'decidedBy' | 'decidedAt'>>) {
    const all = this.core.data.faqAdditions ?? [];
    const i = all.findIndex((r) => r.id === id && r.siteId === siteId);
    if (i < 0) return undefined;
    const next = { ...all[i]!, ...structuredClone(patch) };
    all[i] = next;
    await this.save('core', this.core);
    return structuredClone(next);
  }
  async listFaqAdditions(siteId: string) {
    return structuredClone((this.core.data.faqAdditions ?? []).filter((r) => r.siteId === siteId));
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
  /** Add or replace (by id) a frozen visitor record in its bucket and the indexes. */
  private putVisitorRecord(db: Low<VisitorBucket>, v: VisitorRecord) {
    const slot = this.visitorSlots.get(v.id);
    if (slot === undefined) {
      this.visitorSlots.set(v.id, db.data.visitors.length);
      db.data.visitors.push(v);
    } else db.data.visitors[slot] = v;
    this.indexVisitor(v);
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
  private visitorEntity(id: string): [string, () => WalRecord] {
    return [`v:${id}`, () => ({ k: 'visitor', v: this.visitorsById.get(id)! })];
  }
  private conversationEntity(id: string): [string, () => WalRecord] {
    return [`c:${id}`, () => ({ k: 'conv', v: this.conversations.get(id)!.db.data.conversation })];
  }
  async createVisitor(visitor: VisitorRecord, opts?: WriteOptions) {
    const record = freezeDeep(structuredClone(visitor));
    const { key, db } = this.bucketOf(record.id);
    this.putVisitorRecord(db, record);
    await this.save(`v:${key}`, db, this.visitorEntity(record.id), opts);
  }
  async getVisitor(id: string) {
    return this.visitorsById.get(id);
  }
  async findVisitorByToken(siteId: string, tokenHash: string) {
    return this.visitorsByToken.get(`${siteId}:${tokenHash}`);
  }
  async updateVisitor(id: string, patch: Partial<VisitorRecord>, opts?: WriteOptions) {
    const current = this.visitorsById.get(id);
    if (!current) throw new Error(`visitor ${id} not found`);
    const record: VisitorRecord = freezeDeep({ ...current, ...structuredClone(patch) });
    const { key, db } = this.bucketOf(id);
    this.putVisitorRecord(db, record);
    await this.save(`v:${key}`, db, this.visitorEntity(id), opts);
    return record;
  }

  // ---- conversations and messages (conversations/<id>.json) ----
  async createConversation(conversation: ConversationRecord, opts?: WriteOptions) {
    const db = new Low<ConversationFile>(this.adapter('conversations', `${conversation.id}.json`), {
      conversation: this.settle(structuredClone(conversation)),
      messages: [],
    });
    this.conversations.set(conversation.id, loaded(db));
    await this.save(`c:${conversation.id}`, db, this.conversationEntity(conversation.id), opts);
  }
  async getConversation(id: string) {
    return this.conversations.get(id)?.db.data.conversation;
  }
  async updateConversation(
    id: string,
    patch: Partial<ConversationRecord>,
    expect?: Partial<Pick<ConversationRecord, 'status' | 'assignedAgentId'>>,
    opts?: WriteOptions,
  ) {
    const entry = this.conversations.get(id);
    if (!entry) return undefined;
    const current = entry.db.data.conversation;
    if (expect && Object.entries(expect).some(([k, v]) => current[k as keyof ConversationRecord] !== v)) {
      return undefined;
    }
    const next: ConversationRecord = this.settle({ ...current, ...structuredClone(patch), updatedAt: Date.now() });
    entry.db.data.conversation = next;
    await this.save(`c:${id}`, entry.db, this.conversationEntity(id), opts);
    return next;
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
    return out.slice(0, filter.limit ?? 500);
  }

  async appendMessage(conversationId: string, input: NewMessage): Promise<AppendResult> {
    const entry = this.conversations.get(conversationId);
    if (!entry) throw new Error(`conversation ${conversationId} not found`);
    const data = entry.db.data;
    if (input.clientId && entry.clientIds.has(input.clientId)) {
      const seq = entry.clientIds.get(input.clientId)!;
      // The original may still be in flight: wait for the flush that holds it before acking.
      await this.commit.flushed();
      return { message: data.messages[seq - 1]!, created: false };
    }
    const seq = data.conversation.lastSeq + 1;
    // Not cloned: the caller built `input` for this call; freezing it keeps it as stored.
    // The conversation record's own id string: one copy per conversation, not one per message.
    const message: Message = this.settle({ ...input, id: newId(), conversationId: data.conversation.id, seq, createdAt: Date.now() });
    data.messages.push(message);
    data.conversation = freezeDeep({ ...data.conversation, lastSeq: seq, updatedAt: message.createdAt });
    if (input.clientId) entry.clientIds.set(input.clientId, seq);
    // The message record alone: replay derives lastSeq and updatedAt from it.
    if (this.opts.dir) this.pendingMessages.push(message);
    await this.save(`c:${conversationId}`, entry.db, null);
    return { message, created: true };
  }
  async listMessages(conversationId: string, afterSeq = 0, limit = 500) {
    const messages = this.conversations.get(conversationId)?.db.data.messages ?? [];
    // seq n sits at index n-1: slice instead of scanning the whole history.
    return messages.slice(afterSeq, afterSeq + limit);
  }
}

/** What stands in a history for a message lost to a damaged file: an agents-only note. */
function lostMessage(conversationId: string, seq: number, createdAt: number): Message {
  return { id: `lost-${conversationId}-${seq}`, conversationId, seq, author: 'system', text: 'A message was lost here (its stored copy was damaged).', internal: true, createdAt };
}

/** A damaged log stretch as a warning's details (id lists capped: a report, not a dump). */
function describeStretch(log: string, s: LostStretch): Record<string, unknown> {
  const cap = (ids: string[]) => (ids.length > 50 ? [...ids.slice(0, 50), `…${ids.length - 50} more`] : ids);
  return {
    file: log,
    offset: s.offset,
    bytes: s.bytes,
    lines: s.lines,
    recordsLost: s.records,
    unreadableLines: s.unreadable,
    conversations: cap(s.conversations),
    visitors: cap(s.visitors),
    messages: cap(s.messages),
    ...(s.core ? { core: 'sites, agents, sessions' } : {}),
  };
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
