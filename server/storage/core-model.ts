// The small, rarely written part of the embedded store, held whole in memory and stored as one
// shard (core.json): sites, agents, sessions, canned replies, FAQ additions and versions, the newest
// unanswered questions per site. Plain synchronous data operations; persisting them is the
// store's job (lowdb-chat-store.ts).
import { SCHEMA_VERSION } from './schema-version.js';
import { selectAudit } from './audit-query.js';
import { putOrderEvent } from './order-events.js';
import type { AgentRecord, AuditFilter, AuditRecord, CannedReplyRecord, FaqAdditionRecord, FaqVersionRecord, OrderEventRecord, SessionRecord, SiteRecord, UnansweredRecord } from './records.js';

export interface CoreData {
  /** Absent before the store recorded it (schema-version.ts). */
  schemaVersion?: number;
  sites: SiteRecord[];
  agents: AgentRecord[];
  sessions: SessionRecord[];
  /** Absent in core.json files written before canned replies existed. */
  cannedReplies?: CannedReplyRecord[];
  /** Absent in core.json files written before the unanswered list existed; the newest UNANSWERED_KEEP per site. */
  unanswered?: UnansweredRecord[];
  /** Absent in core.json files written before the FAQ learned from the console. */
  faqAdditions?: FaqAdditionRecord[];
  /** Absent in core.json files written before order follow-ups existed (order-events.ts). */
  orderEvents?: OrderEventRecord[];
  /** Absent in core.json files written before the console's FAQ editor. */
  faqVersions?: FaqVersionRecord[];
  /** Absent in core.json files written before the audit log existed; the newest AUDIT_KEEP. */
  audit?: AuditRecord[];
}

export const emptyCore = (): CoreData => ({ schemaVersion: SCHEMA_VERSION, sites: [], agents: [], sessions: [] });

/**
 * Audit entries kept (all sites together). Admin changes are rare: this is years of a shop's
 * changes, and core.json stays a few MB at most. The PostgreSQL store keeps every entry.
 */
export const AUDIT_KEEP = 10_000;

/** Unanswered questions kept per site (core.json stays small). */
const UNANSWERED_KEEP = 500;

export class CoreModel {
  /** The shard's content: replaced whole by a load or a replayed core record. */
  constructor(public data: CoreData = emptyCore()) {}

  site(id: string) {
    return this.data.sites.find((s) => s.id === id);
  }
  putSite(site: SiteRecord) {
    upsert(this.data.sites, site, (s) => s.id === site.id);
  }
  agent(id: string) {
    return this.data.agents.find((a) => a.id === id);
  }
  agentByEmail(email: string) {
    const wanted = email.trim().toLowerCase();
    return this.data.agents.find((a) => a.email.toLowerCase() === wanted);
  }
  agents(siteId: string) {
    return this.data.agents.filter((a) => a.siteId === siteId);
  }
  putAgent(agent: AgentRecord) {
    upsert(this.data.agents, agent, (a) => a.id === agent.id);
  }

  cannedReplies(siteId: string) {
    const all = this.data.cannedReplies ?? [];
    return structuredClone(all.filter((r) => r.siteId === siteId).sort((a, b) => a.shortcut.localeCompare(b.shortcut)));
  }
  putCannedReply(reply: CannedReplyRecord) {
    upsert((this.data.cannedReplies ??= []), reply, (r) => r.id === reply.id && r.siteId === reply.siteId);
  }
  /** false when there was no such reply on that site. */
  deleteCannedReply(siteId: string, id: string): boolean {
    const all = this.data.cannedReplies ?? [];
    const left = all.filter((r) => !(r.id === id && r.siteId === siteId));
    if (left.length === all.length) return false;
    this.data.cannedReplies = left;
    return true;
  }

  /** Append to the site's list, keeping its newest UNANSWERED_KEEP; a record already there is not added again (replay). */
  pushUnanswered(record: UnansweredRecord) {
    const all = (this.data.unanswered ??= []);
    if (all.some((r) => r.id === record.id)) return;
    all.push(record);
    const mine = all.filter((r) => r.siteId === record.siteId);
    if (mine.length > UNANSWERED_KEEP) {
      const drop = new Set(mine.slice(0, mine.length - UNANSWERED_KEEP));
      this.data.unanswered = all.filter((r) => !drop.has(r));
    }
  }
  unanswered(siteId: string, limit: number) {
    const all = this.data.unanswered ?? [];
    return structuredClone(all.filter((r) => r.siteId === siteId).reverse().slice(0, limit));
  }

  addFaqAddition(record: FaqAdditionRecord) {
    (this.data.faqAdditions ??= []).push(structuredClone(record));
  }
  updateFaqAddition(siteId: string, id: string, patch: Partial<Pick<FaqAdditionRecord, 'status' | 'decidedBy' | 'decidedAt'>>) {
    const all = this.data.faqAdditions ?? [];
    const i = all.findIndex((r) => r.id === id && r.siteId === siteId);
    if (i < 0) return undefined;
    const next = { ...all[i]!, ...structuredClone(patch) };
    all[i] = next;
    return structuredClone(next);
  }
  faqAdditions(siteId: string) {
    return structuredClone((this.data.faqAdditions ?? []).filter((r) => r.siteId === siteId));
  }

  orderEvent(siteId: string, eventId: string) {
    return (this.data.orderEvents ?? []).find((e) => e.siteId === siteId && e.eventId === eventId);
  }
  orderEvents(siteId: string) {
    return (this.data.orderEvents ?? []).filter((e) => e.siteId === siteId);
  }
  /** Insert or replace (a replayed record is the same record again). */
  putOrderEvent(event: OrderEventRecord) {
    this.data.orderEvents = putOrderEvent(this.data.orderEvents ?? [], event);
  }
  /** false when the entry has that version already. */
  addFaqVersion(record: FaqVersionRecord): boolean {
    const all = (this.data.faqVersions ??= []);
    const same = (r: FaqVersionRecord) => r.siteId === record.siteId && r.lang === record.lang && r.entryId === record.entryId && r.version === record.version;
    if (all.some(same)) return false;
    all.push(structuredClone(record));
    return true;
  }
  faqVersions(siteId: string) {
    return structuredClone((this.data.faqVersions ?? []).filter((r) => r.siteId === siteId));
  }
  /** Append, keeping the newest AUDIT_KEEP; an entry already there is not added again (replay). */
  pushAudit(record: AuditRecord) {
    const all = (this.data.audit ??= []);
    if (all.some((r) => r.id === record.id)) return;
    all.push(structuredClone(record));
    if (all.length > AUDIT_KEEP) this.data.audit = all.slice(all.length - AUDIT_KEEP);
  }
  audit(filter: AuditFilter) {
    return structuredClone(selectAudit(this.data.audit ?? [], filter));
  }
  /** The core without the audit list: what a 'core' log record holds (entries are logged one by one). */
  withoutAudit(): CoreData {
    const { audit: _audit, ...rest } = this.data;
    return rest;
  }

  putSession(session: SessionRecord) {
    const now = Date.now();
    // Expired sessions are dropped whenever a new one is written, so the list stays short.
    this.data.sessions = this.data.sessions.filter((s) => s.expiresAt > now);
    this.data.sessions.push(session);
  }
  session(tokenHash: string) {
    return this.data.sessions.find((s) => s.tokenHash === tokenHash && s.expiresAt > Date.now());
  }
  /** The digests of the sessions removed. */
  deleteSessionsOf(agentId: string, keepTokenHash?: string): string[] {
    const gone = this.data.sessions.filter((s) => s.agentId === agentId && s.tokenHash !== keepTokenHash);
    if (gone.length) this.data.sessions = this.data.sessions.filter((s) => !gone.includes(s));
    return gone.map((s) => s.tokenHash);
  }
  deleteSession(tokenHash: string) {
    this.data.sessions = this.data.sessions.filter((s) => s.tokenHash !== tokenHash);
  }
}

function upsert<T>(list: T[], item: T, same: (x: T) => boolean) {
  const i = list.findIndex(same);
  if (i >= 0) list[i] = structuredClone(item);
  else list.push(structuredClone(item));
}
