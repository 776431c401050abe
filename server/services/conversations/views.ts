// Records → what each side may see. Visitors never see agent ids, other visitors or scores.
import type { ConversationSummary, Message, VisitorConversation, VisitorMessage } from '../../../protocol/types.js';
import type { ConversationRecord } from '../../storage/records.js';

export function toVisitorView(c: ConversationRecord): VisitorConversation {
  return {
    id: c.id,
    status: c.status,
    lang: c.lang,
    ...(c.status === 'assigned' && c.assignedAgentName ? { agentName: c.assignedAgentName } : {}),
    lastSeq: c.lastSeq,
    visitorReadSeq: c.visitorReadSeq,
    ...(c.contactEmail ? { email: c.contactEmail } : {}),
    ...(c.langLocked ? { langLocked: true } : {}),
    ...(c.feedback ? { feedback: c.feedback } : {}),
    ...(c.status === 'closed' && c.endedBy ? { endedBy: c.endedBy } : {}),
    ...(c.rating ? { rating: c.rating } : {}),
  };
}

export function toSummary(c: ConversationRecord): ConversationSummary {
  return {
    id: c.id,
    siteId: c.siteId,
    status: c.status,
    lang: c.lang,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    queuedAt: c.queuedAt,
    assignedAgentId: c.assignedAgentId,
    assignedAgentName: c.assignedAgentName,
    firstMessage: c.firstMessage,
    lastPage: c.lastPage,
    lastSeq: c.lastSeq,
    visitorLanguages: c.visitorLanguages,
    ...(c.visit ? { visit: c.visit } : {}),
    ...(c.closedAt ? { closedAt: c.closedAt } : {}),
    ...(c.tag ? { tag: c.tag } : {}),
    ...(c.resolved !== undefined ? { resolved: c.resolved } : {}),
    ...(c.customer ? { customer: c.customer } : {}),
    ...(c.contactEmail ? { contactEmail: c.contactEmail } : {}),
    ...(c.queueLang && c.queueLang !== c.lang ? { queueLang: c.queueLang } : {}),
    ...(c.flagged && c.status === 'assigned' ? { flagged: true } : {}),
    ...(c.topic ? { topic: c.topic } : {}),
    ...(c.skillFallback && c.status === 'assigned' ? { skillFallback: true } : {}),
    ...(c.endedBy ? { endedBy: c.endedBy } : {}),
    ...(c.rating ? { rating: c.rating } : {}),
    ...(c.identity ? { identity: c.identity } : {}),
  };
}

/**
 * A message as its visitor may see it: the bot's scores, candidates and thresholds are for
 * agents (they explain a decision); the widget only needs to know an answer was an answer.
 */
export function toVisitorMessage(m: Message): VisitorMessage {
  if (!m.bot) return m;
  const { bot, ...rest } = m;
  return { ...rest, bot: { outcome: bot.outcome } };
}
