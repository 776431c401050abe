// The agents admin (the console's Agents page): list the agents of the admin's sites, create one
// with a one-time password, change their fields, disable or enable them. Every change is audited.
// A disabled agent cannot log in, their consoles close at once (as at a logout) and their chats
// go back to the queue through the router, as when an agent's grace period ends.
import { ERR } from '../../../protocol/events.js';
import type { AgentCreate, AgentUpdate } from '../../../protocol/schemas.js';
import type { AdminAgentsList, AgentCreated, AuditAction, AdminAgent } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord } from '../../storage/records.js';
import { AppError } from '../app-error.js';
import type { AuditLog } from '../audit/audit-log.js';
import { changesBetween } from '../audit/audit-changes.js';
import type { RoutingService } from '../routing/routing-service.js';
import { hashPassword, newId, newToken } from '../secrets.js';
import { KeyedSerial } from '../serial.js';
import { passwordProblems } from '../setup/password-strength.js';
import type { SiteRegistry } from '../sites/site-registry.js';
import type { AgentAuth } from './agent-auth.js';
import { agentSiteIds } from './agent-sites.js';
import { checkSites, checkSkills, keepAnAdmin, managedAgent, managedAgents, toAdminAgent } from './agent-admin-rules.js';

/** The fields an audit entry compares (never the password hash). */
const AUDITED = ['name', 'email', 'role', 'languages', 'maxChats', 'skills', 'level', 'siteIds', 'disabled'] as const satisfies readonly (keyof AdminAgent)[];

/** A first password: 144 random bits, URL-safe, shown once; the agent changes it from their console. */
export function oneTimePassword(email: string): string {
  for (;;) {
    const password = newToken().slice(0, 24);
    if (!passwordProblems(password, { email }).length) return password;
  }
}

interface Deps {
  store: ChatStore;
  auth: AgentAuth;
  routing: RoutingService;
  sites: SiteRegistry;
  audit: AuditLog;
  /** An agent's record changed: their open console tabs follow it (their queue and admin rooms). */
  moved(before: AgentRecord, after: AgentRecord): void;
}

export class AgentsAdmin {
  // Check-then-write, one change at a time: two admins cannot both demote the other last admin.
  private serial = new KeyedSerial();

  constructor(private readonly deps: Deps) {}

  private topicsOf = (siteId: string) => this.deps.sites.get(siteId)?.site.topics;

  async list(admin: AgentRecord): Promise<AdminAgentsList> {
    const agents = (await managedAgents(this.deps.store, admin)).map(toAdminAgent);
    const sites = agentSiteIds(admin).map((id) => ({ id, name: this.deps.sites.get(id)?.site.name ?? id }));
    return { agents, sites };
  }

  create(admin: AgentRecord, input: AgentCreate): Promise<AgentCreated> {
    return this.serial.run('agents', async () => {
      const { store } = this.deps;
      checkSites(admin, input.siteIds);
      checkSkills(this.topicsOf, input.siteIds, input.skills);
      if (await store.findAgentByEmail(input.email)) throw new AppError(ERR.conflict, `An agent with the e-mail ${input.email} exists already`);
      const password = oneTimePassword(input.email);
      const record: AgentRecord = {
        id: newId(),
        siteId: input.siteIds[0]!,
        siteIds: [...input.siteIds],
        name: input.name.trim(),
        email: input.email.trim(),
        languages: [...input.languages],
        role: input.role,
        ...(input.maxChats != null ? { maxChats: input.maxChats } : {}),
        ...(input.skills ? { skills: [...input.skills] } : {}),
        ...(input.level ? { level: input.level } : {}),
        passwordHash: await hashPassword(password),
        createdAt: Date.now(),
      };
      await store.putAgent(record);
      const agent = toAdminAgent(record);
      await this.audited(admin, 'agent.create', undefined, agent);
      return { agent, password };
    });
  }

  update(admin: AgentRecord, id: string, patch: AgentUpdate): Promise<{ agent: AdminAgent }> {
    return this.serial.run('agents', async () => {
      const { store, auth, routing } = this.deps;
      const current = await managedAgent(store, admin, id);
      if (patch.siteIds) checkSites(admin, patch.siteIds);
      if (patch.email && patch.email.toLowerCase() !== current.email.toLowerCase()) {
        if (await store.findAgentByEmail(patch.email)) throw new AppError(ERR.conflict, `An agent with the e-mail ${patch.email} exists already`);
      }
      const next = updated(current, patch, admin);
      if (patch.skills !== undefined || patch.siteIds) checkSkills(this.topicsOf, agentSiteIds(next), next.skills);
      const stopsAdmin = current.role === 'admin' && !current.disabled && (next.role !== 'admin' || next.disabled === true);
      if (stopsAdmin) await keepAnAdmin(store, current);
      await store.putAgent(next);
      if (next.disabled && !current.disabled) {
        await auth.endSessionsOf(next.id);
        await routing.agentSignedOff(next.id);
      } else if (!next.disabled) {
        await routing.agentChanged(next);
        this.deps.moved(current, next);
      }
      const [before, after] = [toAdminAgent(current), toAdminAgent(next)];
      const action: AuditAction = before.disabled !== after.disabled ? (after.disabled ? 'agent.disable' : 'agent.enable') : 'agent.update';
      await this.audited(admin, action, before, after);
      return { agent: after };
    });
  }

  private async audited(admin: AgentRecord, action: AuditAction, before: AdminAgent | undefined, after: AdminAgent) {
    // A new agent is active: saying so is noise.
    const changes = changesBetween(before, after, before ? AUDITED : AUDITED.filter((f) => f !== 'disabled'));
    if (!changes && action === 'agent.update') return;
    await this.deps.audit.record({ actor: admin, siteIds: after.siteIds, action, target: { kind: 'agent', id: after.id, label: after.name }, ...(changes ? { changes } : {}) });
  }
}

/**
 * The record with the patch applied. Sites the admin does not work on stay as they were; the
 * console opens on the same site if the agent still works there, else on the first one.
 */
function updated(current: AgentRecord, patch: AgentUpdate, admin: AgentRecord): AgentRecord {
  const { maxChats: _m, skills: _s, ...rest } = current;
  const maxChats = patch.maxChats === undefined ? current.maxChats : (patch.maxChats ?? undefined);
  const skills = patch.skills === undefined ? current.skills : (patch.skills ?? undefined);
  let siteIds = agentSiteIds(current);
  if (patch.siteIds) siteIds = [...new Set([...siteIds.filter((s) => !agentSiteIds(admin).includes(s)), ...patch.siteIds])];
  const siteId = siteIds.includes(current.siteId) ? current.siteId : siteIds[0]!;
  return {
    ...rest,
    siteId,
    siteIds: [siteId, ...siteIds.filter((s) => s !== siteId)],
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.email !== undefined ? { email: patch.email.trim() } : {}),
    ...(patch.role !== undefined ? { role: patch.role } : {}),
    ...(patch.languages !== undefined ? { languages: [...patch.languages] } : {}),
    ...(patch.level !== undefined ? { level: patch.level } : {}),
    ...(maxChats !== undefined ? { maxChats } : {}),
    ...(skills !== undefined ? { skills: [...skills] } : {}),
    ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
  };
}
