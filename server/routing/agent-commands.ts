// Commands about agents: who they are (from the store), their console connections, "away".
// Presence rules live in presence.ts; these check the ids and put the rules to work.
import { reject, type Step } from './effects.js';
import * as presence from './presence.js';
import { chatsOf, requeue } from './assignment.js';
import type { AgentState, RoutingAgentInput } from './types.js';

function capacityOf(input: RoutingAgentInput, fallback: number): number {
  const capacity = input.capacity ?? fallback;
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new RangeError(`Bad capacity for agent ${input.id}: ${capacity}`);
  }
  return capacity;
}

/** Their own site first, each site once. */
const siteIdsOf = (input: RoutingAgentInput): string[] => [...new Set([input.siteId, ...(input.siteIds ?? [])])];

export function newAgent(input: RoutingAgentInput, defaultCapacity: number): AgentState {
  return {
    id: input.id,
    siteId: input.siteId,
    siteIds: siteIdsOf(input),
    languages: [...input.languages],
    role: input.role,
    capacity: capacityOf(input, defaultCapacity),
    skills: input.skills ? [...input.skills] : null,
    level: input.level ?? 'agent',
    presence: 'offline',
    connections: 0,
    away: false,
    graceUntil: null,
    loggedInAt: null,
    lastAssignedAt: 0,
    lastFreedAt: 0,
  };
}

/**
 * Add an agent or change their sites, languages, capacity or role. Chats they already have stay
 * with them even if they no longer fit (a lowered capacity, a dropped language or site): nobody
 * is taken away from a visitor mid-conversation; they just get no new chats until below.
 */
export function upsertAgent(step: Step, input: RoutingAgentInput): void {
  const existing = step.state.agents[input.id];
  if (!existing) {
    step.state.agents[input.id] = newAgent(input, step.config.defaultCapacity);
    return;
  }
  if (existing.siteId !== input.siteId) return reject(step, 'site-mismatch', { agentId: input.id });
  existing.siteIds = siteIdsOf(input);
  existing.languages = [...input.languages];
  existing.role = input.role;
  existing.capacity = capacityOf(input, existing.capacity);
  existing.skills = input.skills ? [...input.skills] : null;
  existing.level = input.level ?? 'agent';
}

function withAgent(step: Step, agentId: string, then: (agent: AgentState) => void): void {
  const agent = step.state.agents[agentId];
  if (!agent) return reject(step, 'unknown-agent', { agentId });
  then(agent);
}

export const agentConnected = (step: Step, agentId: string) =>
  withAgent(step, agentId, (a) => presence.connect(a, step.now, step.effects));

export const agentDisconnected = (step: Step, agentId: string) =>
  withAgent(step, agentId, (a) => presence.disconnect(a, step.now, step.config.graceMs, step.effects));

/**
 * Disabled by an admin: offline at once, without the grace period a closed tab gets (they are
 * not coming back); their chats go back to the queue as when a grace period ends.
 */
export const agentSignedOff = (step: Step, agentId: string) =>
  withAgent(step, agentId, (a) => {
    a.connections = 0;
    presence.goOffline(a, step.effects);
    for (const conv of chatsOf(step.state, a.id)) requeue(step.state, conv, step.now, step.effects, 'agent-offline');
  });

export const setAway = (step: Step, agentId: string, away: boolean) =>
  withAgent(step, agentId, (a) => presence.setAway(a, away, step.effects));
