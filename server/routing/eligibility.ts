// Who may take which chat. Automatic assignment and the property test both use these, so
// "eligible" means one thing everywhere.
import type { Flag } from './effects.js';
import type { AgentState, ConversationState, RouterState } from './types.js';

/** Works on the chat's site (their own, or one an admin added them to). */
export const worksOn = (agent: AgentState, siteId: string): boolean => agent.siteIds.includes(siteId);

export const speaks = (agent: AgentState, conv: ConversationState): boolean => agent.languages.includes(conv.lang);

/** Language rule for automatic offers; presence and capacity are checked by the caller. */
export const autoEligible = (agent: AgentState, conv: ConversationState): boolean =>
  worksOn(agent, conv.siteId) && agent.id !== conv.declinedBy && (speaks(agent, conv) || conv.openToAll);

/** Picking by hand: admins may take any language, as with the earlier claim command. */
export const pickEligible = (agent: AgentState, conv: ConversationState): boolean =>
  worksOn(agent, conv.siteId) && (speaks(agent, conv) || conv.openToAll || agent.role === 'admin');

/** Has the skill for the chat's topic (an agent without a skills list handles every topic). */
export const hasSkill = (agent: AgentState, conv: ConversationState): boolean =>
  conv.topic === null || agent.skills === null || agent.skills.includes(conv.topic);

/** Is an online speaker with the chat's skill there (other than the one who declined it)? */
export const skilledSpeakerOnline = (state: RouterState, conv: ConversationState): boolean =>
  Object.values(state.agents).some(
    (a) => worksOn(a, conv.siteId) && a.presence === 'online' && a.id !== conv.declinedBy && speaks(a, conv) && hasSkill(a, conv),
  );

/**
 * The skill rule among speakers: a chat about a topic goes to a speaker with the skill, unless
 * it waited its site's skill wait (skillOpen) or no speaker with the skill is online at all (no
 * point holding it for nobody).
 */
export const skillAllows = (state: RouterState, agent: AgentState, conv: ConversationState): boolean =>
  hasSkill(agent, conv) || conv.skillOpen || !skilledSpeakerOnline(state, conv);

export const flagFor = (agent: AgentState, conv: ConversationState): Flag | undefined =>
  !speaks(agent, conv) ? 'no-language-match' : hasSkill(agent, conv) ? undefined : 'no-skill-match';

/**
 * Preferred first among those who may take it, by the topic's difficulty: simple topics to
 * trainees, complex ones to experts; 0 is best. A topic the site has not marked: no preference.
 */
export function levelRank(state: RouterState, agent: AgentState, conv: ConversationState): number {
  const difficulty = conv.topic === null ? undefined : state.siteRules[conv.siteId]?.difficulty[conv.topic];
  if (!difficulty) return 0;
  const order = difficulty === 'simple' ? LEVELS_FOR_SIMPLE : LEVELS_FOR_COMPLEX;
  return order.indexOf(agent.level);
}
const LEVELS_FOR_SIMPLE = ['trainee', 'agent', 'expert'] as const;
const LEVELS_FOR_COMPLEX = ['expert', 'agent', 'trainee'] as const;

/** How long this chat waits for its skill (its site's setting, else the router's). */
export const skillWaitOf = (state: RouterState, conv: ConversationState, fallback: number): number =>
  state.siteRules[conv.siteId]?.skillWaitMs ?? fallback;

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
    (a) => worksOn(a, conv.siteId) && a.presence === 'online' && a.id !== conv.declinedBy && speaks(a, conv),
  );
