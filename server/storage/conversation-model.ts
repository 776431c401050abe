// Conversations in memory: every record (the queries need them all), and the messages of the
// conversations used lately, seq n at index n-1-offset (conversation-entry.ts). Past
// `maxMessages` held, the least recently used conversations' messages leave memory: their shard
// is written (it holds them all), then they are dropped; a read brings them back.
import type { Message } from '../../protocol/types.js';
import { ConversationEntry, type ShardOf } from './conversation-entry.js';
import { matches, ordered } from './conversation-queries.js';
import { freezeDeep } from './freeze.js';
import type { ConversationFilter, ConversationRecord } from './records.js';

export type { ConversationFile } from './conversation-entry.js';

export interface ConversationModelOptions {
  /** `file(id)`: the shard file of a conversation and its path; null when nothing is written (in memory). */
  file: ShardOf | null;
  /** How records and messages are stored: frozen, rebuilt, their strings pooled (freeze.ts, intern.ts). */
  settle: <T>(record: T) => T;
  /** Messages held in memory before the least recently used conversations' leave (Infinity: never). */
  maxMessages: number;
  /** A conversation's shard now holds its whole current state (the journal need not write it again). */
  onClean: (id: string) => void;
  onError: (err: unknown, id: string) => void;
  /** Messages out of memory could not be read back: their shard was deleted or damaged meanwhile. */
  onLost: (id: string, count: number, reason: string, movedTo?: string) => void;
}

/** Evictions written at once: each is one shard write; the log's appends share the same threads. */
const EVICTING_MAX = 2;

export class ConversationModel {
  readonly entries = new Map<string, ConversationEntry>();
  /** Conversations with messages in memory, least recently used first. */
  private recent = new Map<string, ConversationEntry>();
  /** Messages in memory, all conversations together. */
  private held = 0;
  /** Messages that evictions being written will take out of memory. */
  private leaving = 0;
  private evicting = 0;
  private inFlight = new Set<Promise<void>>();
  /** No eviction starts before this time (a shard write failed: the disk gets a rest). */
  private stalledUntil = 0;
  /** While the store loads: nothing leaves memory until replay has ended (recovery.ts). */
  paused = false;

  constructor(private readonly opts: ConversationModelOptions) {}

  readonly settle = <T>(record: T): T => this.opts.settle(record);

  get(id: string) {
    return this.entries.get(id);
  }

  /** Messages held in memory (tests, measurements). */
  get messagesInMemory() {
    return this.held;
  }

  /** A new conversation, or one read back from its shard (`written`: how many of `messages` the file holds). */
  add(record: ConversationRecord, messages: Message[] = [], written = 0): ConversationEntry {
    const entry = new ConversationEntry(this.opts.file, this.settle(record), messages, written);
    entry.onLost = this.opts.onLost;
    this.entries.set(record.id, entry);
    this.held += messages.length;
    this.touch(entry);
    return entry;
  }

  /** Replace a conversation's record (a patch applied, or a replayed record); returns the stored one. */
  setRecord(entry: ConversationEntry, record: ConversationRecord): ConversationRecord {
    entry.version++;
    return (entry.record = this.settle(record));
  }

  /** Store the next message of `entry` as given (seq, id and time already set). */
  append(entry: ConversationEntry, message: Message): Message {
    const stored = this.settle(message);
    this.push(entry, stored);
    entry.record = freezeDeep({ ...entry.record, lastSeq: stored.seq, updatedAt: stored.createdAt });
    return stored;
  }

  /** Add a message as it is (replay: already settled). */
  push(entry: ConversationEntry, message: Message) {
    entry.push(message);
    this.held++;
    this.touch(entry);
  }

  list(filter: ConversationFilter): ConversationRecord[] {
    const out: ConversationRecord[] = [];
    for (const { record } of this.entries.values()) if (matches(record, filter)) out.push(record);
    return ordered(out, filter);
  }

  /** Messages after `afterSeq`, at most `limit`; those out of memory are read back from the shard. */
  async messages(id: string, afterSeq: number, limit: number): Promise<Message[]> {
    const entry = this.entries.get(id);
    if (!entry) return [];
    if (afterSeq < entry.offset && limit > 0) {
      const loaded = await entry.load(this.settle);
      this.held += loaded;
    }
    const from = Math.max(0, afterSeq - entry.offset);
    const page = entry.messages.slice(from, from + limit);
    this.touch(entry);
    return page;
  }

  private touch(entry: ConversationEntry) {
    const id = entry.record.id;
    this.recent.delete(id);
    if (entry.messages.length) this.recent.set(id, entry);
    this.trim();
  }

  /** Start evictions, least recently used first, until what stays fits under `maxMessages`. */
  trim() {
    if (this.paused) return;
    for (const [id, entry] of this.recent) {
      if (this.held - this.leaving <= this.opts.maxMessages) return;
      if (this.evicting >= EVICTING_MAX || Date.now() < this.stalledUntil) return;
      this.recent.delete(id);
      const done = this.evict(entry, entry.messages.length);
      this.inFlight.add(done);
      void done.finally(() => this.inFlight.delete(done));
    }
  }

  /** No eviction starts from now on; resolves once those being written have ended (close). */
  async stop(): Promise<void> {
    this.paused = true;
    await Promise.all([...this.inFlight]);
  }

  private async evict(entry: ConversationEntry, held: number) {
    this.evicting++;
    this.leaving += held;
    try {
      const { released, clean } = await entry.save(true);
      this.held -= released;
      if (clean) this.opts.onClean(entry.record.id);
    } catch (err) {
      this.stalledUntil = Date.now() + 1000;
      this.opts.onError(err, entry.record.id);
    } finally {
      this.evicting--;
      this.leaving -= held;
      // Touched meanwhile, or messages left that were appended during the write: LRU again.
      if (entry.messages.length && !this.recent.has(entry.record.id)) this.recent.set(entry.record.id, entry);
      this.trim();
    }
  }
}
