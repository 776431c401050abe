// The routing invariants of issue 4, checked on a snapshot with rules written afresh here
// (not imported from server/routing) so a bug in the router's own eligibility cannot hide.
import type { ConversationState, Effect, Router, RouterConfig, RouterState } from '../../server/routing/index.js';
import type { Mirror } from './mirror.js';

const older = (a: ConversationState, b: ConversationState) =>
  a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.order < b.order);

/** Language and site rule for automatic offers, ignoring presence and capacity. */
const mayGet = (state: RouterState, agentId: string, c: ConversationState) => {
  const a = state.agents[agentId]!;
  return a.siteId === c.siteId && a.id !== c.declinedBy && (a.languages.includes(c.lang) || c.openToAll);
};

export function checkInvariants(
  state: RouterState,
  mirror: Mirror,
  effects: Effect[],
  now: number,
  config: Pick<RouterConfig, 'anyAgentAfterMs'>,
): void {
  const fail = (why: string): never => {
    throw new Error(`${why}\neffects: ${JSON.stringify(effects)}`);
  };
  const convs = Object.values(state.conversations);
  const open = new Map<string, number>();

  // 1. Every chat in exactly one place, and the effects told the truth about it.
  if (convs.length !== mirror.chats.size) fail(`router has ${convs.length} chats, effects say ${mirror.chats.size}`);
  for (const c of convs) {
    const m = mirror.chats.get(c.id);
    if (!m) fail(`${c.id} is live in the router but closed or unknown to the effects`);
    if (m!.status !== c.status || m!.agentId !== c.agentId || m!.lang !== c.lang) {
      fail(`${c.id}: router ${JSON.stringify(c)} vs effects ${JSON.stringify(m)}`);
    }
    if ((c.status === 'assigned') !== (c.agentId !== null)) fail(`${c.id}: status and agent disagree`);
    if (c.agentId !== null) open.set(c.agentId, (open.get(c.agentId) ?? 0) + 1);
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
    if (c.agentId && state.agents[c.agentId]?.siteId !== c.siteId) fail(`${c.id} is with an agent of another site`);
  }

  const waiting = convs.filter((c) => c.status === 'waiting');
  for (const c of waiting) {
    // 3. Automatic sites: nobody online, eligible and with room, while a chat waits.
    if ((state.modes[c.siteId] ?? 'automatic') === 'automatic') {
      const free = Object.values(state.agents).find(
        (a) => a.presence === 'online' && (open.get(a.id) ?? 0) < a.capacity && mayGet(state, a.id, c),
      );
      if (free) fail(`${c.id} waits while ${free.id} is online, eligible and has room`);
    }
    // 4. The fallback is not late: a chat past the delay and still closed to all has a speaker online.
    if (!c.openToAll && now >= c.waitingSince! + config.anyAgentAfterMs) {
      const speaker = Object.values(state.agents).some(
        (a) =>
          a.siteId === c.siteId && a.presence === 'online' && a.id !== c.declinedBy && a.languages.includes(c.lang),
      );
      if (!speaker) fail(`${c.id} waited past the delay with no speaker online and was not opened to all`);
    }
  }

  // 5. Oldest first: no chat still waiting is older than one given automatically to an agent
  //    who could have taken it, unless it only became takeable later in the same call.
  effects.forEach((e, i) => {
    if (e.type !== 'assigned' || e.via !== 'auto' || !state.conversations[e.conversationId]) return;
    const given = state.conversations[e.conversationId]!;
    for (const d of waiting) {
      if (!older(d, given) || !mayGet(state, e.agentId, d)) continue;
      const laterEntry = effects
        .slice(i + 1)
        .some((x) => x.type !== 'rejected' && 'conversationId' in x && x.conversationId === d.id);
      if (!laterEntry) fail(`${e.conversationId} went to ${e.agentId} before the older ${d.id}`);
    }
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
