// Presence follows console connections: an agent is online while at least one tab
// is connected, and keeps their chats for graceMs after the last one closes, so a reload or a
// flaky network does not bounce visitors back to the queue. Only 'online' receives new chats.
import type { Effect } from './effects.js';
import type { AgentState, Presence } from './types.js';

/** Connected, so able to act by hand (pick, receive a transfer) even when away. */
export const isConnected = (a: AgentState): boolean => a.presence === 'online' || a.presence === 'away';

function change(agent: AgentState, presence: Presence, effects: Effect[]): void {
  if (agent.presence === presence) return;
  agent.presence = presence;
  effects.push({ type: 'presence', agentId: agent.id, presence });
}

export function connect(agent: AgentState, now: number, effects: Effect[]): void {
  // A reload within the grace period is the same log-in; after a restart it is unknown (null).
  if (agent.presence === 'offline' || agent.loggedInAt == null) agent.loggedInAt = now;
  agent.connections += 1;
  agent.graceUntil = null;
  change(agent, agent.away ? 'away' : 'online', effects);
}

/** Extra disconnects (a tab the router never saw) are ignored rather than driving the count negative. */
export function disconnect(agent: AgentState, now: number, graceMs: number, effects: Effect[]): void {
  if (agent.connections === 0) return;
  agent.connections -= 1;
  if (agent.connections > 0) return;
  agent.graceUntil = now + graceMs;
  change(agent, 'offline-pending', effects);
}

export function setAway(agent: AgentState, away: boolean, effects: Effect[]): void {
  agent.away = away;
  if (isConnected(agent)) change(agent, away ? 'away' : 'online', effects);
}

export const graceExpired = (agent: AgentState, now: number): boolean =>
  agent.presence === 'offline-pending' && agent.graceUntil !== null && now >= agent.graceUntil;

/** The grace period is over: the next login starts fresh, not away. */
export function goOffline(agent: AgentState, effects: Effect[]): void {
  agent.graceUntil = null;
  agent.loggedInAt = null;
  agent.away = false;
  change(agent, 'offline', effects);
}
