// The routing invariants (README, "Routing"), checked on a snapshot with rules written afresh here
// (not imported from server/routing) so a bug in the router's own eligibility cannot hide.
import type { ConversationState, Effect, Router, RouterConfig, RouterState } from '../../server/routing/index.js';
import type { Mirror } from './mirror.js';

const older = (a: ConversationState, b: ConversationState) =>
  a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.order < b.order);

/** Works on the chat's site: their own, or one of the others they were given. */
export const worksOnIt = (state: RouterState, agentId: string, c: ConversationState) => {
  const a = state.agents[agentId]!;
  return a.siteId === c.siteId || a.siteIds.includes(c.siteId);
};

const speaksIt = (state: RouterState, agentId: string, c: ConversationState) =>
  state.agents[agentId]!.languages.includes(c.lang);

/** Has the chat's topic skill (no skills list: every topic). */
export const skilled = (state: RouterState, agentId: string, c: ConversationState) => {
  const a = state.agents[agentId]!;
  return c.topic === null || a.skills === null || a.skills.includes(c.topic);
};

/** An online speaker with the chat's skill, other than the one who declined it. */
export const skilledSpeakerOnline = (state: RouterState, c: ConversationState) =>
  Object.values(state.agents).some(
    (a) => worksOnIt(state, a.id, c) && a.presence === 'online' && a.id !== c.declinedBy && a.languages.includes(c.lang) && skilled(state, a.id, c),
  );

/**
 * Language, skill and site rule for automatic offers, ignoring presence and capacity: a speaker
 * needs the topic's skill unless the chat waited for it long enough or nobody with it is online.
 */
const mayGet = (state: RouterState, agentId: string, c: ConversationState) => {
  const a = state.agents[agentId]!;
  if (!worksOnIt(state, agentId, c) || a.id === c.declinedBy) return false;
  if (!a.languages.includes(c.lang)) return c.openToAll;
  return skilled(state, agentId, c) || c.skillOpen || !skilledSpeakerOnline(state, c);
};

/** Does an effect after index i free a slot of this agent, or bring them online? */
const freedLater = (effects: Effect[], i: number, agentId: string) =>
  effects.slice(i + 1).some(
    (x) =>
      (x.type === 'released' && x.agentId === agentId) ||
      (x.type === 'requeued' && x.fromAgentId === agentId) ||
      (x.type === 'assigned' && x.fromAgentId === agentId) ||
      (x.type === 'presence' && x.agentId === agentId),
  );

/** Does the chat (re)enter a queue, or get opened to all, after index i? */
const enteredLater = (effects: Effect[], i: number, conversationId: string) =>
  effects.slice(i + 1).some((x) => x.type !== 'rejected' && 'conversationId' in x && x.conversationId === conversationId);

export function checkInvariants(
  state: RouterState,
  mirror: Mirror,
  effects: Effect[],
  now: number,
  config: Pick<RouterConfig, 'anyAgentAfterMs' | 'fallbackChatsPerAgent' | 'fallbackAfterLoginMs'>,
  /** Chats whose topic this call changed: offers made before the change saw the old topic. */
  retopiced: ReadonlySet<string> = new Set(),
): void {
  const fail = (why: string): never => {
    throw new Error(`${why}\neffects: ${JSON.stringify(effects)}`);
  };
  const convs = Object.values(state.conversations);
  const open = new Map<string, number>();
  const foreign = new Map<string, number>();

  // 1. Every chat in exactly one place, and the effects told the truth about it.
  if (convs.length !== mirror.chats.size) fail(`router has ${convs.length} chats, effects say ${mirror.chats.size}`);
  for (const c of convs) {
    const m = mirror.chats.get(c.id);
    if (!m) fail(`${c.id} is live in the router but closed or unknown to the effects`);
    if (m!.status !== c.status || m!.agentId !== c.agentId || m!.lang !== c.lang) {
      fail(`${c.id}: router ${JSON.stringify(c)} vs effects ${JSON.stringify(m)}`);
    }
    if ((c.status === 'assigned') !== (c.agentId !== null)) fail(`${c.id}: status and agent disagree`);
    if (c.agentId !== null) {
      open.set(c.agentId, (open.get(c.agentId) ?? 0) + 1);
      if (!speaksIt(state, c.agentId, c)) foreign.set(c.agentId, (foreign.get(c.agentId) ?? 0) + 1);
    }
  }
  for (const a of Object.values(state.agents)) {
    const told = mirror.presence.get(a.id);
    if (told !== a.presence) fail(`${a.id}: presence ${a.presence} vs effects ${told}`);
    // 2. Never over capacity; chats only with agents of their site who are not gone.
    const n = open.get(a.id) ?? 0;
    if (n > a.capacity) fail(`${a.id} has ${n} chats, capacity ${a.capacity}`);
    if (n > 0 && a.presence === 'offline') fail(`${a.id} is offline with ${n} chats`);
  }
  for (const c of convs) {
    if (c.agentId && !worksOnIt(state, c.agentId, c)) fail(`${c.id} is with an agent who does not work on its site`);
  }

  const hasRoom = (agentId: string) => (open.get(agentId) ?? 0) < state.agents[agentId]!.capacity;
  const settledIn = (agentId: string) => (state.agents[agentId]!.loggedInAt ?? Infinity) <= now - config.fallbackAfterLoginMs;
  const onlineWithRoom = Object.values(state.agents).filter((a) => a.presence === 'online' && hasRoom(a.id));
  const waiting = convs.filter((c) => c.status === 'waiting');
  for (const c of waiting) {
    // 3. Automatic sites: no online speaker with room while a chat waits; and once it is open
    //    to all, no online agent with room and fallback allowance left either.
    if ((state.modes[c.siteId] ?? 'automatic') === 'automatic') {
      const free = onlineWithRoom.find(
        (a) =>
          mayGet(state, a.id, c) &&
          (speaksIt(state, a.id, c) || ((foreign.get(a.id) ?? 0) < config.fallbackChatsPerAgent && settledIn(a.id))),
      );
      if (free) fail(`${c.id} waits while ${free.id} is online, eligible and has room`);
    }
    // 4. The fallback is not late: a chat past the delay and still closed to all has a speaker online.
    if (!c.openToAll && now >= c.waitingSince! + config.anyAgentAfterMs) {
      const speaker = Object.values(state.agents).some(
        (a) =>
          worksOnIt(state, a.id, c) && a.presence === 'online' && a.id !== c.declinedBy && a.languages.includes(c.lang),
      );
      if (!speaker) fail(`${c.id} waited past the delay with no speaker online and was not opened to all`);
    }
  }

  effects.forEach((e, i) => {
    if (e.type !== 'assigned' || e.via !== 'auto' || !state.conversations[e.conversationId]) return;
    const given = state.conversations[e.conversationId]!;
    if (given.agentId !== e.agentId) return; // moved on later in the call: checked at its own effect
    const toSpeaker = speaksIt(state, e.agentId, given);
    if (toSpeaker === (e.flagged === 'no-language-match')) fail(`${e.conversationId} to ${e.agentId}: flagged ${e.flagged} is wrong`);
    for (const d of waiting) {
      // A chat of a manual site is never offered, so it cannot have been passed over (an agent of
      // several sites may be given an automatic site's chat while an older manual one waits).
      if ((state.modes[d.siteId] ?? 'automatic') !== 'automatic' || retopiced.has(d.id)) continue;
      if (!mayGet(state, e.agentId, d) || enteredLater(effects, i, d.id)) continue;
      // 5. Own languages first: nobody gets a fallback chat while a chat they speak waits.
      if (!toSpeaker && speaksIt(state, e.agentId, d)) fail(`${e.conversationId} (fallback) went to ${e.agentId} while their ${d.id} waits`);
      // 6. Oldest first within a round: no chat still waiting is older than one given to an
      //    agent who could have taken it in the same round.
      if (older(d, given) && speaksIt(state, e.agentId, d) === toSpeaker) {
        fail(`${e.conversationId} went to ${e.agentId} before the older ${d.id}`);
      }
    }
    if (toSpeaker) return;
    // 7. A fallback chat only to an agent under their allowance of chats in other languages
    //    (counted back from the end of the call, when nothing left them since).
    if (!freedLater(effects, i, e.agentId)) {
      if (!settledIn(e.agentId)) fail(`${e.agentId} was given ${e.conversationId} (fallback) less than fallbackAfterLoginMs after logging in`);
      const givenLater = effects.slice(i + 1).filter((x) => x.type === 'assigned' && x.agentId === e.agentId && x.flagged).length;
      const then = (foreign.get(e.agentId) ?? 0) - givenLater;
      if (then > config.fallbackChatsPerAgent) fail(`${e.agentId} was given ${e.conversationId} with ${then - 1} fallback chats already`);
    }
    // 8. A speaker with a free slot is never passed over for a non-speaker.
    // (the router forgets who declined a chat once it is assigned; the effects remember)
    const declinedBy = mirror.chats.get(given.id)?.declinedBy ?? null;
    const speaker = onlineWithRoom.find(
      (a) => a.id !== declinedBy && worksOnIt(state, a.id, given) && speaksIt(state, a.id, given) && !freedLater(effects, i, a.id),
    );
    if (speaker) fail(`${e.conversationId} went to ${e.agentId}, who does not speak ${given.lang}, while ${speaker.id} has room`);
  });
}

/** queuePosition agrees with the (queuedAt, order) ranking; estimates are null or >= 0. */
export function checkQueries(router: Router, state: RouterState, now: number): void {
  const waiting = Object.values(state.conversations).filter((c) => c.status === 'waiting');
  for (const c of waiting) {
    const ahead = waiting.filter((d) => d.siteId === c.siteId && d.lang === c.lang && older(d, c)).length;
    if (router.queuePosition(c.id) !== ahead + 1) throw new Error(`bad queue position for ${c.id}`);
    const wait = router.estimatedWaitMs(c.id, now);
    if (wait !== null && !(wait >= 0)) throw new Error(`bad wait estimate ${wait} for ${c.id}`);
  }
}
