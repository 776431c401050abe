// What follows from the state and the clock alone, run before and after every command so the
// outcome depends on when things happened, not on how often the server ticks:
//   1. grace periods that are over: the agent goes offline, their chats go back to the head
//      of their queues (original queuedAt kept);
//   2. chats that waited anyAgentAfterMs with no speaker of their language online are opened
//      to every agent of the site;
//   3. in automatic sites, waiting chats are offered oldest first to the best online speaker
//      of their language: one with the chat's topic skill while one is online and the chat has
//      waited less than its site's skill wait (then any speaker), simple topics to trainees
//      first and complex ones to experts;
//   4. then the chats opened to all that are still waiting, oldest first, to the best online
//      non-speaker who holds fewer than fallbackChatsPerAgent chats in languages they do not
//      speak and logged in at least fallbackAfterLoginMs ago.
// So a speaker with a free slot is never passed over for a non-speaker, an agent's own
// languages come before other people's fallback chats, and an agent coming online with free
// slots takes their own languages at once, but other people's fallback chats only after a
// short while and one at a time (by default): a shift logging in one by one each gets their
// own language, and the backlog is not swallowed by whoever came first. Steps 3 and 4 are one pass each: assigning only ever uses up
// capacity, so a chat nobody could take at its turn cannot become takeable later in the same
// pass. After them, no waiting chat has an online speaker with room, and no chat opened to
// all has an online agent with room and allowance left.
import { assign, chatsOf, requeue } from './assignment.js';
import { flagFor, foreignCounts, openCounts, skillWaitOf, speakerOnline } from './eligibility.js';
import { assigned, type Effect } from './effects.js';
import { pickAgent, type Round } from './pick-agent.js';
import { goOffline, graceExpired } from './presence.js';
import { waitingChats } from './queue.js';
import type { ConversationState, RouterConfig, RouterState } from './types.js';

export function settle(state: RouterState, now: number, config: RouterConfig, effects: Effect[]): void {
  expireGraces(state, now, effects);
  const waiting = waitingChats(state); // oldest first; step 3 only changes the chat in hand
  openToAll(state, waiting, now, config, effects);
  openSkills(state, waiting, now, config);
  dispatch(state, waiting, now, config, effects);
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
    conv.skillOpen = true; // open to every agent, so to every speaker first
    effects.push({ type: 'opened-to-all', conversationId: conv.id, siteId: conv.siteId, lang: conv.lang });
  }
}

/** Waited its skill wait: any speaker may take it now (the agent who does is flagged). */
function openSkills(state: RouterState, waiting: ConversationState[], now: number, config: RouterConfig): void {
  for (const conv of waiting) {
    if (conv.topic === null || conv.skillOpen) continue;
    if (now >= (conv.waitingSince as number) + skillWaitOf(state, conv, config.skillWaitMs)) conv.skillOpen = true;
  }
}

function dispatch(
  state: RouterState,
  waiting: ConversationState[],
  now: number,
  config: RouterConfig,
  effects: Effect[],
): void {
  const automatic = waiting.filter((c) => (state.modes[c.siteId] ?? 'automatic') === 'automatic');
  const counts = openCounts(state);
  offer(state, automatic, now, counts, { kind: 'speakers' }, effects);
  const fallback = automatic.filter((c) => c.status === 'waiting' && c.openToAll);
  if (fallback.length === 0) return;
  const round: Round = {
    kind: 'fallback',
    foreign: foreignCounts(state),
    limit: config.fallbackChatsPerAgent,
    loggedInBefore: now - config.fallbackAfterLoginMs,
  };
  offer(state, fallback, now, counts, round, effects);
}

function offer(
  state: RouterState,
  chats: ConversationState[],
  now: number,
  counts: Map<string, number>,
  round: Round,
  effects: Effect[],
): void {
  for (const conv of chats) {
    if (conv.status !== 'waiting') continue;
    const agent = pickAgent(state, conv, counts, round);
    if (!agent) continue;
    effects.push(assigned(conv.id, agent.id, 'auto', { flagged: flagFor(agent, conv) }));
    assign(conv, agent, now);
    counts.set(agent.id, (counts.get(agent.id) ?? 0) + 1);
    if (round.kind === 'fallback') round.foreign.set(agent.id, (round.foreign.get(agent.id) ?? 0) + 1);
  }
}
