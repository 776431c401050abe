// The moves every command is made of: give a chat to an agent, take it back, put it back in
// a queue. They keep the idle-longest timestamps current and describe themselves as effects.
import type { Lang } from '../../protocol/types.js';
import type { Effect, EffectOf } from './effects.js';
import { byAge, enterQueue } from './queue.js';
import type { AgentState, ConversationState, RouterState } from './types.js';

/** An agent's chats, oldest first (the order they go back to the queues in). */
export const chatsOf = (state: RouterState, agentId: string): ConversationState[] =>
  Object.values(state.conversations)
    .filter((c) => c.agentId === agentId)
    .sort(byAge);

export function assign(conv: ConversationState, agent: AgentState, now: number): void {
  conv.status = 'assigned';
  conv.agentId = agent.id;
  conv.assignedAt = now;
  conv.waitingSince = null;
  conv.openToAll = false;
  conv.skillOpen = false;
  conv.declinedBy = null;
  agent.lastAssignedAt = now;
}

/** Frees the agent's slot and returns who had the chat; the caller decides where the chat goes. */
export function unassign(state: RouterState, conv: ConversationState, now: number): string | undefined {
  if (conv.agentId === null) return undefined;
  const agentId = conv.agentId;
  const agent = state.agents[agentId];
  if (agent) agent.lastFreedAt = now;
  conv.agentId = null;
  conv.assignedAt = null;
  return agentId;
}

/**
 * Back into a queue (its own, or `lang` after a transfer) with its original queuedAt, so it
 * is served before every chat that arrived after it. `decline`: the agent who sent it back
 * is not offered it again automatically.
 */
export function requeue(
  state: RouterState,
  conv: ConversationState,
  now: number,
  effects: Effect[],
  reason: EffectOf<'requeued'>['reason'],
  options: { lang?: Lang; decline?: boolean; note?: string } = {},
): void {
  const fromAgentId = unassign(state, conv, now);
  enterQueue(conv, options.lang ?? conv.lang, now, options.decline ? (fromAgentId ?? null) : null);
  const { id: conversationId, siteId, lang } = conv;
  const effect: EffectOf<'requeued'> = { type: 'requeued', conversationId, siteId, lang, reason };
  if (fromAgentId) effect.fromAgentId = fromAgentId;
  if (options.note !== undefined) effect.note = options.note;
  effects.push(effect);
}
