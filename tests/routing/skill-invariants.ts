// The topic and skill rules (README, "Routing"; docs/routing-skills.md), checked on a snapshot
// after every step of the property test, written afresh like invariants.ts:
//   S1. the skill fallback is never late: a chat that waited its site's skill wait may go to any speaker;
//   S2. a chat about a topic goes to a speaker without the skill only when no speaker with it had
//       room, and only once it waited its skill wait (or was opened to all) or nobody with the skill is online;
//   S3. among those with the skill, the level the topic's difficulty calls for comes first
//       (simple: trainee, agent, expert; complex: the reverse);
//   S4. the skill flag says exactly that: a speaker without the topic's skill.
import type { Effect, RouterConfig, RouterState } from '../../server/routing/index.js';
import { skilled, worksOnIt } from './invariants.js';
import type { Mirror } from './mirror.js';

const RANKS = { simple: ['trainee', 'agent', 'expert'], complex: ['expert', 'agent', 'trainee'] } as const;

const freedLater = (effects: Effect[], i: number, agentId: string) =>
  effects.slice(i + 1).some(
    (x) =>
      (x.type === 'released' && x.agentId === agentId) ||
      (x.type === 'requeued' && x.fromAgentId === agentId) ||
      (x.type === 'assigned' && x.fromAgentId === agentId) ||
      (x.type === 'presence' && x.agentId === agentId),
  );

export function checkSkillInvariants(
  state: RouterState,
  mirror: Mirror,
  effects: Effect[],
  now: number,
  config: Pick<RouterConfig, 'skillWaitMs'>,
  /** Chats whose topic the step itself changed: their assignments in it were made under the old one. */
  retopiced: Set<string> = new Set(),
): void {
  const fail = (why: string): never => {
    throw new Error(`${why}\neffects: ${JSON.stringify(effects)}`);
  };
  const convs = Object.values(state.conversations);
  const open = new Map<string, number>();
  for (const c of convs) if (c.agentId !== null) open.set(c.agentId, (open.get(c.agentId) ?? 0) + 1);
  for (const c of convs) {
    if ((mirror.chats.get(c.id)?.topic ?? null) !== c.topic) fail(`${c.id}: topic ${c.topic} vs ${mirror.chats.get(c.id)?.topic}`);
    // S1.
    const wait = state.siteRules[c.siteId]?.skillWaitMs ?? config.skillWaitMs;
    if (c.status === 'waiting' && c.topic !== null && now >= c.waitingSince! + wait && !c.skillOpen) {
      fail(`${c.id} waited past its skill wait (${wait} ms) and is still held for the skill`);
    }
  }
  effects.forEach((e, i) => {
    if (e.type !== 'assigned' || !state.conversations[e.conversationId] || retopiced.has(e.conversationId)) return;
    const given = state.conversations[e.conversationId]!;
    if (given.agentId !== e.agentId) return;
    const agent = state.agents[e.agentId]!;
    const speaks = agent.languages.includes(given.lang);
    // S4.
    const noSkill = speaks && !skilled(state, agent.id, given);
    if (noSkill !== (e.flagged === 'no-skill-match')) fail(`${given.id} to ${agent.id}: skill flag ${e.flagged} is wrong`);
    if (e.via !== 'auto' || !speaks || given.topic === null) return;
    const declinedBy = mirror.chats.get(given.id)?.declinedBy ?? null;
    const rivals = Object.values(state.agents).filter(
      (a) =>
        a.id !== agent.id && a.id !== declinedBy && worksOnIt(state, a.id, given) && a.presence === 'online' &&
        a.languages.includes(given.lang) && (open.get(a.id) ?? 0) < a.capacity && !freedLater(effects, i, a.id) &&
        skilled(state, a.id, given),
    );
    // S2.
    const m = mirror.chats.get(given.id);
    const wait = state.siteRules[given.siteId]?.skillWaitMs ?? config.skillWaitMs;
    const waited = m?.wasOpenToAll || (typeof m?.waitingSince === 'number' && now >= m.waitingSince + wait);
    const skilledOnline = Object.values(state.agents).some(
      (a) =>
        a.id !== declinedBy && worksOnIt(state, a.id, given) && a.presence === 'online' && a.languages.includes(given.lang) &&
        skilled(state, a.id, given) && !effects.slice(i + 1).some((x) => x.type === 'presence' && x.agentId === a.id),
    );
    if (noSkill && !waited && skilledOnline) fail(`${given.id} (${given.topic}) went to ${agent.id} without the skill before its skill wait was over`);
    if (noSkill && rivals.length) fail(`${given.id} (${given.topic}) went to ${agent.id} without the skill while ${rivals[0]!.id} has it and room`);
    // S3.
    const difficulty = state.siteRules[given.siteId]?.difficulty[given.topic];
    if (noSkill || !difficulty) return;
    const rank = (level: string) => (RANKS[difficulty] as readonly string[]).indexOf(level);
    const better = rivals.find((a) => rank(a.level) < rank(agent.level));
    if (better) fail(`${given.id} (${difficulty} ${given.topic}) went to ${agent.level} ${agent.id} while ${better.level} ${better.id} had room`);
  });
}
