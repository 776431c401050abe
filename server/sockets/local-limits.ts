// The small interfaces the per-address and per-visitor limits are checked through, and their
// process-local implementations (one server, or a server whose Redis is unreachable). The shared
// ones, for servers sharing Redis, are in server/cluster/ (shared-buckets.ts, shared-connections.ts).
import { LRUCache } from 'lru-cache';
import { TokenBucket } from './token-bucket.js';

export type Take = { ok: true } | { ok: false; retryAfterMs: number };

/** Token buckets by key (an address, a visitor): one token per check. */
export interface Buckets {
  take(key: string): Take | Promise<Take>;
}

/** Gives back a connection's slot; calling it twice is harmless. */
export type Release = () => void;

/** Open connections per address, each at most `max`. */
export interface ConnectionCounts {
  /** A slot for one more connection from `ip`, or null when it holds `max` already. */
  acquire(ip: string): Release | null | Promise<Release | null>;
  /** Connections from `ip` this server holds (tests and diagnostics). */
  local(ip: string): number;
}

const TAKEN: Take = { ok: true };

/** Buckets in this process; a forgotten key starts full, which is what it would have been by then. */
export class LocalBuckets implements Buckets {
  private readonly buckets: LRUCache<string, TokenBucket>;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    maxKeys: number,
  ) {
    this.buckets = new LRUCache({ max: maxKeys });
  }

  take(key: string): Take {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(this.ratePerSecond, this.burst)));
    return bucket.take() ? TAKEN : { ok: false, retryAfterMs: bucket.retryAfterMs() };
  }
}

/** Counts in this process. `max` 0 is no cap (the count is still kept). */
export class LocalConnections implements ConnectionCounts {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  acquire(ip: string): Release | null {
    if (this.max > 0 && this.local(ip) >= this.max) return null;
    return this.add(ip);
  }

  /** Count a connection without the cap (one the shared count already allowed). */
  add(ip: string): Release {
    this.open.set(ip, this.local(ip) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const n = this.local(ip) - 1;
      if (n > 0) this.open.set(ip, n);
      else this.open.delete(ip);
    };
  }

  local(ip: string): number {
    return this.open.get(ip) ?? 0;
  }

  /** Addresses with open connections here and how many (a server re-announcing its share). */
  entries(): IterableIterator<[string, number]> {
    return this.open.entries();
  }
}
