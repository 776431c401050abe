// The rooms an agent's console tabs are in follow their record: an admin who changes an agent's
// languages or role moves their open tabs to the matching queue and admin rooms at once (on
// every server, through the adapter), instead of at their next log-in.
import type { Namespace } from 'socket.io';
import type { AgentRecord } from '../storage/records.js';
import { rooms } from './rooms.js';

/** The rooms a tab joins for its record (agent-namespace.ts joins the same on connection). */
export const recordRooms = (a: Pick<AgentRecord, 'siteId' | 'role' | 'languages'>): string[] => [
  rooms.siteAgents(a.siteId),
  ...(a.role === 'admin' ? [rooms.siteAdmins(a.siteId)] : []),
  ...a.languages.map((l) => rooms.language(a.siteId, l)),
];

export function moveAgentRooms(nsp: Namespace, before: AgentRecord, after: AgentRecord): void {
  const [old, next] = [recordRooms(before), recordRooms(after)];
  const leave = old.filter((r) => !next.includes(r));
  const join = next.filter((r) => !old.includes(r));
  const tabs = nsp.in(rooms.agent(after.id));
  if (leave.length) tabs.socketsLeave(leave);
  if (join.length) tabs.socketsJoin(join);
}
