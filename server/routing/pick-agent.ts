// Which online agent gets a chat automatically (issue 4): a speaker of its language before a
// fallback agent, then the fewest open chats, then the one idle longest, then the id so the
// choice never depends on object key order.
import { autoEligible, hasRoom, speaks } from './eligibility.js';
import type { AgentState, ConversationState, RouterState } from './types.js';

const idleSince = (a: AgentState): number => Math.max(a.lastAssignedAt, a.lastFreedAt);

export function pickAgent(
  state: RouterState,
  conv: ConversationState,
  counts: Map<string, number>,
): AgentState | undefined {
  let best: AgentState | undefined;
  for (const agent of Object.values(state.agents)) {
    if (agent.presence !== 'online' || !hasRoom(agent, counts) || !autoEligible(agent, conv)) continue;
    if (!best || better(agent, best, conv, counts)) best = agent;
  }
  return best;
}

function better(a: AgentState, b: AgentState, conv: ConversationState, counts: Map<string, number>): boolean {
  const speakA = speaks(a, conv);
  if (speakA !== speaks(b, conv)) return speakA;
  const openA = counts.get(a.id) ?? 0;
  const openB = counts.get(b.id) ?? 0;
  if (openA !== openB) return openA < openB;
  if (idleSince(a) !== idleSince(b)) return idleSince(a) < idleSince(b);
  return a.id < b.id;
}
