// An agent's side: the queue of their languages, claim, history, reply, close.
// Every id in a command is checked against the calling agent (site, language, assignment).
import { ERR } from '../protocol/events.js';
import type { AgentMessageSend } from '../protocol/schemas.js';
import type { ConversationDetail, Message, QueueListResult } from '../protocol/types.js';
import type { AgentRecord, ConversationRecord } from '../storage/records.js';
import { AppError, forbidden, notFound } from './app-error.js';
import { botStrings } from './bot-strings.js';
import type { Conversations } from './conversations.js';
import type { Notifier } from './notifier.js';
import { toSummary } from './views.js';

export class AgentService {
  constructor(
    private readonly conversations: Conversations,
    private readonly notifier: Notifier,
  ) {}

  private get store() {
    return this.conversations.store;
  }

  async listQueue(agent: AgentRecord): Promise<QueueListResult> {
    const [queue, mine] = await Promise.all([
      this.store.listConversations({ siteId: agent.siteId, status: ['queued'], langs: agent.languages }),
      this.store.listConversations({ siteId: agent.siteId, status: ['assigned'], assignedAgentId: agent.id }),
    ]);
    return { queue: queue.map(toSummary), mine: mine.map(toSummary) };
  }

  /** First claim wins (compare-and-set on status); the others get CONFLICT. */
  async claim(agent: AgentRecord, conversationId: string): Promise<ConversationDetail> {
    const conv = await this.visible(agent, conversationId);
    if (conv.status !== 'queued') throw new AppError(ERR.conflict, 'This conversation is no longer waiting');
    if (!agent.languages.includes(conv.lang) && agent.role !== 'admin') {
      throw forbidden(`This conversation is in "${conv.lang}", which is not one of your languages`);
    }
    const assigned = await this.conversations.transition(
      conv,
      { status: 'assigned', assignedAgentId: agent.id, assignedAgentName: agent.name },
      { status: 'queued' },
    );
    this.conversations.announceDequeued(assigned, 'claimed');
    this.notifier.followConversation(agent.id, assigned.id);
    await this.conversations.append(assigned, {
      author: 'system',
      text: botStrings(assigned.lang).joined(agent.name),
      lang: assigned.lang,
    });
    return this.detail(assigned.id);
  }

  async open(agent: AgentRecord, conversationId: string): Promise<ConversationDetail> {
    const conv = await this.visible(agent, conversationId);
    const mine = conv.assignedAgentId === agent.id;
    const waitingInMyLanguage = conv.status === 'queued' && agent.languages.includes(conv.lang);
    if (!mine && !waitingInMyLanguage && agent.role !== 'admin') throw forbidden('Not your conversation');
    this.notifier.followConversation(agent.id, conv.id);
    return this.detail(conv.id);
  }

  async send(agent: AgentRecord, input: AgentMessageSend): Promise<{ message: Message }> {
    const conv = await this.visible(agent, input.conversationId);
    if (conv.status !== 'assigned' || conv.assignedAgentId !== agent.id) {
      throw forbidden('Claim the conversation before replying');
    }
    const { message } = await this.conversations.append(conv, {
      author: 'agent',
      authorName: agent.name,
      text: input.text,
      clientId: input.clientId,
    });
    return { message };
  }

  async close(agent: AgentRecord, conversationId: string) {
    const conv = await this.visible(agent, conversationId);
    if (conv.status === 'closed') throw new AppError(ERR.conflict, 'Already closed');
    if (conv.assignedAgentId !== agent.id && agent.role !== 'admin') throw forbidden('Not your conversation');
    await this.conversations.append(conv, { author: 'system', text: botStrings(conv.lang).closed, lang: conv.lang });
    const closed = await this.conversations.transition(conv, { status: 'closed', closedAt: Date.now() }, { status: conv.status });
    if (conv.status === 'queued') this.conversations.announceDequeued(closed, 'closed');
    return { conversation: toSummary(closed) };
  }

  /** Where a typing signal from this agent may go. */
  async typingTarget(agent: AgentRecord, conversationId: string): Promise<ConversationRecord | undefined> {
    const conv = await this.store.getConversation(conversationId);
    return conv && conv.siteId === agent.siteId && conv.assignedAgentId === agent.id ? conv : undefined;
  }

  /** A conversation of another site is reported as missing, not forbidden: no existence oracle. */
  private async visible(agent: AgentRecord, id: string): Promise<ConversationRecord> {
    const conv = await this.store.getConversation(id);
    if (!conv || conv.siteId !== agent.siteId) throw notFound('Conversation');
    return conv;
  }

  private async detail(id: string): Promise<ConversationDetail> {
    const conv = (await this.store.getConversation(id))!;
    return { conversation: toSummary(conv), messages: await this.store.listMessages(id) };
  }
}
