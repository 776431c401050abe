// Order events as every store keeps them: whose they are (the customer the shop signed), which
// ones a customer has not seen yet, and the embedded store's list of them (core.json).
import type { OrderEventRecord } from './records.js';

/** Who a verified identity is, as follow-ups look them up: the token's `sub` and its e-mail. */
export interface CustomerKey {
  id: string;
  email?: string;
}

/**
 * An event is a customer's when it names their id; one that names only an e-mail is theirs when
 * the shop signed that e-mail for them. An event naming an id never goes by e-mail: two accounts
 * may share one.
 */
export function isCustomers(event: Pick<OrderEventRecord, 'customer'>, who: CustomerKey): boolean {
  if (event.customer.id !== undefined) return event.customer.id === who.id;
  return !!who.email && event.customer.email === who.email;
}

/** Newest first: by when it happened, then by when it arrived, then by id (a stable order). */
const newer = (a: OrderEventRecord, b: OrderEventRecord) => b.at - a.at || b.receivedAt - a.receivedAt || (a.eventId < b.eventId ? 1 : -1);

/** The newest event of each order, when it was not shown yet (older ones are stale news); newest first. */
export function pendingFollowUps(events: readonly OrderEventRecord[]): OrderEventRecord[] {
  const seen = new Set<string>();
  const out: OrderEventRecord[] = [];
  for (const e of [...events].sort(newer)) {
    if (seen.has(e.orderNumber)) continue;
    seen.add(e.orderNumber);
    if (e.shownAt === undefined) out.push(e);
  }
  return out;
}

/** Events kept per site by the embedded store (core.json stays small); the oldest go first. */
const KEEP_PER_SITE = 5000;

/** The embedded store's list, held in core.json: insert or replace by site and eventId. */
export function putOrderEvent(list: OrderEventRecord[], event: OrderEventRecord): OrderEventRecord[] {
  const i = list.findIndex((e) => e.siteId === event.siteId && e.eventId === event.eventId);
  if (i >= 0) {
    list[i] = event;
    return list;
  }
  list.push(event);
  const mine = list.filter((e) => e.siteId === event.siteId);
  if (mine.length <= KEEP_PER_SITE) return list;
  const drop = new Set(mine.slice(0, mine.length - KEEP_PER_SITE));
  return list.filter((e) => !drop.has(e));
}
