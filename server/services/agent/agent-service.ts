// An agent's side: the queue of their languages on every site they work on, claim, history,
// reply, close. Every id in a command is checked against the calling agent (sites, language, assignment).
import { ERR } from '../../../protocol/events.js';
import type { AgentMessageSend, AgentTyping } from '../../../protocol/schemas.js';
import type { ConversationDetail, Message, QueueListResult } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, ConversationRecord } from '../../storage/records.js';
import { AppError, forbidden, notFound } from '../app-error.js';
import { closeConversation } from '../conversations/chat-ending.js';
import type { Conversations } from '../conversations/conversations.js';
import type { Notifier } from '../notifier.js';
import type { RoutingService } from '../routing/routing-service.js';
import { queueLangOf } from '../conversations/queue-lang.js';
import { toSummary } from '../conversations/views.js';
import { checkTag } from '../conversations/tags.js';
import { agentSiteIds, worksOn } from './agent-sites.js';

const byQueuedAt = (a: ConversationRecord, b: ConversationRecord) => (a.queuedAt ?? a.createdAt) - (b.queuedAt ?? b.createdAt);

export class AgentService {
  constructor(
    private readonly store: ChatStore,
    private readonly conversations: Conversations,
    private readonly notifier: Notifier,
    private readonly routing: RoutingService,
  ) {}

  async listQueue(agent: AgentRecord): Promise<QueueListResult> {
    const sites = agentSiteIds(agent);
    const [queued, mine] = await Promise.all([
      // Oldest first across the sites, as within one.
      Promise.all(sites.map((siteId) => this.store.listConversations({ siteId, status: ['queued'] }))).then((lists) => lists.flat().sort(byQueuedAt)),
      Promise.all(sites.map((siteId) => this.store.listConversations({ siteId, status: ['assigned'], assignedAgentId: agent.id }))).then((lists) => lists.flat()),
    ]);
    // My languages, plus the chats nobody online spoke in time.
    const queue = queued.flatMap((c) => {
      if (agent.languages.includes(queueLangOf(c))) return [toSummary(c)];
      return this.routing.isOpenToAll(c) ? [{ ...toSummary(c), openToAll: true }] : [];
    });
    return { queue, mine: mine.map(toSummary) };
  }

  /**
   * Picking a waiting chat by hand, through the router: first pick wins, the others
   * get CONFLICT; a language the agent does not speak is FORBIDDEN, even once it is taken.
   */
  async claim(agent: AgentRecord, conversationId: string): Promise<ConversationDetail> {
    const conv = await this.visible(agent, conversationId);
    if (!agent.languages.includes(queueLangOf(conv)) && agent.role !== 'admin' && !this.routing.isOpenToAll(conv)) {
      throw forbidden(`This conversation is in "${queueLangOf(conv)}", which is not one of your languages`);
    }
    if (conv.status !== 'queued') throw new AppError(ERR.conflict, 'This conversation is no longer waiting');
    await this.routing.pick(agent, conv);
    return this.detail(conv.id);
  }

  async open(agent: AgentRecord, conversationId: string): Promise<ConversationDetail> {
    const conv = await this.visible(agent, conversationId);
    const mine = conv.assignedAgentId === agent.id;
    const waitingInMyLanguage = conv.status === 'queued' && (agent.languages.includes(queueLangOf(conv)) || this.routing.isOpenToAll(conv));
    // Closed conversations are the customer's history: any agent of the site may read them.
    const history = conv.status === 'closed';
    if (!mine && !waitingInMyLanguage && !history && agent.role !== 'admin') throw forbidden('Not your conversation');
    if (!history || mine) this.notifier.followConversation(agent.id, conv.id);
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
    // For the first-response time (storage/stats-query.ts); written with the next flush.
    if (!(await this.store.getConversation(conv.id))?.firstAgentReplyAt) await this.store.updateConversation(conv.id, { firstAgentReplyAt: message.createdAt }, undefined, { persist: 'background' });
    return { message };
  }

  /** `tag` (one of the site's) and `resolved` are what the console asks for when closing. */
  async close(agent: AgentRecord, conversationId: string, outcome: { tag?: string; resolved?: boolean } = {}) {
    const conv = await this.visible(agent, conversationId);
    if (conv.status === 'closed') throw new AppError(ERR.conflict, 'Already closed');
    if (conv.assignedAgentId !== agent.id && agent.role !== 'admin') throw forbidden('Not your conversation');
    if (outcome.tag) await checkTag(this.store, conv.siteId, outcome.tag);
    const closed = await closeConversation(this.conversations, conv, 'agent', outcome);
    return { conversation: toSummary(closed) };
  }

  /** The agent is typing (or stopped) in a chat of theirs: its visitor sees it; anything else is ignored. */
  async typing(agent: AgentRecord, input: AgentTyping): Promise<void> {
    const conv = await this.store.getConversation(input.conversationId);
    if (conv && worksOn(agent, conv.siteId) && conv.assignedAgentId === agent.id) this.conversations.typing(conv, 'agent', input.typing);
  }

  /** A conversation of a site they do not work on is reported as missing, not forbidden: no existence oracle. */
  private async visible(agent: AgentRecord, id: string): Promise<ConversationRecord> {
    const conv = await this.store.getConversation(id);
    if (!conv || !worksOn(agent, conv.siteId)) throw notFound('Conversation');
    return conv;
  }

  private async detail(id: string): Promise<ConversationDetail> {
    const conv = (await this.store.getConversation(id))!;
    return { conversation: toSummary(conv), messages: await this.store.listMessages(id) };
  }
}
