// `conversation:sync` is the one visitor command whose answer can be large (a page of history),
// so it is limited per visitor as well as per connection: fifty tabs or scripts sharing one
// visitor token share one bucket. In this process, or shared through Redis by every server
// (server/cluster/shared-socket-limits.ts), with the same rate and burst.
import { ERR } from '../../protocol/events.js';
import { AppError } from '../services/app-error.js';
import { LocalBuckets, type Buckets, type Take } from './local-limits.js';

/** A long history is a few pages at once; steady syncs are reconnects, a few a minute. */
export const SYNC_PAGES_PER_SECOND = 2;
export const SYNC_PAGE_BURST = 30;
/** Visitors remembered; a forgotten one starts with a full bucket, which is what it would have by then. */
const MAX_VISITORS = 50_000;

export const localSyncBuckets = (): Buckets => new LocalBuckets(SYNC_PAGES_PER_SECOND, SYNC_PAGE_BURST, MAX_VISITORS);

/** Take a page from the visitor's bucket, or throw RATE_LIMITED. */
export function createSyncLimit(buckets: Buckets = localSyncBuckets()): (visitorKey: string) => Promise<void> {
  const refuse = (taken: Take) => {
    if (taken.ok) return;
    const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
    throw new AppError(ERR.rateLimited, `Too many history requests: wait ${seconds} s and retry.`);
  };
  return async (key) => refuse(await buckets.take(key));
}
