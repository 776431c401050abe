// The console's back-office calls: the agents admin, the audit log, an agent's own password
// (server/routes/admin-agents.ts, admin-audit.ts, agent-password.ts).
import type { AgentCreate, AgentUpdate } from '../../../protocol/schemas.js';
import type { AdminAgent, AdminAgentsList, AgentCreated, AuditPage } from '../../../protocol/types.js';
import { call } from './http.js';

export const listAgents = () => call<AdminAgentsList>('GET', '/api/admin/agents');
export const createAgent = (body: AgentCreate) => call<AgentCreated>('POST', '/api/admin/agents', body);
export const updateAgent = (id: string, body: AgentUpdate) => call<{ agent: AdminAgent }>('PATCH', `/api/admin/agents/${encodeURIComponent(id)}`, body);

export interface AuditFilter {
  siteId?: string;
  /** UTC days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  cursor?: string;
}
export function listAudit(filter: AuditFilter): Promise<AuditPage> {
  const q = new URLSearchParams({ limit: '50' });
  for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
  return call<AuditPage>('GET', `/api/admin/audit?${q}`);
}

export const changePassword = (current: string, next: string) => call<void>('POST', '/api/agent/password', { current, next });
