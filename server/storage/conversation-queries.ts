// How conversations are picked and ordered by `listConversations` (ConversationFilter).
import type { ConversationFilter, ConversationRecord } from './records.js';

/** Whether a conversation passes the filter (its cursor included). */
export function matches(c: ConversationRecord, filter: ConversationFilter): boolean {
  if (c.siteId !== filter.siteId) return false;
  if (filter.status && !filter.status.includes(c.status)) return false;
  if (filter.langs && !filter.langs.includes(c.lang)) return false;
  if (filter.assignedAgentId && c.assignedAgentId !== filter.assignedAgentId) return false;
  if (filter.visitorId && c.visitorId !== filter.visitorId) return false;
  if (filter.customer && !sharesCustomer(c, filter.customer)) return false;
  if (filter.after && !isAfter(c, filter.after)) return false;
  return true;
}

/** Sorted as the filter asks, and cut to its limit. */
export function ordered(list: ConversationRecord[], filter: ConversationFilter): ConversationRecord[] {
  if (filter.newestFirst) list.sort(newestFirst);
  else list.sort((a, b) => (a.queuedAt ?? a.createdAt) - (b.queuedAt ?? b.createdAt));
  return list.slice(0, filter.limit ?? 500);
}

/** Newest-first order: most recently closed (or touched), ties broken by id, descending. */
function newestFirst(a: ConversationRecord, b: ConversationRecord): number {
  const d = (b.closedAt ?? b.updatedAt) - (a.closedAt ?? a.updatedAt);
  return d !== 0 ? d : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
function isAfter(c: ConversationRecord, p: { at: number; id: string }): boolean {
  const at = c.closedAt ?? c.updatedAt;
  return at < p.at || (at === p.at && c.id < p.id);
}
function sharesCustomer(c: ConversationRecord, wanted: { emails?: string[]; orders?: string[] }): boolean {
  if (!c.customer) return false;
  return (wanted.emails ?? []).some((e) => c.customer!.emails.includes(e)) || (wanted.orders ?? []).some((o) => c.customer!.orders.includes(o));
}
