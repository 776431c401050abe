// One conversation of the embedded store: its record (always in memory) and its messages, which
// may leave memory once its shard (conversations/<id>.json) holds them, and come back on demand.
// In memory are the messages from seq `offset + 1` to the last (offset 0: all of them); the
// shard on disk holds seq 1 to `written`. Shard writes and loads of one conversation run one at
// a time, in order, so an older state never lands on disk after a newer one.
import type { Adapter } from 'lowdb';
import type { Message } from '../../protocol/types.js';
import { checkConversationFile, lostMessage, moveAside, readShard } from './damaged-files.js';
import type { ConversationRecord } from './records.js';

export interface ConversationFile {
  conversation: ConversationRecord;
  messages: Message[];
}

/** Where a conversation's shard is: the same function for every conversation of a store. */
export type ShardOf = (id: string) => { adapter: Adapter<ConversationFile>; path: string };

export class ConversationEntry {
  /** clientId → seq, for `appendMessage`'s dedup (kept for every message, in memory or not). */
  readonly clientIds = new Map<string, number>();
  /** Messages seq offset+1 … lastSeq. */
  messages: Message[];
  offset = 0;
  /** Messages the shard on disk holds (seq 1 … written), as of its last completed write. */
  written: number;
  /** Bumped by every change: a write that saw the current version left the shard up to date. */
  version = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    /**
     * The conversation's shard file (its adapter and path), made when it is read or written rather
     * than held by every conversation in memory. Null: nothing is written.
     */
    private readonly shardOf: ShardOf | null,
    public record: ConversationRecord,
    messages: Message[],
    /** How many of `messages` its shard file holds already (read from it at start). */
    written = 0,
  ) {
    this.messages = messages;
    this.written = written;
    for (const m of messages) if (m.clientId) this.clientIds.set(m.clientId, m.seq);
  }

  /** The last seq held (in memory or in the shard). */
  get count() {
    return this.offset + this.messages.length;
  }

  /** Add the next message (its seq must follow the last one). */
  push(message: Message) {
    this.messages.push(message);
    if (message.clientId) this.clientIds.set(message.clientId, message.seq);
    this.version++;
  }

  /** Runs `job` after this conversation's earlier writes and loads. */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * The messages before `offset`, read back from the shard. A shard deleted or damaged while they
   * were out of memory cannot give them back: agents-only notes stand in for them (seq n stays at
   * index n-1, the rest of the history and later writes go on), a damaged file is set aside, and
   * `onLost` reports it. Other read errors (too many open files…) are thrown: the file may be fine.
   */
  private async head(): Promise<Message[]> {
    if (!this.offset) return [];
    const id = this.record.id;
    const path = this.shardOf?.(id).path;
    const read = path ? await readShard<ConversationFile>(path, checkConversationFile) : null;
    if (read?.ok && read.data.messages.length >= this.offset) return read.data.messages.slice(0, this.offset).map((m) => ({ ...m, conversationId: id }));
    const reason = !read ? 'not written' : read.ok ? `holds ${read.data.messages.length} messages` : read.missing ? 'missing' : read.reason;
    const movedTo = read && !read.ok && !read.missing && path ? await moveAside(path) : undefined;
    this.onLost?.(id, this.offset, reason, movedTo);
    return Array.from({ length: this.offset }, (_, i) => lostMessage(id, i + 1, this.record.createdAt));
  }

  /**
   * Messages 1 … `upTo` from the shard (a backup reads those that had left memory when it began:
   * once in the shard, a message never changes there).
   */
  async readHead(upTo: number): Promise<Message[]> {
    if (!upTo) return [];
    const path = this.shardOf?.(this.record.id).path;
    const read = path ? await readShard<ConversationFile>(path, checkConversationFile) : null;
    if (!read?.ok || read.data.messages.length < upTo) {
      throw new Error(`conversation ${this.record.id}: its shard no longer holds messages 1–${upTo} (${read && !read.ok ? (read.missing ? 'missing' : read.reason) : 'not written'})`);
    }
    return read.data.messages.slice(0, upTo).map((m) => ({ ...m, conversationId: this.record.id }));
  }

  /** Told when messages out of memory could not be read back (head()). */
  onLost?: (id: string, count: number, reason: string, movedTo?: string) => void;

  /**
   * Bring every message back into memory; returns how many came back. `settle` stores them as
   * the model stores every record.
   */
  load(settle: (m: Message) => Message): Promise<number> {
    return this.serial(async () => {
      if (!this.offset) return 0;
      const head = (await this.head()).map(settle);
      this.messages = head.concat(this.messages);
      this.offset = 0;
      return head.length;
    });
  }

  /**
   * Write the shard whole (record and every message). With `release`, the messages it now holds
   * leave memory; returns how many left, and whether the shard is up to date (nothing changed
   * while it was written).
   */
  save(release: boolean): Promise<{ released: number; clean: boolean }> {
    return this.serial(async () => {
      if (!this.shardOf) return { released: 0, clean: false };
      // The shard holds every message already (read at start, or written since): just let them go.
      if (release && this.written >= this.count) return { released: this.drop(this.count), clean: false };
      const head = await this.head();
      // Snapshots taken together, after the last await before the write: what `written` says.
      const messages = head.concat(this.messages);
      const version = this.version;
      await this.shardOf(this.record.id).adapter.write({ conversation: this.record, messages });
      this.written = messages.length;
      return { released: release ? this.drop(this.written) : 0, clean: version === this.version };
    });
  }

  /** Let the messages up to seq `upTo` (all in the shard) leave memory; returns how many left. */
  private drop(upTo: number): number {
    const n = upTo - this.offset;
    if (n <= 0) return 0;
    this.messages = this.messages.slice(n);
    this.offset = upTo;
    return n;
  }

  /** As a shard of the journal: written whole, its messages kept as they are. */
  async write(): Promise<void> {
    await this.save(false);
  }
}
