// A visitor's side of the loop: store the message → detect the language → let the bot answer
// or hand off to the language queue.
import { ERR, SYNC_PAGE_MESSAGES } from '../../../protocol/events.js';
import type { HandoffRequest, VisitorMessageSend } from '../../../protocol/schemas.js';
import type {
  BotDecision,
  QueuePosition,
  VisitorHandoffResult,
  VisitorSendResult,
  VisitorSyncResult,
  VerifiedIdentity,
} from '../../../protocol/types.js';
import type { Bots } from '../../bot/bots.js';
import type { Thought } from '../../bot/engine.js';
import { BOT_INPUT_MAX_CHARS } from '../../bot/limits.js';
import type { ChatStore, WriteOptions } from '../../storage/chat-store.js';
import type { ConversationRecord, VisitorRecord } from '../../storage/records.js';
import { AppError, notFound } from '../app-error.js';
import { botStrings } from '../../bot/bot-strings.js';
import { keepTopic } from './conversation-topic.js';
import { BotReplies } from './bot-replies.js';
import { recordUnanswered } from '../faq/bot-feedback.js';
import type { Conversations } from '../conversations/conversations.js';
import { currentConversation } from '../conversations/current.js';
import { KeyedSerial } from '../serial.js';
import { hashToken } from '../secrets.js';
import { browserLanguage } from './browser-language.js';
import { publicSiteInfo, siteWelcome, type LoadedSite, type SiteRegistry } from '../sites/site-registry.js';
import { syncPage } from './sync-page.js';
import { toVisitorView } from '../conversations/views.js';
import type { VisitorContext } from './visitor-context.js';
import type { VisitorDetails } from './visitor-details.js';
import { ensureConversation, ensureVisitor } from './visitor-records.js';
import { proactiveText } from '../../widget-config/proactive-message.js';
import type { OrderFlow } from '../orders/order-flow.js';

/** Routing, as the visitor side needs it (services/routing/routing-service.ts). */
export interface VisitorRouting {
  handoff(conv: ConversationRecord): Promise<void>;
  queueFor(conv: ConversationRecord): QueuePosition | null;
}

export interface VisitorServiceDeps {
  sites: SiteRegistry;
  store: ChatStore;
  conversations: Conversations;
  bots: Bots;
  routing: VisitorRouting;
  details: VisitorDetails;
  /** The order-status exchange (server/services/orders/), for sites with an order webhook. */
  orders?: OrderFlow;
  onError: (err: unknown) => void;
  /** The server sends e-mail (SMTP configured): the widget offers the transcript. */
  mailEnabled?: boolean;
}

export class VisitorService {
  private serial = new KeyedSerial();
  private readonly replies: BotReplies;
  constructor(private readonly deps: VisitorServiceDeps) {
    this.replies = new BotReplies(deps.store, deps.conversations);
  }

  private get store() {
    return this.deps.store;
  }

  private site(siteId: string): LoadedSite {
    const loaded = this.deps.sites.get(siteId);
    if (!loaded || loaded.site.disabled) throw new AppError(ERR.unknownSite, `Unknown site "${siteId}"`);
    return loaded;
  }

  /** Token → visitor, bound to its site: a token from another site is simply unknown. */
  async authenticate(siteId: string, token: string): Promise<VisitorRecord | undefined> {
    return this.store.findVisitorByToken(siteId, hashToken(token));
  }

  async sync(ctx: VisitorContext, afterSeq: number): Promise<VisitorSyncResult> {
    const loaded = this.site(ctx.siteId);
    const { site } = loaded;
    const conv = await currentConversation(this.store, ctx.visitorId);
    // The welcome rides on the sync every opening panel asks for: no request of its own, nothing stored.
    const welcome = siteWelcome(loaded, conv?.lang ?? browserLanguage(site, ctx.languages));
    const features = { email: !!this.deps.mailEnabled };
    if (!conv) return { site: publicSiteInfo(site), conversation: null, messages: [], through: 0, more: false, welcome, features };
    const { messages, through } = syncPage(await this.store.listMessages(conv.id, Math.min(afterSeq, conv.lastSeq), SYNC_PAGE_MESSAGES), afterSeq);
    const more = through < conv.lastSeq;
    return { site: publicSiteInfo(site), conversation: toVisitorView(conv), messages, through: more ? through : conv.lastSeq, more, queue: this.deps.routing.queueFor(conv), welcome, features };
  }

  /**
   * Resolves as soon as the visitor's message is stored (the ack); the bot's part runs after it,
   * in order per visitor, and publishes its reply as `message:created`.
   */
  async send(ctx: VisitorContext, input: VisitorMessageSend): Promise<{ result: VisitorSendResult; visitorId: string }> {
    const loaded = this.site(ctx.siteId);
    const { visitor, token } = await ensureVisitor(this.store, ctx);
    return new Promise((resolve, reject) => {
      void this.serial
        .run(visitor.id, async () => {
          const conv = await this.deps.details.record(ctx, await ensureConversation({ store: this.store, conversations: this.deps.conversations }, visitor, loaded, input.text, input.page), input.page);
          // An answer to a proactive message, as the chat's first words: that message first.
          const said = input.proactive && conv.lastSeq === 0 ? proactiveText(await this.store.getSite(ctx.siteId), input.proactive, conv.lang) : undefined;
          if (said) await this.deps.conversations.append(conv, { author: 'bot', text: said, lang: conv.lang });
          const { message, created, conversation: appended } = await this.deps.conversations.append(conv, {
            author: 'visitor',
            text: input.text,
            clientId: input.clientId,
            ...(input.page ? { page: input.page } : {}),
          }, ctx.socketId);
          // The store hands back the conversation as the append left it: no second read per message.
          const current = appended ?? (await this.store.getConversation(conv.id))!;
          resolve({ result: { message, conversation: toVisitorView(current), ...(token ? { token } : {}) }, visitorId: visitor.id });
          // The bot and the detector read at most BOT_INPUT_MAX_CHARS: long input never slows others.
          if (created) await this.afterVisitorMessage(loaded, current, input.text.slice(0, BOT_INPUT_MAX_CHARS), ctx.languages, ctx.verified);
        })
        .catch((err) => {
          reject(err);
          this.deps.onError(err);
        });
    });
  }

  async requestHandoff(ctx: VisitorContext, input: HandoffRequest): Promise<{ result: VisitorHandoffResult; visitorId: string }> {
    const loaded = this.site(ctx.siteId);
    const { visitor, token } = await ensureVisitor(this.store, ctx);
    return this.serial.run(visitor.id, async () => {
      let conv = await this.deps.details.record(ctx, await ensureConversation({ store: this.store, conversations: this.deps.conversations }, visitor, loaded, '', input.page), input.page);
      if (conv.status === 'bot') conv = await this.queue(conv, decision(conv, 'handoff', 'button'));
      return { result: { conversation: toVisitorView(conv), ...(token ? { token } : {}) }, visitorId: visitor.id };
    });
  }

  async markRead(ctx: VisitorContext, seq: number): Promise<void> {
    // The store may have lost it (its shard set aside as damaged at start): missing, not a crash.
    const conv = await currentConversation(this.store, ctx.visitorId);
    if (!conv) throw notFound('Conversation');
    const readSeq = Math.min(Math.max(conv.visitorReadSeq, seq), conv.lastSeq);
    if (readSeq !== conv.visitorReadSeq) await this.store.updateConversation(conv.id, { visitorReadSeq: readSeq });
  }

  /** The visitor is typing (or stopped): the agents following their chat see it, if there is one. */
  async typing(ctx: VisitorContext, typing: boolean): Promise<void> {
    const conv = await currentConversation(this.store, ctx.visitorId);
    if (conv) this.deps.conversations.typing(conv, 'visitor', typing);
  }

  private async afterVisitorMessage(loaded: LoadedSite, conv: ConversationRecord, text: string, browser: string[], verified?: VerifiedIdentity) {
    const { site } = loaded;
    if (!conv.firstMessage) conv = (await this.store.updateConversation(conv.id, { firstMessage: text.slice(0, 280) }))!;
    if (conv.status === 'queued') {
      this.deps.conversations.announceQueuePreview(conv);
      return this.answerWhileQueued(conv, text, browser);
    }
    if (conv.status !== 'bot') return;
    const orders = this.deps.orders;
    // The visitor answering the bot's question about an order (its number, its e-mail): in the
    // chat's language ("48213" says none), unless they asked for a person (the bot's decision).
    const waiting = orders?.waiting(conv) ? { lang: conv.lang, confidence: conv.langConfidence } : undefined;
    const thought = await this.think(site.id, conv, text, browser, waiting);
    if (waiting && (await orders!.answer(site, conv, text, thought.reply.decision, verified))) return;
    const { detected } = thought;
    let { reply } = thought;
    // The first message settles the provisional language (ensureConversation); later ones move it
    // only when detection says another language.
    if (detected.lang !== conv.lang || (conv.lastSeq <= 1 && conv.langConfidence !== detected.confidence)) {
      // Not awaited alone: the bot's message that follows is (chat-store.ts, WriteOptions).
      conv = await this.deps.conversations.setLanguage(conv, detected, BACKGROUND);
    }
    // What the visitor is asking about, for routing by skill if a person takes over.
    conv = await keepTopic(this.store, conv, reply.decision);
    // A question about an order, on a site whose webhook can answer it; then an answer, small
    // talk or "did you mean": the chat stays with the bot.
    if (await orders?.start(site, conv, text, reply.decision, verified)) return;
    const offer = reply.answer && (await orders?.offer(site, conv, reply.decision));
    if (offer) reply = { ...reply, answer: { ...reply.answer!, text: `${reply.answer!.text}\n\n${offer}` } };
    if (await this.replies.post(loaded, conv, reply)) return;
    if (reply.decision.outcome === 'fallback') {
      await this.deps.conversations.append(conv, { author: 'bot', text: botStrings(conv.lang).fallback, lang: conv.lang, bot: reply.decision });
      await recordUnanswered(this.store, conv, text, 'stepped-aside', reply.decision);
    }
    await this.queue(conv, reply.decision);
  }

  /**
   * While the chat waits for a person the bot still answers what it is sure of (and says the
   * visitor keeps their place), in the queue's language; small talk, "did you mean" and anything
   * unsure wait for the person, who sees it all. Once an agent has it, the bot is silent.
   */
  private async answerWhileQueued(conv: ConversationRecord, text: string, browser: string[]) {
    const { reply } = await this.think(conv.siteId, conv, text, browser, { lang: conv.lang, confidence: conv.langConfidence });
    if (!reply.answer) return;
    // An agent may have joined while the bot thought.
    const now = await this.store.getConversation(conv.id);
    if (now?.status === 'queued') await this.replies.answer(now, reply, botStrings(now.lang).stillQueued);
  }

  /**
   * Language and FAQ decision (server/bot/). A conversation's language is sticky: short messages
   * lean on what it already said; chosen by the visitor or an agent (langLocked), it wins over
   * detection. If the bot fails, the visitor is not left waiting: a person takes over.
   */
  private async think(siteId: string, conv: ConversationRecord, text: string, browser: string[], lock?: Thought['detected']): Promise<Thought> {
    const locked = lock ?? (conv.langLocked ? { lang: conv.lang, confidence: 1 } : undefined);
    try {
      return await this.deps.bots.think({
        siteId,
        text,
        hints: { browser, ...(conv.visit?.pageLang ? { page: conv.visit.pageLang } : {}), ...(conv.lastSeq > 1 ? { conversation: conv.lang } : {}) },
        ...(locked ? { locked } : {}),
        ...(conv.lastAnswer ? { last: conv.lastAnswer } : {}),
      });
    } catch (err) {
      this.deps.onError(err);
      const detected = { lang: conv.lang, confidence: conv.langConfidence };
      return { detected, reply: { decision: { ...decision(conv, 'fallback', 'none'), langConfidence: detected.confidence } } };
    }
  }

  /** Hand off: the chat joins its language queue, the visitor is told so, then routing offers it. */
  private async queue(conv: ConversationRecord, why: BotDecision): Promise<ConversationRecord> {
    const now = Date.now();
    const queued = await this.deps.conversations.transition(conv, { status: 'queued', queuedAt: now, handedOffAt: conv.handedOffAt ?? now }, { status: 'bot' });
    await this.deps.conversations.append(queued, { author: 'system', text: botStrings(queued.lang).handoff, lang: queued.lang, bot: why });
    await this.deps.routing.handoff((await this.store.getConversation(queued.id))!);
    // Possibly assigned already: return what is true now, not what was true before routing.
    return (await this.store.getConversation(queued.id))!;
  }
}

/** For changes that need no ack of their own (chat-store.ts, WriteOptions): the next awaited write covers them. */
const BACKGROUND: WriteOptions = { persist: 'background' };

const decision = (conv: ConversationRecord, outcome: BotDecision['outcome'], via: BotDecision['via']): BotDecision => ({
  outcome,
  via,
  faqId: null,
  confidence: 0,
  lang: conv.lang,
  langConfidence: conv.langConfidence,
});

