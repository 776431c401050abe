// The audit log's statements on PostgreSQL (pg-chat-store.ts runs them): the same selection as
// the embedded store's (storage/audit-query.ts), newest first by `at`, then id.
import type { AuditFilter, AuditRecord } from '../records.js';

export function insertAuditSql(record: AuditRecord): [string, unknown[]] {
  return [
    'INSERT INTO audit (id, at, site_ids, data) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
    [record.id, record.at, record.siteIds, JSON.stringify(record)],
  ];
}

export function selectAuditSql(filter: AuditFilter): [string, unknown[]] {
  const values: unknown[] = [filter.siteIds];
  const where = ['site_ids && $1::text[]'];
  const add = (sql: (n: number) => string, ...vs: unknown[]) => {
    values.push(...vs);
    where.push(sql(values.length - vs.length + 1));
  };
  if (filter.from !== undefined) add((n) => `at >= $${n}`, filter.from);
  if (filter.to !== undefined) add((n) => `at <= $${n}`, filter.to);
  // Compared in C collation: the order JavaScript's `<` gives the embedded store.
  if (filter.before) add((n) => `(at < $${n} OR (at = $${n} AND id COLLATE "C" < $${n + 1}))`, filter.before.at, filter.before.id);
  values.push(filter.limit);
  return [`SELECT data FROM audit WHERE ${where.join(' AND ')} ORDER BY at DESC, id COLLATE "C" DESC LIMIT $${values.length}`, values];
}
