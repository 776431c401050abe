// The bot's order-status exchange, for sites with an order webhook: when a visitor asks about an
// order (the FAQ's order-tracking entry matched, or a message names an order number), the bot
// asks for the number and, unless the connection proved a signed identity, the order's e-mail;
// then it answers with the status the shop's webhook gives and the carrier's tracking link.
// Details go only to a visitor who gave the order's e-mail (the shop's webhook checks it) or whom
// the shop signed; a wrong e-mail, an unknown order or a failing webhook gets a clear message and
// a "talk to a person" button, never a guess. The state lives on the conversation (orderFlow).
import type { OrderStatus } from '../../../protocol/schemas.js';
import type { BotDecision, Link, QuickReply, VerifiedIdentity } from '../../../protocol/types.js';
import type { ChatStore, WriteOptions } from '../../storage/chat-store.js';
import type { ConversationRecord, OrderFlowState, SiteRecord } from '../../storage/records.js';
import { botStrings } from '../../bot/bot-strings.js';
import type { Conversations } from '../conversations/conversations.js';
import { trackingLink } from './carriers.js';
import { findEmail, findOrderNumber } from './order-text.js';
import { formatDay, orderStrings } from './order-strings.js';
import type { OrderLookup, OrderQuery } from './order-webhook.js';

/** The FAQ entry whose match starts the exchange (faq/data/<site>/<lang>.json). */
export const ORDER_FAQ_ID = 'order-tracking';
/** Lookups that found nothing in one conversation before only a person may go on (guessing e-mails). */
export const MAX_MISSES = 3;
/** A question the visitor left unanswered this long is forgotten (a chat reopened days later). */
export const WAIT_MS = 30 * 60_000;

const BACKGROUND: WriteOptions = { persist: 'background' };
type Step = NonNullable<BotDecision['order']>['step'];

export interface OrderLookupPort {
  lookup(hook: NonNullable<SiteRecord['orderWebhook']>, query: OrderQuery): Promise<OrderLookup>;
}

export class OrderFlow {
  constructor(
    private readonly store: ChatStore,
    private readonly conversations: Conversations,
    private readonly webhook: OrderLookupPort,
    private readonly onFailure: (siteId: string, why: string) => void,
  ) {}

  /** Whether the bot waits for this conversation's answer (an order number, an e-mail). */
  waiting(conv: ConversationRecord): boolean {
    const flow = conv.orderFlow;
    return !!flow?.step && Date.now() - (flow.at ?? 0) < WAIT_MS && conv.status === 'bot';
  }

  /**
   * The site as stored, read only once a message is about an order: with several servers, a
   * webhook an admin set on another one applies here at once, and other messages cost no read.
   */
  private async current(site: SiteRecord): Promise<SiteRecord> {
    return (await this.store.getSite(site.id)) ?? site;
  }

  /**
   * The visitor answering the bot's question. False when the message is about something else
   * (then the bot answers it as usual); asking for a person always is.
   */
  async answer(site: SiteRecord, conv: ConversationRecord, text: string, decision: BotDecision, verified?: VerifiedIdentity): Promise<boolean> {
    const flow = conv.orderFlow;
    if (!flow?.step || !this.waiting(conv)) return false;
    if (decision.outcome === 'handoff') return this.drop(conv);
    site = await this.current(site);
    if (!site.orderWebhook) return this.drop(conv);
    if (flow.step === 'number') {
      const orderNumber = findOrderNumber(text, true);
      if (!orderNumber) return this.drop(conv);
      return this.proceed(site, conv, { ...flow, orderNumber }, verified);
    }
    const email = findEmail(text);
    const orderNumber = findOrderNumber(text) ?? flow.orderNumber!;
    if (!email) {
      // Another order number: ask its e-mail; anything else is another question.
      if (orderNumber !== flow.orderNumber) return this.proceed(site, conv, { ...flow, orderNumber }, verified);
      return this.drop(conv);
    }
    return this.look(site, conv, { ...flow, orderNumber }, { orderNumber, email });
  }

  /**
   * After the bot: a message naming an order starts the exchange, unless the FAQ knows it is about
   * something else (a damaged parcel, a return) or the visitor asked for a person.
   */
  async start(site: SiteRecord, conv: ConversationRecord, text: string, decision: BotDecision, verified?: VerifiedIdentity): Promise<boolean> {
    if (!this.usable(conv) || !aboutStatus(decision)) return false;
    const orderNumber = findOrderNumber(text);
    if (!orderNumber) return false;
    site = await this.current(site);
    if (!site.orderWebhook) return false;
    return this.proceed(site, conv, { step: 'number', misses: conv.orderFlow?.misses ?? 0, orderNumber }, verified);
  }

  /**
   * The FAQ's order-tracking answer, without an order number: the answer is given as written and
   * the bot offers to look the order up. Returns the line to add to the answer, and waits for the number.
   */
  async offer(site: SiteRecord, conv: ConversationRecord, decision: BotDecision): Promise<string | undefined> {
    if (!this.usable(conv) || decision.outcome !== 'answer' || decision.faqId !== ORDER_FAQ_ID) return undefined;
    if (!(await this.current(site)).orderWebhook) return undefined;
    await this.setFlow(conv, { step: 'number', misses: conv.orderFlow?.misses ?? 0 });
    return orderStrings(conv.lang).askNumber;
  }

  /** A chat with the bot, and not too many lookups that found nothing in it. */
  private usable(conv: ConversationRecord): boolean {
    return conv.status === 'bot' && (conv.orderFlow?.misses ?? 0) < MAX_MISSES;
  }

  /** The number is known: look it up for a signed customer, else ask for the order's e-mail first. */
  private proceed(site: SiteRecord, conv: ConversationRecord, flow: OrderFlowState, verified?: VerifiedIdentity): Promise<boolean> {
    const orderNumber = flow.orderNumber!;
    if (verified?.orders?.includes(orderNumber)) return this.look(site, conv, flow, { orderNumber });
    if (verified?.email) return this.look(site, conv, flow, { orderNumber, email: verified.email });
    return this.ask(conv, { ...flow, step: 'email' }, 'ask-email', orderStrings(conv.lang).askEmail(orderNumber), orderNumber);
  }

  private async look(site: SiteRecord, conv: ConversationRecord, flow: OrderFlowState, query: OrderQuery): Promise<boolean> {
    const s = orderStrings(conv.lang);
    const found = await this.webhook.lookup(site.orderWebhook!, query);
    const n = query.orderNumber;
    if (found.kind === 'found') {
      await this.setFlow(conv, flow.misses ? { misses: flow.misses } : undefined);
      const { text, links } = describeOrder(found.order, n, conv.lang);
      await this.say(conv, 'status', text, n, { links });
      return true;
    }
    if (found.kind === 'failed') {
      this.onFailure(site.id, found.why);
      await this.setFlow(conv, flow.misses ? { misses: flow.misses } : undefined);
      await this.say(conv, 'failed', s.failed, n, { quickReplies: [botStrings(conv.lang).person] });
      return true;
    }
    const misses = flow.misses + 1;
    if (misses >= MAX_MISSES) {
      await this.setFlow(conv, { misses });
      await this.say(conv, 'too-many', s.tooMany, n, { quickReplies: [botStrings(conv.lang).person] });
      return true;
    }
    // The same message for a wrong e-mail and an unknown order: which one it was is the shop's secret.
    await this.setFlow(conv, { step: 'email', orderNumber: n, misses });
    await this.say(conv, 'not-found', s.notFound(n), n, { quickReplies: [botStrings(conv.lang).person] });
    return true;
  }

  private async ask(conv: ConversationRecord, flow: OrderFlowState, step: Step, text: string, orderNumber?: string): Promise<boolean> {
    await this.setFlow(conv, flow);
    await this.say(conv, step, text, orderNumber);
    return true;
  }

  /** The visitor moved on: the bot forgets the question (the misses count stays, against guessing). */
  private async drop(conv: ConversationRecord): Promise<false> {
    await this.setFlow(conv, conv.orderFlow?.misses ? { misses: conv.orderFlow.misses } : undefined);
    return false;
  }

  /** Not awaited alone (chat-store.ts, WriteOptions): the bot message that follows is, or the bot's own reply. */
  private async setFlow(conv: ConversationRecord, flow: OrderFlowState | undefined): Promise<void> {
    await this.store.updateConversation(conv.id, { orderFlow: flow?.step ? { ...flow, at: Date.now() } : flow }, undefined, BACKGROUND);
  }

  private async say(conv: ConversationRecord, step: Step, text: string, orderNumber?: string, extra: { links?: Link[]; quickReplies?: QuickReply[] } = {}) {
    const decision: BotDecision = {
      outcome: 'order',
      via: 'order-status',
      faqId: ORDER_FAQ_ID,
      confidence: 1,
      lang: conv.lang,
      langConfidence: conv.langConfidence,
      order: { step, ...(orderNumber ? { orderNumber } : {}) },
    };
    await this.conversations.append(conv, {
      author: 'bot',
      text,
      lang: conv.lang,
      bot: decision,
      ...(extra.links?.length ? { links: extra.links } : {}),
      ...(extra.quickReplies?.length ? { quickReplies: extra.quickReplies } : {}),
    });
  }
}

/** The bot's decision leaves room for an order's status: the order-tracking entry, or nothing the FAQ is sure of. */
function aboutStatus(d: BotDecision): boolean {
  if (d.outcome === 'answer') return d.faqId === ORDER_FAQ_ID;
  if (d.outcome === 'suggest') return !!d.suggestions?.some((s) => s.faqId === ORDER_FAQ_ID);
  return d.outcome === 'fallback';
}

/** The status message and the carrier's link, from the webhook's answer only. */
export function describeOrder(order: OrderStatus, orderNumber: string, lang: string): { text: string; links: Link[] } {
  const s = orderStrings(lang);
  const { carrier, url } = trackingLink(order.carrier, order.trackingNumber);
  const shipped = order.shippedAt ? formatDay(order.shippedAt, lang) : undefined;
  // "Order 48213: shipped on 4 December 2026." rather than saying "shipped" twice.
  const lines = [s.headline(orderNumber, order.status === 'shipped' && shipped ? `${s.status.shipped} ${s.on} ${shipped}` : s.status[order.status])];
  if (shipped && order.status !== 'shipped') lines.push(s.shippedOn(shipped));
  if (carrier) lines.push(s.carrier(carrier, order.trackingNumber));
  if (order.estimatedDelivery && order.status !== 'delivered') lines.push(s.expected(formatDay(order.estimatedDelivery, lang)));
  if (order.items?.length) lines.push(s.items(order.items.map((i) => (i.quantity && i.quantity > 1 ? `${i.name} ×${i.quantity}` : i.name)).join(', ')));
  return { text: lines.join(' '), links: url && carrier ? [{ label: s.track(carrier), url }] : [] };
}
