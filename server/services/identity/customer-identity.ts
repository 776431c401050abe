// How an identify changes a conversation's customer: a verified identity (signed by the shop)
// becomes the customer's trusted links (its e-mail and orders join the customer history, as an
// agent's attaching does); what a page claims without a valid signature is kept beside it, shown
// as not verified, and never joins anything.
import type { CustomerIdentity, CustomerLinks, VerifiedIdentity } from '../../../protocol/types.js';
import { normaliseEmail, normaliseOrder } from '../customer/customer-history.js';

/** As customer-history.ts: a conversation keeps at most this many e-mails and orders. */
const MAX_LINKS = 10;

export interface IdentityPatch {
  identity: CustomerIdentity;
  customer?: CustomerLinks;
}

/** The conversation's identity and links once `update` (a verified or a claimed identity) is applied. */
export function applyIdentity(identity: CustomerIdentity | undefined, customer: CustomerLinks | undefined, update: CustomerIdentity): IdentityPatch {
  const next: CustomerIdentity = { ...identity, ...update };
  if (!update.verified) return { identity: next };
  let links: CustomerLinks = { emails: [...(customer?.emails ?? [])], orders: [...(customer?.orders ?? [])] };
  const before = identity?.verified;
  // Another customer signed in on this browser: what the previous one's token linked goes, so the
  // two are never one customer (an agent's own links to other clues stay).
  if (before && before.sub !== update.verified.sub) links = without(links, before);
  for (const e of update.verified.email ? [update.verified.email] : []) add(links.emails, e);
  for (const o of update.verified.orders ?? []) add(links.orders, o);
  return { identity: next, customer: links };
}

/** Claims as stored: e-mails lower-cased, orders without "#", upper-cased (as links are). */
export function normaliseIdentity<T extends { email?: string; orders?: string[] }>(x: T): T {
  return {
    ...x,
    ...(x.email !== undefined ? { email: normaliseEmail(x.email) } : {}),
    ...(x.orders !== undefined ? { orders: [...new Set(x.orders.map(normaliseOrder))] } : {}),
  };
}

function without(links: CustomerLinks, v: VerifiedIdentity): CustomerLinks {
  return {
    emails: links.emails.filter((e) => e !== v.email),
    orders: links.orders.filter((o) => !v.orders?.includes(o)),
  };
}

function add(list: string[], value: string) {
  if (!list.includes(value)) list.push(value);
  if (list.length > MAX_LINKS) list.shift();
}
