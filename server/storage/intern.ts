// The embedded store keeps every message in memory, and most of their strings repeat: the page a
// visitor writes from, the bot's answers and links, FAQ ids, languages, the conversation's id in
// each of its messages. Each arrives as a fresh copy (a socket's JSON, the bot thread's structured
// clone, a shard's JSON.parse); sharing one copy per distinct string took the strings of a store
// holding 10,000 conversations and 70,000 messages from 31 to 15 MB (heap snapshot of a server
// started on a bench:load data folder). Strings are immutable: sharing changes nothing a reader
// can see. The store applies the pool while it freezes a record (freeze.ts, one walk).
import type { ShareString } from './freeze.js';

/** Distinct strings kept; past this the pool only serves what it has (the common ones came early). */
const POOL_MAX = 50_000;
/** Longer strings are rarely repeated (FAQ answers are shorter). */
const LENGTH_MAX = 2_000;
/**
 * Keys whose strings are unique to their record (or, for a message's `conversationId`, already its
 * conversation record's own string, lowdb-chat-store.ts): pooling them would only fill the pool.
 */
const UNIQUE_KEYS = new Set(['id', 'clientId', 'tokenHash', 'visitorId', 'conversationId', 'firstMessage']);
/** What a visitor or an agent wrote is theirs alone; the bot's and the system's lines repeat. */
const WRITTEN_BY_PEOPLE = new Set(['visitor', 'agent']);

export class StringPool {
  private readonly pool = new Map<string, string>();

  /** Distinct strings held. */
  get size(): number {
    return this.pool.size;
  }

  /** The pooled copy of `s`. */
  get(s: string): string {
    if (s.length > LENGTH_MAX) return s;
    const hit = this.pool.get(s);
    if (hit !== undefined) return hit;
    if (this.pool.size < POOL_MAX) this.pool.set(s, s);
    return s;
  }

  /** For freezeDeep: pools every string but ids, and the text people wrote. */
  readonly share: ShareString = (s, key, holder) => {
    if (UNIQUE_KEYS.has(key)) return s;
    if (key === 'text' && WRITTEN_BY_PEOPLE.has((holder as { author?: string }).author ?? '')) return s;
    return this.get(s);
  };
}
