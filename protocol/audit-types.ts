// The admin audit log (GET /api/admin/audit; server/services/audit/). Type-only.

/** What was done. New kinds of admin change add their action here. */
export type AuditAction =
  | 'site.create'
  | 'site.update'
  | 'agent.create'
  | 'agent.update'
  | 'agent.disable'
  | 'agent.enable'
  | 'agent.password.change'
  | 'agent.password.reset'
  | 'agent.skills'
  | 'canned.save'
  | 'canned.delete'
  | 'site.mode'
  | 'faq.addition.confirm'
  | 'faq.addition.dismiss'
  | 'identity.secret.rotate'
  | 'identity.mode'
  | 'order-webhook.set'
  | 'order-webhook.remove'
  | 'order-webhook.test';

/** Who did it (the name as it was then: an agent may be renamed later). */
export interface AuditActor {
  agentId: string;
  name: string;
}

/** What it was done to. */
export interface AuditTarget {
  kind: 'site' | 'agent' | 'faq-addition' | 'canned-reply' | 'identity' | 'order-webhook';
  id: string;
  /** A readable label (an agent's or site's name, an addition's text), shortened. */
  label?: string;
}

/**
 * One changed field, before → after, each shortened. A secret or password is never written:
 * `changed: true` only says it was replaced.
 */
export interface AuditChange {
  from?: unknown;
  to?: unknown;
  changed?: true;
}

export interface AuditEntry {
  id: string;
  /** Epoch ms. */
  at: number;
  actor: AuditActor;
  /** The sites the change concerns (an admin sees the entries of the sites they work on). */
  siteIds: string[];
  action: AuditAction;
  target: AuditTarget;
  /** Field → before/after; absent when nothing but the action itself is worth saying. */
  changes?: Record<string, AuditChange>;
}

/** A page of the log, newest first; `cursor` fetches the next (older) page, null at the end. */
export interface AuditPage {
  entries: AuditEntry[];
  cursor: string | null;
}
