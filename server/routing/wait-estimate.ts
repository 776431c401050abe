// "About N minutes" for the visitor waiting in a queue. Deliberately simple and explainable:
//
//   wait ≈ position × average handle time / chat slots of the online agents who may take it
//
// (each slot frees on average once per handle time, and the chats ahead use the first ones).
// If nobody online may take it yet but the any-agent fallback will open it to the online
// agents, the remaining fallback delay is added and every online agent's slots count; an
// agent who does not speak the language counts for at most fallbackChatsPerAgent slots.
// null: nobody online could serve it, so there is nothing honest to promise.
import { autoEligible, speaks, worksOn } from './eligibility.js';
import { queuePosition } from './queue.js';
import type { AgentState, ConversationState, RouterConfig, RouterState } from './types.js';

/** Weight of each new close in the per site moving average. */
const ALPHA = 0.2;

export function recordHandleTime(state: RouterState, siteId: string, ms: number, config: RouterConfig): void {
  const prev = state.handleTime[siteId] ?? { avgMs: config.defaultHandleMs, samples: 0 };
  state.handleTime[siteId] = { avgMs: prev.avgMs + ALPHA * (Math.max(0, ms) - prev.avgMs), samples: prev.samples + 1 };
}

/** Slots that may serve this chat: all of a speaker's, a non-speaker's fallback allowance. */
const slots = (agents: AgentState[], conv: ConversationState, config: RouterConfig): number =>
  agents.reduce((sum, a) => sum + (speaks(a, conv) ? a.capacity : Math.min(a.capacity, config.fallbackChatsPerAgent)), 0);

export function estimatedWaitMs(
  state: RouterState,
  config: RouterConfig,
  conversationId: string,
  now: number,
  /** Its place in line when the caller knows it already (one pass over a whole queue). */
  position: number | null = queuePosition(state, conversationId),
): number | null {
  if (position === null) return null;
  const conv = state.conversations[conversationId] as ConversationState;
  const avg = state.handleTime[conv.siteId]?.avgMs ?? config.defaultHandleMs;
  const online = Object.values(state.agents).filter((a) => worksOn(a, conv.siteId) && a.presence === 'online');
  const eligible = slots(online.filter((a) => autoEligible(a, conv)), conv, config);
  if (eligible > 0) return Math.round((position * avg) / eligible);
  const everyone = slots(online.filter((a) => a.id !== conv.declinedBy), conv, config);
  if (everyone === 0) return null;
  const fallbackIn = Math.max(0, (conv.waitingSince ?? now) + config.anyAgentAfterMs - now);
  return Math.round(fallbackIn + (position * avg) / everyone);
}
