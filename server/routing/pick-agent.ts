// Which online agent gets a chat automatically. Settle asks twice: first among the speakers
// of its language (with its topic's skill, unless none is online or it waited for one long
// enough: eligibility.ts, skillAllows), then, for a chat opened to all that no speaker could take, among the
// others still under their fallback allowance and logged in for fallbackAfterLoginMs. Within a
// round: the topic's skill, then the level its difficulty calls for, then the fewest open chats, then
// the one idle longest, then the id, so the choice never depends on object key order.
import { autoEligible, hasRoom, hasSkill, levelRank, skillAllows, speaks } from './eligibility.js';
import type { AgentState, ConversationState, RouterState } from './types.js';

const idleSince = (a: AgentState): number => Math.max(a.lastAssignedAt, a.lastFreedAt);

export type Round =
  | { kind: 'speakers' }
  /**
   * foreign: chats each agent holds in a language they do not speak; limit: the most they may;
   * loggedInBefore: only agents logged in at or before this time.
   */
  | { kind: 'fallback'; foreign: Map<string, number>; limit: number; loggedInBefore: number };

export function pickAgent(
  state: RouterState,
  conv: ConversationState,
  counts: Map<string, number>,
  round: Round,
): AgentState | undefined {
  let best: AgentState | undefined;
  for (const agent of Object.values(state.agents)) {
    if (agent.presence !== 'online' || !hasRoom(agent, counts) || !autoEligible(agent, conv)) continue;
    if (round.kind === 'speakers' ? !speaks(agent, conv) || !skillAllows(state, agent, conv) : speaks(agent, conv)) continue;
    if (round.kind === 'fallback' && !hasAllowance(agent, round)) continue;
    if (!best || better(state, conv, agent, best, counts)) best = agent;
  }
  return best;
}

function hasAllowance(agent: AgentState, round: Extract<Round, { kind: 'fallback' }>): boolean {
  return (round.foreign.get(agent.id) ?? 0) < round.limit && (agent.loggedInAt ?? Infinity) <= round.loggedInBefore;
}

/** The skill first, then the level the topic's difficulty calls for, then the least busy. */
function better(state: RouterState, conv: ConversationState, a: AgentState, b: AgentState, counts: Map<string, number>): boolean {
  const skillA = hasSkill(a, conv);
  if (skillA !== hasSkill(b, conv)) return skillA;
  const rankA = levelRank(state, a, conv);
  const rankB = levelRank(state, b, conv);
  if (rankA !== rankB) return rankA < rankB;
  const openA = counts.get(a.id) ?? 0;
  const openB = counts.get(b.id) ?? 0;
  if (openA !== openB) return openA < openB;
  if (idleSince(a) !== idleSince(b)) return idleSince(a) < idleSince(b);
  return a.id < b.id;
}
