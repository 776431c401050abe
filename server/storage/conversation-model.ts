// Conversations in memory: every record (the queries need them all), and the messages of each,
// seq n at index n-1. One conversation is one shard (conversations/<id>.json).
import type { Adapter } from 'lowdb';
import type { Message } from '../../protocol/types.js';
import { freezeDeep } from './freeze.js';
import { matches, ordered } from './conversation-queries.js';
import type { ConversationFilter, ConversationRecord } from './records.js';

export interface ConversationFile {
  conversation: ConversationRecord;
  messages: Message[];
}

/** One conversation: its record, its messages and what dedup needs; written whole as its shard. */
export class ConversationEntry {
  /** clientId → seq, for `appendMessage`'s dedup. */
  readonly clientIds = new Map<string, number>();

  constructor(
    private readonly file: Adapter<ConversationFile> | null,
    public record: ConversationRecord,
    public messages: Message[],
  ) {
    for (const m of messages) if (m.clientId) this.clientIds.set(m.clientId, m.seq);
  }

  /** Add the next message (its seq must follow the last held). */
  push(message: Message) {
    this.messages.push(message);
    if (message.clientId) this.clientIds.set(message.clientId, message.seq);
  }

  async write(): Promise<void> {
    await this.file?.write({ conversation: this.record, messages: this.messages });
  }
}

export class ConversationModel {
  readonly entries = new Map<string, ConversationEntry>();

  /** `file(id)`: the shard file of a conversation, or null when nothing is written (in memory). */
  constructor(
    private readonly file: (id: string) => Adapter<ConversationFile> | null,
    /** How records and messages are stored: frozen, rebuilt, their strings pooled (freeze.ts, intern.ts). */
    readonly settle: <T>(record: T) => T,
  ) {}

  get(id: string) {
    return this.entries.get(id);
  }

  /** A new conversation (or one read back from its shard); returns its entry. */
  add(record: ConversationRecord, messages: Message[] = []): ConversationEntry {
    const entry = new ConversationEntry(this.file(record.id), this.settle(record), messages);
    this.entries.set(record.id, entry);
    return entry;
  }

  /** Replace a conversation's record (a patch applied, or a replayed record); returns the stored one. */
  setRecord(entry: ConversationEntry, record: ConversationRecord): ConversationRecord {
    return (entry.record = this.settle(record));
  }

  /** Store the next message of `entry` as given (seq, id and time already set). */
  append(entry: ConversationEntry, message: Message): Message {
    const stored = this.settle(message);
    entry.push(stored);
    entry.record = freezeDeep({ ...entry.record, lastSeq: stored.seq, updatedAt: stored.createdAt });
    return stored;
  }

  list(filter: ConversationFilter): ConversationRecord[] {
    const out: ConversationRecord[] = [];
    for (const { record } of this.entries.values()) if (matches(record, filter)) out.push(record);
    return ordered(out, filter);
  }

  messages(id: string, afterSeq: number, limit: number): Message[] {
    const messages = this.entries.get(id)?.messages ?? [];
    // seq n sits at index n-1: slice instead of scanning the whole history.
    return messages.slice(afterSeq, afterSeq + limit);
  }
}
