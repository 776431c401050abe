// Which online agent gets a chat automatically. Settle asks twice: first among the speakers
// of its language, then, for a chat opened to all that no speaker could take, among the
// others still under their fallback allowance and logged in for fallbackAfterLoginMs. Within a round: the fewest open chats, then
// the one idle longest, then the id, so the choice never depends on object key order.
import { autoEligible, hasRoom, speaks } from './eligibility.js';
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
    if (round.kind === 'speakers' ? !speaks(agent, conv) : speaks(agent, conv)) continue;
    if (round.kind === 'fallback' && !hasAllowance(agent, round)) continue;
    if (!best || better(agent, best, counts)) best = agent;
  }
  return best;
}

function hasAllowance(agent: AgentState, round: Extract<Round, { kind: 'fallback' }>): boolean {
  return (round.foreign.get(agent.id) ?? 0) < round.limit && (agent.loggedInAt ?? Infinity) <= round.loggedInBefore;
}

function better(a: AgentState, b: AgentState, counts: Map<string, number>): boolean {
  const openA = counts.get(a.id) ?? 0;
  const openB = counts.get(b.id) ?? 0;
  if (openA !== openB) return openA < openB;
  if (idleSince(a) !== idleSince(b)) return idleSince(a) < idleSince(b);
  return a.id < b.id;
}
