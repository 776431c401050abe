// `conversation:sync` is the one visitor command whose answer can be large (a page of history),
// so it is limited per visitor as well as per connection: fifty tabs or scripts sharing one
// visitor token share one bucket. Process-local, like the other per-address counters.
import { LRUCache } from 'lru-cache';
import { ERR } from '../../protocol/events.js';
import { AppError } from '../services/app-error.js';
import { TokenBucket } from './token-bucket.js';

/** A long history is a few pages at once; steady syncs are reconnects, a few a minute. */
const PAGES_PER_SECOND = 2;
const PAGE_BURST = 30;
/** Visitors remembered; a forgotten one starts with a full bucket, which is what it would have by then. */
const MAX_VISITORS = 50_000;

export function createSyncLimit(): (visitorKey: string) => void {
  const buckets = new LRUCache<string, TokenBucket>({ max: MAX_VISITORS });
  return (key) => {
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = new TokenBucket(PAGES_PER_SECOND, PAGE_BURST)));
    if (bucket.take()) return;
    const seconds = Math.max(1, Math.ceil(bucket.retryAfterMs() / 1000));
    throw new AppError(ERR.rateLimited, `Too many history requests: wait ${seconds} s and retry.`);
  };
}
