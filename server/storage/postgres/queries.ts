// SQL pieces the PostgreSQL store builds from the contract's shapes: a record patch (where an
// `undefined` value removes the field, as spreading it into a JSON record does), a
// compare-and-set guard, and the conversation filter.
import type { ConversationFilter } from '../records.js';

/** `data` with `patch` applied: set what is defined, drop what is undefined. */
export function patchSql(patch: Record<string, unknown>, params: unknown[]): string {
  const set: Record<string, unknown> = {};
  const drop: string[] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) drop.push(k);
    else set[k] = v;
  }
  params.push(drop, JSON.stringify(set));
  return `(data - $${params.length - 1}::text[]) || $${params.length}::jsonb`;
}

/** SQL that holds when each field equals its expected value (undefined = absent). */
export function expectSql(expect: Record<string, unknown> | undefined, params: unknown[]): string {
  const terms: string[] = [];
  for (const [k, v] of Object.entries(expect ?? {})) {
    params.push(k);
    if (v === undefined) terms.push(`NOT (data ? $${params.length})`);
    else {
      params.push(JSON.stringify(v));
      terms.push(`data -> $${params.length - 1} = $${params.length}::jsonb`);
    }
  }
  return terms.length ? terms.join(' AND ') : 'true';
}

/** The conversation filter as a query, in the order the embedded store returns. */
export function conversationsSql(filter: ConversationFilter): { text: string; values: unknown[] } {
  const values: unknown[] = [filter.siteId];
  const where = ['site_id = $1'];
  const add = (sql: (p: string) => string, value: unknown) => {
    values.push(value);
    where.push(sql(`$${values.length}`));
  };
  if (filter.status) add((p) => `status = ANY(${p}::text[])`, filter.status);
  if (filter.langs) add((p) => `lang = ANY(${p}::text[])`, filter.langs);
  if (filter.assignedAgentId) add((p) => `assigned_agent_id = ${p}`, filter.assignedAgentId);
  if (filter.visitorId) add((p) => `visitor_id = ${p}`, filter.visitorId);
  if (filter.customer) {
    values.push(filter.customer.emails ?? [], filter.customer.orders ?? []);
    const e = `$${values.length - 1}`;
    const o = `$${values.length}`;
    where.push(`(coalesce(data->'customer'->'emails', '[]') ?| ${e}::text[] OR coalesce(data->'customer'->'orders', '[]') ?| ${o}::text[])`);
  }
  if (filter.after) {
    values.push(filter.after.at, filter.after.id);
    where.push(`(sort_at < $${values.length - 1} OR (sort_at = $${values.length - 1} AND id < $${values.length}))`);
  }
  const order = filter.newestFirst ? 'sort_at DESC, id DESC' : 'waiting_since, n';
  values.push(filter.limit ?? 500);
  return { text: `SELECT data FROM conversations WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT $${values.length}`, values };
}
