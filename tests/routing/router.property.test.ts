// Randomised check of the routing invariants: agents with random sites (their own plus others),
// languages, capacities, skills and levels, then hand-offs (with or without a topic), topic corrections, closes, picks, transfers, connects, disconnects, "away", mode
// switches, restarts and plain ticks in any order, with the invariants checked after every
// step. fast-check picks the scenarios (fixed seed: the same 200 runs everywhere) and shrinks
// a failure to a short story.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRouter, type Effect, type Router, type StoredConversation } from '../../server/routing/index.js';
import { checkInvariants, checkQueries } from './invariants.js';
import { checkSkillInvariants } from './skill-invariants.js';
import { Mirror, type Handoff } from './mirror.js';

const LANGS = ['fr', 'de', 'en', 'it'];
const SITES = ['s0', 's1'];
const CONFIG = { graceMs: 10_000, anyAgentAfterMs: 30_000, defaultHandleMs: 120_000, fallbackChatsPerAgent: 1, fallbackAfterLoginMs: 5_000, skillWaitMs: 20_000 };
/** The last index stands for "no topic". */
const TOPICS = ['orders', 'returns', 'complaint', null];
/** s0 marks its topics and waits longer than the language fallback for a skill; s1 keeps the defaults. */
const SITE_RULES = { s0: { difficulty: { orders: 'simple', complaint: 'complex' } as const, skillWaitMs: 40_000 } };

const agentArb = fc.record({
  site: fc.nat(1),
  /** Sites they work on besides their own: agents of several sites share one capacity. */
  also: fc.subarray(SITES),
  languages: fc.subarray(LANGS),
  capacity: fc.nat(3),
  admin: fc.boolean(),
  skills: fc.option(fc.subarray(['orders', 'returns', 'complaint']), { nil: null }),
  level: fc.constantFrom('trainee' as const, 'agent' as const, 'expert' as const),
});
type Step =
  | { t: 'enqueue'; site: number; lang: number; backdate: number; topic: number }
  | { t: 'topic'; conv: number; topic: number }
  | { t: 'release' | 'toQueue'; conv: number; lang: number }
  | { t: 'connect' | 'disconnect' | 'away'; agent: number; away: boolean }
  | { t: 'pick' | 'toAgent'; agent: number; conv: number }
  | { t: 'mode'; site: number; manual: boolean }
  | { t: 'tick' | 'restart' | 'json' };

const n = fc.nat(1_000); // an index into the agents or the live chats, taken modulo their number
const op = (weight: number, arbitrary: fc.Arbitrary<Step>) => ({ weight, arbitrary });
const kind = <T extends Step['t']>(...kinds: T[]) => fc.constantFrom(...kinds);
const stepArb = fc.tuple(
  fc.nat(15_000), // time passing before the step
  fc.oneof(
    op(6, fc.record({ t: kind('enqueue'), site: fc.nat(1), lang: fc.nat(3), backdate: fc.nat(60_000), topic: fc.nat(3) })),
    op(1, fc.record({ t: kind('topic'), conv: n, topic: fc.nat(3) })),
    op(4, fc.record({ t: kind('release'), conv: n, lang: fc.nat(3) })),
    op(1, fc.record({ t: kind('toQueue'), conv: n, lang: fc.nat(3) })),
    op(3, fc.record({ t: kind('connect'), agent: n, away: fc.boolean() })),
    op(3, fc.record({ t: kind('disconnect'), agent: n, away: fc.boolean() })),
    op(1, fc.record({ t: kind('away'), agent: n, away: fc.boolean() })),
    op(2, fc.record({ t: kind('pick'), agent: n, conv: n })),
    op(1, fc.record({ t: kind('toAgent'), agent: n, conv: n })),
    op(1, fc.record({ t: kind('mode'), site: fc.nat(1), manual: fc.boolean() })),
    op(2, fc.record({ t: kind('tick') })),
    op(1, fc.record({ t: kind('restart', 'json') })),
  ),
);

interface World {
  router: Router;
  mirror: Mirror;
  agentIds: string[];
  restoreAgents: Parameters<Router['restore']>[0]['agents'];
  next: number;
  /** Chats whose topic the current step changed. */
  retopiced: Set<string>;
}

/** Run one step; returns its effects and, for a hand-off, what was handed off. */
function apply(w: World, step: Step, now: number): { effects: Effect[]; handoff?: Handoff } {
  const live = [...w.mirror.chats.keys()];
  const agent = 'agent' in step ? w.agentIds[step.agent % w.agentIds.length]! : '';
  const conv = 'conv' in step ? (live[step.conv % Math.max(1, live.length)] ?? `closed-${step.conv}`) : '';
  const r = w.router;
  switch (step.t) {
    case 'enqueue': {
      const id = `c${w.next++}`;
      const handoff = { id, siteId: SITES[step.site]!, lang: LANGS[step.lang]!, queuedAt: now - step.backdate, topic: TOPICS[step.topic]! };
      return { effects: r.enqueue(handoff, now), handoff };
    }
    case 'release': return { effects: r.release(conv, now) };
    case 'topic': {
      const effects = r.setTopic(conv, TOPICS[step.topic]!, now);
      const chat = w.mirror.chats.get(conv);
      if (chat) {
        chat.topic = TOPICS[step.topic]!;
        w.retopiced.add(conv);
      }
      return { effects };
    }
    case 'connect': return { effects: r.agentConnected(agent, now) };
    case 'disconnect': return { effects: r.agentDisconnected(agent, now) };
    case 'away': return { effects: r.setAway(agent, step.away, now) };
    case 'tick': return { effects: r.tick(now) };
    case 'pick': return { effects: r.pick(agent, conv, now) };
    case 'toAgent': return { effects: r.transferToAgent(conv, agent, now, 'note') };
    case 'toQueue': return { effects: r.transferToQueue(conv, LANGS[step.lang]!, now) };
    case 'mode': return { effects: r.setMode(SITES[step.site]!, step.manual ? 'manual' : 'automatic', now) };
    case 'json':
      w.router = createRouter({ config: CONFIG, state: JSON.parse(JSON.stringify(r.snapshot())) });
      return { effects: [] };
    case 'restart': {
      // The store as the server would have it: live chats from the effects, plus a few closed ones.
      const conversations: StoredConversation[] = [...w.mirror.chats].map(([id, c]) => ({
        id, siteId: c.siteId, lang: c.lang, createdAt: 0, queuedAt: c.queuedAt,
        status: c.status === 'waiting' ? 'queued' : 'assigned', topic: c.topic ?? null,
        ...(c.agentId && { assignedAgentId: c.agentId }),
      }));
      for (const id of [...w.mirror.closed].slice(0, 3)) {
        conversations.push({ id, siteId: 's0', lang: 'fr', createdAt: 0, status: 'closed' });
      }
      w.router = createRouter({ config: CONFIG });
      for (const id of w.agentIds) w.mirror.presence.set(id, 'offline'); // a restart drops every connection
      for (const c of w.mirror.chats.values()) Object.assign(c, { openToAll: false, wasOpenToAll: false, declinedBy: null, waitingSince: now }); // and every fallback timer and decline
      const modes = Object.fromEntries(w.mirror.modes);
      return { effects: w.router.restore({ agents: w.restoreAgents, conversations, modes, siteRules: SITE_RULES }, now) };
    }
  }
}

type AgentSpec = typeof agentArb extends fc.Arbitrary<infer A> ? A : never;

function run(specs: AgentSpec[], steps: [number, Step][]): void {
  const agents = specs.map((a, i) => ({
    id: `a${i}`,
    siteId: SITES[a.site]!,
    siteIds: [SITES[a.site]!, ...a.also],
    languages: a.languages,
    capacity: a.capacity,
    role: a.admin ? ('admin' as const) : ('agent' as const),
    skills: a.skills,
    level: a.level,
  }));
  const w: World = {
    router: createRouter({ config: CONFIG }),
    mirror: new Mirror(new Map(agents.map((a) => [a.id, a]))),
    agentIds: agents.map((a) => a.id),
    restoreAgents: agents,
    next: 0,
    retopiced: new Set(),
  };
  w.router.setSiteRules('s0', SITE_RULES.s0, 0);
  for (const a of agents) w.router.upsertAgent(a, 0);
  for (const a of agents) w.mirror.presence.set(a.id, 'offline');
  let now = 0;
  for (const [k, [dt, step]] of steps.entries()) {
    if (step.t !== 'json') now += dt; // a copy is checked at the time the router last saw
    w.retopiced.clear();
    const { effects, handoff } = apply(w, step, now);
    try {
      w.mirror.apply(effects, handoff, now);
      const state = w.router.snapshot();
      // The sites each agent works on are the ones given, so the invariants' site rule reads the truth.
      for (const a of agents) if (new Set(state.agents[a.id]!.siteIds).size !== new Set(a.siteIds).size) throw new Error(`${a.id}: sites ${state.agents[a.id]!.siteIds}`);
      checkInvariants(state, w.mirror, effects, now, CONFIG, w.retopiced);
      checkSkillInvariants(state, w.mirror, effects, now, CONFIG, w.retopiced);
      if (k % 10 === 0) checkQueries(w.router, state, now); // the costliest check: every 10th step
    } catch (err) {
      throw new Error(`step ${k} at t=${now}: ${JSON.stringify(step)} → ${(err as Error).message}`);
    }
  }
}

describe('routing invariants under random operations', () => {
  it('hold after every step (200 runs × 300 steps)', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(
        fc.array(agentArb, { minLength: 1, maxLength: 8 }),
        fc.array(stepArb, { minLength: 300, maxLength: 300 }),
        run,
      ),
      { numRuns: 200, seed: 42_024 },
    );
  });

  it('the checker itself catches a broken router (the property test is not vacuous)', () => {
    const router = createRouter({ config: CONFIG });
    router.upsertAgent({ id: 'a0', siteId: 's0', languages: ['fr'], role: 'agent', capacity: 1 }, 0);
    router.agentConnected('a0', 0);
    const mirror = new Mirror();
    mirror.presence.set('a0', 'online');
    for (const id of ['x', 'y']) {
      const handoff = { id, siteId: 's0', lang: 'fr', queuedAt: 0 };
      mirror.apply(router.enqueue(handoff, 0), handoff);
    }
    // y given to a0 as well: over capacity
    const over = router.snapshot();
    over.conversations.y = { ...over.conversations.y!, status: 'assigned', agentId: 'a0' };
    Object.assign(mirror.chats.get('y')!, { status: 'assigned', agentId: 'a0' });
    expect(() => checkInvariants(over, mirror, [], 0, CONFIG)).toThrow(/capacity 1/);
    // effects that lost a chat
    expect(() => checkInvariants(router.snapshot(), new Mirror(), [], 0, CONFIG)).toThrow(/effects say 0/);
    // a free agent while a chat waits
    const idle = router.snapshot();
    idle.conversations.x = { ...idle.conversations.x!, status: 'waiting', agentId: null };
    const m2 = new Mirror();
    m2.presence.set('a0', 'online');
    for (const c of Object.values(idle.conversations)) m2.chats.set(c.id, { ...c });
    expect(() => checkInvariants(idle, m2, [], 0, CONFIG)).toThrow(/waits while a0/);
    // a chat given to a non-speaker while a speaker had room
    const passed = createRouter({ config: CONFIG });
    passed.upsertAgent({ id: 'fr', siteId: 's0', languages: ['fr'], role: 'agent', capacity: 1 }, 0);
    passed.upsertAgent({ id: 'de', siteId: 's0', languages: ['de'], role: 'agent', capacity: 1 }, 0);
    passed.agentConnected('fr', 0);
    passed.agentConnected('de', 0);
    const m3 = new Mirror();
    for (const id of ['fr', 'de']) m3.presence.set(id, 'online');
    const state = passed.snapshot();
    state.conversations.z = { id: 'z', siteId: 's0', lang: 'fr', queuedAt: 0, order: 0, status: 'assigned', agentId: 'de', assignedAt: 0, waitingSince: null, openToAll: false, declinedBy: null, topic: null, skillOpen: false };
    m3.chats.set('z', { siteId: 's0', lang: 'fr', queuedAt: 0, status: 'assigned', agentId: 'de' });
    const effect: Effect = { type: 'assigned', conversationId: 'z', agentId: 'de', via: 'auto', flagged: 'no-language-match' };
    expect(() => checkInvariants(state, m3, [effect], 0, { ...CONFIG, fallbackAfterLoginMs: 0 })).toThrow(/while fr has room/);
  });
});
