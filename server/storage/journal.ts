// Durability of the embedded store: every change is applied in memory at once (the models), then
// queued here; GroupCommit flushes, and one flush appends one batch of the changed records to the
// write-ahead log (wal.ts). The shards are the snapshot: a compaction rewrites the dirty ones in
// the background once the log passes `compactLogBytes` (or `compactIntervalMs` went by), then
// drops the logs they cover. Logs that held a damaged batch are renamed aside, never deleted.
import { open as openFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { WriteOptions } from './chat-store.js';
import { moveAside, type StoreLog } from './damaged-files.js';
import { GroupCommit } from './group-commit.js';
import type { Message } from '../../protocol/types.js';
import { encodeBatch, type WalRecord, type WriteAheadLog } from './wal.js';

export interface Shard {
  write(): Promise<void>;
}

/** The shards the store holds in memory, by key ('core', 'v:<bucket>', 'c:<id>'), to find those missing on disk. */
export interface ShardCatalog {
  core: Shard;
  conversations(): Iterable<[id: string, shard: Shard]>;
  /** Buckets that hold visitors. */
  buckets(): Iterable<[name: string, shard: Shard]>;
}

export interface JournalOptions {
  dir: string | null;
  fsync: boolean;
  flushIntervalMs: number;
  compactLogBytes: number;
  compactIntervalMs: number;
  log: StoreLog;
}

export class Journal {
  wal: WriteAheadLog | null = null;
  private commit: GroupCommit;
  /** Records for the next log batch: entity key → its current state (read at flush time). */
  private pendingEntities = new Map<string, () => WalRecord>();
  private pendingMessages: Message[] = [];
  /** Shards with no log record kind: written whole by the flush, as before the log. */
  private pendingShards = new Map<string, Shard>();
  /** Shards changed since the last compaction started. */
  dirty = new Map<string, Shard>();
  private compacting: Promise<void> | null = null;
  /** Logs that held a damaged batch: renamed aside by the next compaction, never deleted. */
  readonly damagedLogs = new Set<string>();
  private lastCompactAt = Date.now();

  constructor(
    private readonly opts: JournalOptions,
    private readonly catalog: ShardCatalog,
  ) {
    this.commit = new GroupCommit(opts.flushIntervalMs);
  }

  /**
   * Queue a change for the next flush; resolves once that flush is written. `entity` is the
   * log record (full state, read at flush time); without one the shard is rewritten whole by
   * the flush (a shard kind the log does not know yet); null: the record is queued already
   * (a message). `persist: 'background'` resolves at once (chat-store.ts, WriteOptions).
   */
  save(key: string, shard: Shard, entity?: [string, () => WalRecord] | null, opts?: WriteOptions): Promise<void> {
    // In memory there is nothing to wait for.
    if (!this.opts.dir) return Promise.resolve();
    this.dirty.set(key, shard);
    if (entity) this.pendingEntities.set(entity[0], entity[1]);
    else if (entity === undefined) this.pendingShards.set(key, shard);
    const done = this.commit.mark('wal', () => this.writeBatch());
    return opts?.persist === 'background' ? Promise.resolve() : done;
  }

  /** A message for the next batch (then `save` its conversation with entity null). */
  logMessage(message: Message) {
    if (this.opts.dir) this.pendingMessages.push(message);
  }

  /** Resolves once the flush holding everything marked so far is written (without forcing one). */
  flushed(): Promise<void> {
    return this.commit.flushed();
  }

  async flush(): Promise<void> {
    await this.commit.flush();
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
    const due = wal.bytes >= this.opts.compactLogBytes || (wal.bytes > 0 && Date.now() - this.lastCompactAt >= this.opts.compactIntervalMs);
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
  compactInBackground(wal: WriteAheadLog, upTo: number): void {
    let shards = new Map<string, Shard>();
    this.lastCompactAt = Date.now();
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
        this.opts.log.warn({ err }, 'storage compaction failed (the log keeps everything)');
      })
      .finally(() => {
        this.compacting = null;
      });
  }

  /**
   * `parallel` writes at a time. The log's appends share libuv's four threads with these: a
   * compaction in the background writes one shard at a time, or the acks wait behind it.
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
    for (const [id, shard] of this.catalog.conversations()) if (!conversations.has(`${id}.json`)) this.dirty.set(`c:${id}`, shard);
    const buckets = new Set(await listJson(join(dir, 'visitors')));
    for (const [key, shard] of this.catalog.buckets()) if (!buckets.has(`${key}.json`)) this.dirty.set(`v:${key}`, shard);
    if (!(await listJson(dir)).includes('core.json')) this.dirty.set('core', this.catalog.core);
  }

  /** Resolves when the compaction running now (if any) has ended (tests, bench:start). */
  async compacted(): Promise<void> {
    await this.compacting;
  }

  private async setLogsAside(): Promise<void> {
    for (const name of this.damagedLogs) {
      const to = await moveAside(join(this.opts.dir!, name));
      this.damagedLogs.delete(name);
      this.opts.log.warn({ file: to }, `storage: a write-ahead log that held a damaged batch was kept as ${to} (its readable batches are in the shards now)`);
    }
  }

  /** Write every dirty shard and delete every log: the shards alone hold everything. */
  async compactAll(): Promise<void> {
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
}

export async function listJson(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.json'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
