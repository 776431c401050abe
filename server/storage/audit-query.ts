// Which audit entries a filter selects, newest first: the embedded store's query (the
// PostgreSQL store says the same in SQL, postgres/pg-audit.ts).
import type { AuditFilter, AuditRecord } from './records.js';

/** Newest first: by `at`, then by id (ids break ties the same way in every store). */
export const newestFirst = (a: AuditRecord, b: AuditRecord): number => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function selectAudit(all: readonly AuditRecord[], filter: AuditFilter): AuditRecord[] {
  const sites = new Set(filter.siteIds);
  const { from, to, before } = filter;
  const out = all.filter(
    (r) =>
      r.siteIds.some((s) => sites.has(s)) &&
      (from === undefined || r.at >= from) &&
      (to === undefined || r.at <= to) &&
      (!before || r.at < before.at || (r.at === before.at && r.id < before.id)),
  );
  return out.sort(newestFirst).slice(0, filter.limit);
}
