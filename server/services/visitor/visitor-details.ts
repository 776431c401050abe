// What a visitor tells us besides their messages: the visit around the chat (pages,
// referrer, time zone, page language, browser) for the agent's context panel, and an e-mail
// left when nobody could answer. The visit is kept on the connection until the chat exists.
import type { VisitUpdate } from '../../../protocol/schemas.js';
import type { PageInfo, VisitorConversation } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { ConversationRecord } from '../../storage/records.js';
import { notFound } from '../app-error.js';
import type { Conversations } from '../conversations/conversations.js';
import { conversationOf } from '../conversations/current.js';
import { sameVisit, withDetails, withPage } from './visit-info.js';
import type { VisitorContext } from './visitor-context.js';
import { toVisitorView } from '../conversations/views.js';
import { applyIdentity } from '../identity/customer-identity.js';

export class VisitorDetails {
  constructor(
    private readonly store: ChatStore,
    private readonly conversations: Conversations,
  ) {}

  private async current(ctx: VisitorContext) {
    const visitor = ctx.visitorId ? await this.store.getVisitor(ctx.visitorId) : undefined;
    return { visitor, conv: await conversationOf(this.store, visitor) };
  }

  /** `visit:update`, sent by the widget on every connection (so once per page it is open on). */
  async update(ctx: VisitorContext, input: VisitUpdate): Promise<void> {
    const { referrer, timeZone, pageLang } = input;
    ctx.visit = { page: input.page, at: Date.now(), details: { referrer, timeZone, pageLang, userAgent: ctx.userAgent } };
    const { conv } = await this.current(ctx);
    if (conv) await this.record(ctx, conv);
  }

  /** Store what the connection reported and the page a message or hand-off came from. */
  async record(ctx: VisitorContext, conv: ConversationRecord, page?: PageInfo): Promise<ConversationRecord> {
    let visit = conv.visit;
    if (ctx.visit) {
      visit = withPage(withDetails(visit, ctx.visit.details), ctx.visit.page, ctx.visit.at);
      ctx.visit = undefined; // once stored, later pages come from messages or the next connection
    }
    if (page) visit = withPage(visit, page, Date.now());
    // Who the page said the customer is, before the conversation existed (identity-service.ts).
    const identity = ctx.pendingIdentity ? applyIdentity(conv.identity, conv.customer, ctx.pendingIdentity) : undefined;
    ctx.pendingIdentity = undefined;
    const visitChanged = !!visit && visit !== conv.visit && !sameVisit(conv.visit, visit);
    if (!visitChanged && !identity) return conv;
    // Not awaited alone (chat-store.ts, WriteOptions): a message's append follows and covers it;
    // otherwise a crash loses at most a page view.
    return (await this.store.updateConversation(conv.id, { ...(visitChanged ? { visit } : {}), ...identity }, undefined, { persist: 'background' })) ?? conv;
  }

  /**
   * `contact:set`: an e-mail so the shop can follow up when nobody was there. Kept on the visitor
   * (a returning visitor is not asked again) and on the conversation. It is only what the visitor
   * typed, so it does not link the customer's other conversations: anyone could type someone
   * else's address and be shown their history. The console offers it to the agent to attach
   * (conversation:link), as it offers e-mails written in messages.
   */
  async setContact(ctx: VisitorContext, email: string): Promise<{ conversation: VisitorConversation }> {
    const { visitor, conv } = await this.current(ctx);
    if (!visitor || !conv) throw notFound('Conversation');
    const address = email.trim().toLowerCase();
    if (visitor.email !== address) await this.store.updateVisitor(visitor.id, { email: address });
    if (conv.contactEmail === address) return { conversation: toVisitorView(conv) };
    const next = (await this.store.updateConversation(conv.id, { contactEmail: address }))!;
    this.conversations.announce(next);
    await this.conversations.append(next, { author: 'system', text: `The visitor left an e-mail: ${address}`, internal: true });
    return { conversation: toVisitorView((await this.store.getConversation(conv.id)) ?? next) };
  }
}
