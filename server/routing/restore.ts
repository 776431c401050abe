// Rebuild the routing state from the store after a restart (the store is the truth; this
// state is a cache of it plus presence, which a restart wipes). Every agent starts
// disconnected. Those who had chats get a fresh grace period from `now`, so consoles that
// reconnect in time find their chats where they left them; the others' chats go back to
// the queues only when that grace ends, exactly as for a dropped connection.
import type { Lang } from '../../protocol/types.js';
import { newAgent } from './agent-commands.js';
import { worksOn } from './eligibility.js';
import type { Effect } from './effects.js';
import { byAge } from './queue.js';
import { requeue } from './assignment.js';
import {
  emptyState,
  type AgentState,
  type ConversationState,
  type RouterConfig,
  type RouterState,
  type RoutingAgentInput,
  type RoutingMode,
  type SiteRules,
} from './types.js';

/** The fields of a stored ConversationRecord the router needs (a record itself fits). */
export interface StoredConversation {
  id: string;
  siteId: string;
  lang: Lang;
  status: string;
  createdAt: number;
  queuedAt?: number;
  assignedAgentId?: string;
  topic?: string | null;
}

export interface RestoreInput {
  agents: RoutingAgentInput[];
  /** Any statuses: only 'queued' and 'assigned' are kept. */
  conversations: StoredConversation[];
  modes?: Record<string, RoutingMode>;
  siteRules?: Record<string, SiteRules>;
}

export function restoreState(input: RestoreInput, now: number, config: RouterConfig, effects: Effect[]): RouterState {
  const state = emptyState();
  for (const a of input.agents) state.agents[a.id] = newAgent(a, config.defaultCapacity);
  state.modes = { ...input.modes };
  for (const [siteId, r] of Object.entries(input.siteRules ?? {})) state.siteRules[siteId] = { difficulty: { ...r.difficulty }, skillWaitMs: r.skillWaitMs };
  const live = input.conversations
    .filter((c) => c.status === 'queued' || c.status === 'assigned')
    .map((c) => toState(c, now))
    .sort((a, b) => byAge(a, b) || (a.id < b.id ? -1 : 1));
  for (const [order, conv] of live.entries()) {
    conv.order = order;
    state.conversations[conv.id] = conv;
    if (conv.agentId === null) continue;
    const agent = state.agents[conv.agentId];
    if (agent && worksOn(agent, conv.siteId)) holdForReconnect(agent, now, config, effects);
    else requeue(state, conv, now, effects, 'agent-removed'); // deleted while the server was down
  }
  state.nextOrder = live.length;
  return state;
}

function holdForReconnect(agent: AgentState, now: number, config: RouterConfig, effects: Effect[]): void {
  if (agent.presence === 'offline-pending') return;
  agent.presence = 'offline-pending';
  agent.graceUntil = now + config.graceMs;
  effects.push({ type: 'presence', agentId: agent.id, presence: agent.presence });
}

/** A stored chat with no queuedAt (older data) ranks by its creation time. */
function toState(c: StoredConversation, now: number): ConversationState {
  const agentId = c.status === 'assigned' && c.assignedAgentId ? c.assignedAgentId : null;
  return {
    id: c.id,
    siteId: c.siteId,
    lang: c.lang,
    queuedAt: c.queuedAt ?? c.createdAt,
    order: 0,
    status: agentId ? 'assigned' : 'waiting',
    agentId,
    // Both unknown after a restart: counting from now keeps a restart from opening every chat to all.
    assignedAt: agentId ? now : null,
    waitingSince: agentId ? null : now,
    openToAll: false,
    declinedBy: null,
    topic: c.topic ?? null,
    skillOpen: false,
  };
}
