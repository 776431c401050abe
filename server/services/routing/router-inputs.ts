// Between the store's shapes and the router's: the agent and chat the router needs, and a
// refusal from the router as the error code that crosses the wire.
import { ERR } from '../../../protocol/events.js';
import type { EffectOf, HandoffInput, RoutingAgentInput, SiteRules } from '../../routing/index.js';
import type { AgentRecord, ConversationRecord, SiteRecord } from '../../storage/records.js';
import { AppError } from '../app-error.js';
import { queueLangOf } from '../conversations/queue-lang.js';
import { agentSiteIds } from '../agent/agent-sites.js';

export const toRoutingAgent = (a: AgentRecord): RoutingAgentInput => ({
  id: a.id,
  siteId: a.siteId,
  siteIds: agentSiteIds(a),
  languages: a.languages,
  role: a.role,
  ...(a.maxChats !== undefined ? { capacity: a.maxChats } : {}),
  ...(a.skills ? { skills: a.skills } : {}),
  ...(a.level ? { level: a.level } : {}),
});

/** A site's topic routing as the router takes it (server/routing/, SiteRules). */
export const toSiteRules = (site: SiteRecord): SiteRules => ({
  difficulty: Object.fromEntries((site.topics ?? []).map((t) => [t.id, t.difficulty])),
  skillWaitMs: site.skillWaitMs ?? null,
});

const REFUSALS: Record<EffectOf<'rejected'>['reason'], [AppError['code'], string]> = {
  'unknown-agent': [ERR.notFound, 'Agent not found'],
  'unknown-conversation': [ERR.notFound, 'Conversation not found'],
  'site-mismatch': [ERR.notFound, 'Agent not found'],
  'already-routed': [ERR.conflict, 'This conversation is already with the agents'],
  'not-waiting': [ERR.conflict, 'This conversation is no longer waiting'],
  'not-eligible': [ERR.forbidden, 'This conversation is not in one of your languages'],
  'at-capacity': [ERR.conflict, 'No room for another chat: the most chats at once is reached'],
  'not-available': [ERR.conflict, 'That agent is not online'],
  'same-agent': [ERR.badPayload, 'The conversation is already with that agent'],
};

/** A chat as the router queues it; older data without queuedAt ranks from now. */
export const routed = (conv: ConversationRecord, now: number): HandoffInput => ({
  id: conv.id,
  siteId: conv.siteId,
  lang: queueLangOf(conv),
  queuedAt: conv.queuedAt ?? now,
  topic: conv.topic?.id ?? null,
});

export function refusal(rejected: EffectOf<'rejected'>): AppError {
  const [code, message] = REFUSALS[rejected.reason];
  return new AppError(code, message);
}
