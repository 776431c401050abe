// Records → what each side may see. Visitors never see agent ids, other visitors or scores.
import type { ConversationSummary, VisitorConversation } from '../protocol/types.js';
import type { ConversationRecord } from '../storage/records.js';

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
  };
}
