// Who may take which chat. Automatic assignment and the property test both use these, so
// "eligible" means one thing everywhere.
import type { Flag } from './effects.js';
import type { AgentState, ConversationState, RouterState } from './types.js';

export const speaks = (agent: AgentState, conv: ConversationState): boolean => agent.languages.includes(conv.lang);

/** Language rule for automatic offers; presence and capacity are checked by the caller. */
export const autoEligible = (agent: AgentState, conv: ConversationState): boolean =>
  agent.siteId === conv.siteId && agent.id !== conv.declinedBy && (speaks(agent, conv) || conv.openToAll);

/** Picking by hand: admins may take any language, as with the earlier claim command. */
export const pickEligible = (agent: AgentState, conv: ConversationState): boolean =>
  agent.siteId === conv.siteId && (speaks(agent, conv) || conv.openToAll || agent.role === 'admin');

export const flagFor = (agent: AgentState, conv: ConversationState): Flag | undefined =>
  speaks(agent, conv) ? undefined : 'no-language-match';

/** Open chats per agent, derived from the conversations so the two can never drift apart. */
export function openCounts(state: RouterState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of Object.values(state.conversations)) {
    if (c.agentId !== null) counts.set(c.agentId, (counts.get(c.agentId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Chats per agent in a language they do not speak (fallback offers, picks by an admin,
 * transfers): derived like openCounts, and bounded for automatic offers by
 * RouterConfig.fallbackChatsPerAgent.
 */
export function foreignCounts(state: RouterState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of Object.values(state.conversations)) {
    const agent = c.agentId === null ? undefined : state.agents[c.agentId];
    if (agent && !speaks(agent, c)) counts.set(agent.id, (counts.get(agent.id) ?? 0) + 1);
  }
  return counts;
}

export const hasRoom = (agent: AgentState, counts: Map<string, number>): boolean =>
  (counts.get(agent.id) ?? 0) < agent.capacity;

/** Is any online agent of the site, other than the one who declined it, a speaker of its language? */
export const speakerOnline = (state: RouterState, conv: ConversationState): boolean =>
  Object.values(state.agents).some(
    (a) => a.siteId === conv.siteId && a.presence === 'online' && a.id !== conv.declinedBy && speaks(a, conv),
  );
