// How the embedded store's parts are made and wired (lowdb-chat-store.ts): the models in
// memory, the shard files they are written to, the journal that makes changes durable.
import { join } from 'node:path';
import { ConversationModel, type ConversationFile } from './conversation-model.js';
import { CoreModel, type CoreData } from './core-model.js';
import { consoleLog, type StoreLog } from './damaged-files.js';
import { freezeDeep } from './freeze.js';
import { StringPool } from './intern.js';
import { DurableJsonFile } from './json-file.js';
import { Journal, type Shard } from './journal.js';
import { VisitorModel, type VisitorBucket } from './visitor-model.js';

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
  /**
   * Messages kept in memory, all conversations together; past it, the least recently used
   * conversations' messages are left to their shards and read back on demand (on disk only).
   */
  maxMessagesInMemory?: number;
}

/**
 * A compaction rewrites every conversation changed since the last one, whole: the larger the
 * log may grow, the fewer times a busy conversation is rewritten (bench:load --cpu-prof). The
 * price: a start after a crash replays up to this much log (bench:crash prints the start times).
 */
const COMPACT_LOG_BYTES = 64 * 1024 * 1024;
const COMPACT_INTERVAL_MS = 5 * 60_000;
/** Messages kept in memory by default: the recent conversations'. */
const MAX_MESSAGES_IN_MEMORY = 20_000;

export interface StoreParts {
  log: StoreLog;
  core: CoreModel;
  coreShard: Shard;
  visitors: VisitorModel;
  conversations: ConversationModel;
  journal: Journal;
}

export function createParts(opts: LowdbChatStoreOptions): StoreParts {
  const log = opts.log ?? consoleLog;
  const file = <T>(...path: string[]) => (opts.dir ? new DurableJsonFile<T>(join(opts.dir, ...path), opts.fsync ?? false) : null);
  const core = new CoreModel();
  const coreFile = file<CoreData>('core.json');
  const coreShard: Shard = { write: async () => coreFile?.write(core.data) };
  const visitors = new VisitorModel((name) => file<VisitorBucket>('visitors', name));
  /** Repeated strings of stored records, shared (intern.ts). */
  const strings = new StringPool();
  const conversations = new ConversationModel({
    file: opts.dir ? (id) => ({ adapter: file<ConversationFile>('conversations', `${id}.json`)!, path: join(opts.dir!, 'conversations', `${id}.json`) }) : null,
    settle: (record) => freezeDeep(record, strings.share),
    maxMessages: opts.dir ? (opts.maxMessagesInMemory ?? MAX_MESSAGES_IN_MEMORY) : Infinity,
    // Its shard holds everything now: the next compaction need not write it again.
    onClean: (id) => journal.dirty.delete(`c:${id}`),
    onError: (err, id) => log.warn({ err, conversation: id }, `storage: conversation ${id} could not be written to its shard; its messages stay in memory`),
    onLost: (id, count, reason, movedTo) =>
      log.warn({ conversation: id, lostSeqs: `1–${count}`, reason, ...(movedTo ? { movedTo } : {}) }, `storage: conversations/${id}.json (${reason}) no longer holds messages 1–${count} it was the only copy of; marked as lost in its history (agents see a note)`),
  });
  const journal = new Journal(
    {
      dir: opts.dir,
      fsync: opts.fsync ?? false,
      flushIntervalMs: opts.flushIntervalMs ?? 10,
      compactLogBytes: opts.compactLogBytes ?? COMPACT_LOG_BYTES,
      compactIntervalMs: opts.compactIntervalMs ?? COMPACT_INTERVAL_MS,
      log,
    },
    {
      core: coreShard,
      conversations: () => conversations.entries.entries(),
      *buckets() {
        for (const [key, db] of visitors.buckets) if (db.data.visitors.length) yield [key, db];
      },
    },
  );
  return { log, core, coreShard, visitors, conversations, journal };
}
