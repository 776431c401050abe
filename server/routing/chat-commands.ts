// Commands about chats: hand-off, pick by hand, close, transfer. Each checks everything it
// needs before changing anything, so a refused command leaves the state as it was.
import type { Lang } from '../../protocol/types.js';
import { assign, requeue, unassign } from './assignment.js';
import { flagFor, hasRoom, openCounts, pickEligible, worksOn } from './eligibility.js';
import { assigned, reject, type Step } from './effects.js';
import { isConnected } from './presence.js';
import type { ConversationState, HandoffInput } from './types.js';
import { recordHandleTime } from './wait-estimate.js';

/** A chat handed off by the bot. An id the router already holds is refused, never duplicated. */
export function enqueue(step: Step, input: HandoffInput): void {
  const { state, now, effects } = step;
  if (state.conversations[input.id]) return reject(step, 'already-routed', { conversationId: input.id });
  const conv: ConversationState = {
    id: input.id,
    siteId: input.siteId,
    lang: input.lang,
    queuedAt: input.queuedAt,
    order: state.nextOrder++,
    status: 'waiting',
    agentId: null,
    assignedAt: null,
    waitingSince: now,
    openToAll: false,
    declinedBy: null,
    topic: input.topic ?? null,
    skillOpen: false,
  };
  state.conversations[conv.id] = conv;
  effects.push({ type: 'queued', conversationId: conv.id, siteId: conv.siteId, lang: conv.lang });
}

/** Closed (by agent, visitor or admin), waiting or not: the router forgets it and frees the slot. */
export function release(step: Step, conversationId: string): void {
  const { state, now, effects, config } = step;
  const conv = state.conversations[conversationId];
  if (!conv) return reject(step, 'unknown-conversation', { conversationId });
  if (conv.assignedAt !== null) recordHandleTime(state, conv.siteId, now - conv.assignedAt, config);
  const agentId = unassign(state, conv, now);
  delete state.conversations[conversationId];
  effects.push(agentId ? { type: 'released', conversationId, agentId } : { type: 'released', conversationId });
}

/** A chat of a site they do not work on is "unknown", not "forbidden": no existence oracle (as in AgentService). */
function sameSiteChat(step: Step, agentId: string, conversationId: string) {
  const agent = step.state.agents[agentId];
  if (!agent) return reject(step, 'unknown-agent', { agentId });
  const conv = step.state.conversations[conversationId];
  if (!conv || !worksOn(agent, conv.siteId)) return reject(step, 'unknown-conversation', { conversationId });
  return { agent, conv };
}

/** Taking a waiting chat by hand (manual mode, or an away agent in automatic mode). */
export function pick(step: Step, agentId: string, conversationId: string): void {
  const found = sameSiteChat(step, agentId, conversationId);
  if (!found) return;
  const { agent, conv } = found;
  if (conv.status !== 'waiting') return reject(step, 'not-waiting', { conversationId, agentId });
  if (!isConnected(agent)) return reject(step, 'not-available', { agentId });
  if (!pickEligible(agent, conv)) return reject(step, 'not-eligible', { conversationId, agentId });
  if (!hasRoom(agent, openCounts(step.state))) return reject(step, 'at-capacity', { agentId });
  step.effects.push(assigned(conv.id, agent.id, 'pick', { flagged: flagFor(agent, conv) }));
  assign(conv, agent, step.now);
}

/**
 * Hand a chat (assigned or waiting) to a named agent. They must be connected (online or
 * away: an explicit hand-over to someone who cannot see it would strand the visitor) and
 * have room; the language is the sender's call, so a non-speaker is only flagged.
 */
export function transferToAgent(step: Step, conversationId: string, toAgentId: string, note?: string): void {
  const found = sameSiteChat(step, toAgentId, conversationId);
  if (!found) return;
  const { agent, conv } = found;
  if (conv.agentId === agent.id) return reject(step, 'same-agent', { conversationId, agentId: toAgentId });
  if (!isConnected(agent)) return reject(step, 'not-available', { agentId: toAgentId });
  if (!hasRoom(agent, openCounts(step.state))) return reject(step, 'at-capacity', { agentId: toAgentId });
  const fromAgentId = unassign(step.state, conv, step.now);
  step.effects.push(assigned(conv.id, agent.id, 'transfer', { flagged: flagFor(agent, conv), fromAgentId, note }));
  assign(conv, agent, step.now);
}

/**
 * Send a chat to a language queue (the visitor switched language, or the agent hands it on).
 * It keeps its original queuedAt, so it takes its place by age: ahead of everyone who
 * arrived after it, usually the head. The agent who sent it is not offered it again
 * automatically, but may still pick it.
 */
export function transferToQueue(step: Step, conversationId: string, lang: Lang, note?: string): void {
  const conv = step.state.conversations[conversationId];
  if (!conv) return reject(step, 'unknown-conversation', { conversationId });
  requeue(step.state, conv, step.now, step.effects, 'transferred', { lang, decline: true, note });
}
