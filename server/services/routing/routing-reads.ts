// What the routing service reads from the store to feed or report on the router: the state to
// rebuild it from, the agents list the console shows, and a transfer's checks and effects.
import { ERR } from '../../../protocol/events.js';
import type { ConversationTransfer } from '../../../protocol/schemas.js';
import type { AgentsListResult, RoutingMode } from '../../../protocol/types.js';
import type { Effect, RestoreInput, Router } from '../../routing/index.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, ConversationRecord } from '../../storage/records.js';
import { AppError, forbidden, notFound } from '../app-error.js';
import { queueLangOf } from '../conversations/queue-lang.js';
import { worksOn } from '../agent/agent-sites.js';
import type { SiteRegistry } from '../sites/site-registry.js';
import { publicPresence } from './apply-effects.js';
import { toRoutingAgent, toSiteRules } from './router-inputs.js';

/** Every site's agents, waiting and assigned chats, and mode: what the router is rebuilt from. */
export async function restoreInput(store: ChatStore): Promise<RestoreInput> {
  const modes: Record<string, RoutingMode> = {};
  const siteRules: NonNullable<RestoreInput['siteRules']> = {};
  const input: RestoreInput = { agents: [], conversations: [], modes, siteRules };
  for (const site of await store.listSites()) {
    modes[site.id] = site.assignment ?? 'automatic';
    siteRules[site.id] = toSiteRules(site);
    for (const agent of await store.listAgents(site.id)) input.agents.push(toRoutingAgent(agent));
    const live = await store.listConversations({ siteId: site.id, status: ['queued', 'assigned'], limit: 1_000_000 });
    input.conversations.push(...live.map((c) => ({ ...c, lang: queueLangOf(c), topic: c.topic?.id ?? null })));
  }
  return input;
}

/** Everyone who works on the site: its own agents, and those of other sites added to it. */
async function siteAgents(store: ChatStore, siteId: string): Promise<AgentRecord[]> {
  const seen = new Map<string, AgentRecord>();
  for (const site of await store.listSites()) for (const a of await store.listAgents(site.id)) if (worksOn(a, siteId)) seen.set(a.id, a);
  return [...seen.values()];
}

/** The site's agents with their presence, open chats and capacity, as the router sees them (a disabled one is no transfer target). */
export async function agentsList(store: ChatStore, router: Router, siteId: string): Promise<AgentsListResult> {
  const agents = (await siteAgents(store, siteId)).filter((a) => !a.disabled).map((a) => {
    const state = router.agent(a.id);
    return {
      id: a.id,
      name: a.name,
      languages: a.languages,
      role: a.role,
      presence: state ? publicPresence(state.presence) : ('offline' as const),
      openChats: router.assignedTo(a.id).length,
      capacity: state?.capacity ?? a.maxChats ?? router.config.defaultCapacity,
      ...(a.skills ? { skills: a.skills } : {}),
      level: a.level ?? ('agent' as const),
    };
  });
  return { agents, mode: router.mode(siteId) };
}

/** Check a transfer (mine or admin, a chat with the agents, a real target) and ask the router for it. */
export async function transferEffects(
  deps: { store: ChatStore; sites: SiteRegistry; router: Router },
  agent: AgentRecord,
  input: ConversationTransfer,
  now: number,
): Promise<{ conv: ConversationRecord; effects: Effect[] }> {
  const { store, sites, router } = deps;
  if (!input.toAgentId === !input.toLang) throw new AppError(ERR.badPayload, 'Give exactly one of toAgentId and toLang');
  const conv = await store.getConversation(input.conversationId);
  if (!conv || !worksOn(agent, conv.siteId)) throw notFound('Conversation');
  if (conv.status !== 'queued' && conv.status !== 'assigned') throw new AppError(ERR.conflict, 'Only a chat with the agents can be transferred');
  if (conv.assignedAgentId !== agent.id && agent.role !== 'admin') throw forbidden('Not your conversation');
  if (input.toLang) {
    const languages = sites.get(conv.siteId)?.site.languages ?? [];
    if (!languages.includes(input.toLang)) throw new AppError(ERR.badPayload, `toLang: "${input.toLang}" is not one of ${languages.join(', ')}`);
    return { conv, effects: router.transferToQueue(conv.id, input.toLang, now, input.note) };
  }
  const target = await store.getAgent(input.toAgentId!);
  if (!target || !worksOn(target, conv.siteId)) throw notFound('Agent');
  return { conv, effects: [...router.upsertAgent(toRoutingAgent(target), now), ...router.transferToAgent(conv.id, target.id, now, input.note)] };
}
