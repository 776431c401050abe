// Who may read or act on a conversation from the console. The same rules as AgentService: a
// conversation of a site the agent does not work on is NOT_FOUND, never FORBIDDEN (no existence oracle).
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, ConversationRecord } from '../../storage/records.js';
import { forbidden, notFound } from '../app-error.js';
import { queueLangOf } from './queue-lang.js';
import { worksOn } from '../agent/agent-sites.js';

export async function siteConversation(store: ChatStore, agent: AgentRecord, id: string): Promise<ConversationRecord> {
  const conv = await store.getConversation(id);
  if (!conv || !worksOn(agent, conv.siteId)) throw notFound('Conversation');
  return conv;
}

/** Mine (open or closed), waiting in one of my languages, or I am an admin. */
export function canAct(agent: AgentRecord, conv: ConversationRecord): boolean {
  if (agent.role === 'admin' || conv.assignedAgentId === agent.id) return true;
  return conv.status === 'queued' && agent.languages.includes(queueLangOf(conv));
}

/** Acting, plus reading any closed conversation of the site: a customer's history is shared. */
export function canRead(agent: AgentRecord, conv: ConversationRecord): boolean {
  return canAct(agent, conv) || conv.status === 'closed';
}

export async function actionable(store: ChatStore, agent: AgentRecord, id: string): Promise<ConversationRecord> {
  const conv = await siteConversation(store, agent, id);
  if (!canAct(agent, conv)) throw forbidden('Not your conversation');
  return conv;
}

export async function readable(store: ChatStore, agent: AgentRecord, id: string): Promise<ConversationRecord> {
  const conv = await siteConversation(store, agent, id);
  if (!canRead(agent, conv)) throw forbidden('Not your conversation');
  return conv;
}

export function requireAdmin(agent: AgentRecord, what: string): void {
  if (agent.role !== 'admin') throw forbidden(`Only an admin can ${what}`);
}
