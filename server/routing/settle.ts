// What follows from the state and the clock alone, run before and after every command so the
// outcome depends on when things happened, not on how often the server ticks:
//   1. grace periods that are over: the agent goes offline, their chats go back to the head
//      of their queues (original queuedAt kept);
//   2. chats that waited anyAgentAfterMs with no speaker of their language online are opened
//      to every agent of the site;
//   3. in automatic sites, waiting chats are offered oldest first to the best online agent.
// Step 3 is one pass: assigning only ever uses up capacity, so a chat nobody could take at
// its turn cannot become takeable later in the same pass. After it, no waiting chat has an
// eligible online agent with room.
import { assign, chatsOf, requeue } from './assignment.js';
import { flagFor, openCounts, speakerOnline } from './eligibility.js';
import { assigned, type Effect } from './effects.js';
import { pickAgent } from './pick-agent.js';
import { goOffline, graceExpired } from './presence.js';
import { waitingChats } from './queue.js';
import type { ConversationState, RouterConfig, RouterState } from './types.js';

export function settle(state: RouterState, now: number, config: RouterConfig, effects: Effect[]): void {
  expireGraces(state, now, effects);
  const waiting = waitingChats(state); // oldest first; step 3 only changes the chat in hand
  openToAll(state, waiting, now, config, effects);
  dispatch(state, waiting, now, effects);
}

function expireGraces(state: RouterState, now: number, effects: Effect[]): void {
  const expired = Object.values(state.agents)
    .filter((a) => graceExpired(a, now))
    .sort((a, b) => (a.graceUntil as number) - (b.graceUntil as number) || (a.id < b.id ? -1 : 1));
  for (const agent of expired) {
    goOffline(agent, effects);
    for (const conv of chatsOf(state, agent.id)) requeue(state, conv, now, effects, 'agent-offline');
  }
}

function openToAll(
  state: RouterState,
  waiting: ConversationState[],
  now: number,
  config: RouterConfig,
  effects: Effect[],
): void {
  for (const conv of waiting) {
    if (conv.openToAll || now < (conv.waitingSince as number) + config.anyAgentAfterMs) continue;
    if (speakerOnline(state, conv)) continue;
    conv.openToAll = true;
    effects.push({ type: 'opened-to-all', conversationId: conv.id, siteId: conv.siteId, lang: conv.lang });
  }
}

function dispatch(state: RouterState, waiting: ConversationState[], now: number, effects: Effect[]): void {
  const counts = openCounts(state);
  for (const conv of waiting) {
    if ((state.modes[conv.siteId] ?? 'automatic') !== 'automatic') continue;
    const agent = pickAgent(state, conv, counts);
    if (!agent) continue;
    effects.push(assigned(conv.id, agent.id, 'auto', { flagged: flagFor(agent, conv) }));
    assign(conv, agent, now);
    counts.set(agent.id, (counts.get(agent.id) ?? 0) + 1);
  }
}
