// The admin audit log: every admin change calls `record` once, after the change is stored.
// Entries are written to the ChatStore and read back newest first by GET /api/admin/audit.
import type { AuditAction, AuditChange, AuditEntry, AuditPage, AuditTarget } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import { newId } from '../../storage/ids.js';
import type { AgentRecord, AuditFilter } from '../../storage/records.js';
import { scrubChanges, shortValue } from './audit-changes.js';

export interface AuditInput {
  /** The agent who made the change (an AgentRecord will do: only its id and name are kept). */
  actor: Pick<AgentRecord, 'id' | 'name'> | { agentId: string; name: string };
  /** The site(s) the change concerns; an admin sees the entries of their own sites. */
  siteId?: string;
  siteIds?: readonly string[];
  action: AuditAction;
  target: AuditTarget;
  /** Field → before/after (audit-changes.ts `changesBetween` builds it); secrets are reduced to "changed". */
  changes?: Record<string, AuditChange>;
}

export interface AuditQuery {
  siteIds: string[];
  from?: number;
  to?: number;
  limit: number;
  cursor?: string;
}

const encodeCursor = (e: Pick<AuditEntry, 'at' | 'id'>) => Buffer.from(JSON.stringify([e.at, e.id])).toString('base64url');

/** The position a cursor names, or null when it is not one this log gave. */
export function decodeCursor(cursor: string): { at: number; id: string } | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && typeof v[1] === 'string') return { at: v[0], id: v[1] };
  } catch {
    // not JSON: not ours
  }
  return null;
}

export class AuditLog {
  /** The last `at` given: entries follow each other by at least 1 ms, so two changes made in the same millisecond keep their order. */
  private lastAt = 0;

  constructor(private readonly store: ChatStore) {}

  async record(input: AuditInput): Promise<AuditEntry> {
    const actor = 'agentId' in input.actor ? input.actor : { agentId: input.actor.id, name: input.actor.name };
    const siteIds = [...new Set([...(input.siteId ? [input.siteId] : []), ...(input.siteIds ?? [])])];
    const changes = scrubChanges(input.changes);
    const entry: AuditEntry = {
      id: newId(),
      at: (this.lastAt = Math.max(Date.now(), this.lastAt + 1)),
      actor: { agentId: actor.agentId, name: String(shortValue(actor.name)) },
      siteIds,
      action: input.action,
      target: { kind: input.target.kind, id: input.target.id, ...(input.target.label ? { label: String(shortValue(input.target.label)) } : {}) },
      ...(changes ? { changes } : {}),
    };
    await this.store.addAudit(entry);
    return entry;
  }

  /** One page, newest first; `cursor` is null on the last page. Null for a cursor this log did not give. */
  async page(q: AuditQuery): Promise<AuditPage | null> {
    const before = q.cursor ? decodeCursor(q.cursor) : undefined;
    if (before === null) return null;
    const filter: AuditFilter = { siteIds: q.siteIds, limit: q.limit + 1, ...(q.from !== undefined ? { from: q.from } : {}), ...(q.to !== undefined ? { to: q.to } : {}), ...(before ? { before } : {}) };
    const rows = await this.store.listAudit(filter);
    const entries = rows.slice(0, q.limit);
    const last = entries[entries.length - 1];
    return { entries, cursor: rows.length > q.limit && last ? encodeCursor(last) : null };
  }
}
