// The rules the agents admin checks before a change: which agents and sites an admin reaches,
// and that no site is left without an active admin.
import { ERR } from '../../../protocol/events.js';
import type { AdminAgent } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord } from '../../storage/records.js';
import { AppError } from '../app-error.js';
import { agentSiteIds, worksOn } from './agent-sites.js';

export const toAdminAgent = (a: AgentRecord): AdminAgent => ({
  id: a.id,
  name: a.name,
  email: a.email,
  role: a.role,
  languages: [...a.languages],
  maxChats: a.maxChats ?? null,
  skills: a.skills ? [...a.skills] : null,
  level: a.level ?? 'agent',
  siteIds: agentSiteIds(a),
  disabled: a.disabled === true,
  createdAt: a.createdAt,
});

/** The sites named must all be the admin's own (another site is not said to exist). */
export function checkSites(admin: AgentRecord, siteIds: readonly string[]): void {
  const foreign = siteIds.find((id) => !worksOn(admin, id));
  if (foreign) throw new AppError(ERR.notFound, `No site "${foreign}"`);
}

/** Skills name topics of the agent's sites (routing matches them against a chat's topic). */
export function checkSkills(topicsOf: (siteId: string) => readonly { id: string }[] | undefined, siteIds: readonly string[], skills: readonly string[] | null | undefined): void {
  if (!skills?.length) return;
  const known = new Set(siteIds.flatMap((id) => (topicsOf(id) ?? []).map((t) => t.id)));
  const unknown = skills.find((s) => !known.has(s));
  if (unknown) throw new AppError(ERR.badPayload, `skills: "${unknown}" is not a topic of ${siteIds.join(', ')}${known.size ? ` (${[...known].join(', ')})` : ' (no topics)'}`);
}

/** The agents whose console opens on one of the admin's sites. */
export async function managedAgents(store: ChatStore, admin: AgentRecord): Promise<AgentRecord[]> {
  const out = new Map<string, AgentRecord>();
  for (const id of agentSiteIds(admin)) for (const a of await store.listAgents(id)) out.set(a.id, a);
  return [...out.values()].sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
}

export async function managedAgent(store: ChatStore, admin: AgentRecord, id: string): Promise<AgentRecord> {
  const agent = await store.getAgent(id);
  if (!agent || !worksOn(admin, agent.siteId)) throw new AppError(ERR.notFound, 'Agent not found');
  return agent;
}

/**
 * Refuse (CONFLICT) when `target` stops being an active admin and one of their sites would then
 * have none: nobody could manage it any more.
 */
export async function keepAnAdmin(store: ChatStore, target: AgentRecord): Promise<void> {
  const everyone: AgentRecord[] = [];
  for (const site of await store.listSites()) everyone.push(...(await store.listAgents(site.id)));
  for (const siteId of agentSiteIds(target)) {
    const others = everyone.some((a) => a.id !== target.id && a.role === 'admin' && !a.disabled && worksOn(a, siteId));
    if (!others) throw new AppError(ERR.conflict, `${target.name} is the last active admin of "${siteId}": make another admin first`);
  }
}
