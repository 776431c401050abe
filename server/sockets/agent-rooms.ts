// The rooms an agent's console tabs are in follow their record: an admin who changes an agent's
// languages, role or sites moves their open tabs to the matching queue and admin rooms at once (on
// every server, through the adapter), instead of at their next log-in.
import type { Namespace } from 'socket.io';
import type { AgentRecord } from '../storage/records.js';
import { rooms } from './rooms.js';
import { agentSiteIds } from '../services/agent/agent-sites.js';

/** The rooms a tab joins for its record (agent-namespace.ts joins the same on connection). */
/** Every site they work on: its agents' room, its admins' if they are one, its queues in their languages. */
export const recordRooms = (a: Pick<AgentRecord, 'siteId' | 'siteIds' | 'role' | 'languages'>): string[] =>
  agentSiteIds(a).flatMap((siteId) => [
    rooms.siteAgents(siteId),
    ...(a.role === 'admin' ? [rooms.siteAdmins(siteId)] : []),
    ...a.languages.map((l) => rooms.language(siteId, l)),
  ]);

export function moveAgentRooms(nsp: Namespace, before: AgentRecord, after: AgentRecord): void {
  const [old, next] = [recordRooms(before), recordRooms(after)];
  const leave = old.filter((r) => !next.includes(r));
  const join = next.filter((r) => !old.includes(r));
  const tabs = nsp.in(rooms.agent(after.id));
  if (leave.length) tabs.socketsLeave(leave);
  if (join.length) tabs.socketsJoin(join);
}
