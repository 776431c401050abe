// The visitor's say on the bot (issue #3): "Did this help?" on an answer, and the chat's language.
// An unhelpful answer, like a question the bot stepped aside on, joins the site's unanswered list.
import { ERR } from '../protocol/events.js';
import type { FeedbackSend, VisitorSetLang } from '../protocol/schemas.js';
import type { BotDecision, VisitorConversation } from '../protocol/types.js';
import type { ChatStore } from '../storage/chat-store.js';
import type { ConversationRecord } from '../storage/records.js';
import { AppError, notFound } from './app-error.js';
import { botStrings } from './bot-strings.js';
import type { Conversations } from './conversations.js';
import { newId } from './secrets.js';
import type { SiteRegistry } from './site-registry.js';
import { toVisitorView } from './views.js';

export async function recordUnanswered(
  store: ChatStore,
  conv: ConversationRecord,
  text: string,
  reason: 'stepped-aside' | 'unhelpful',
  decision?: BotDecision,
): Promise<void> {
  const best = decision?.candidates?.[0];
  await store.addUnanswered({
    id: newId(),
    siteId: conv.siteId,
    text: text.slice(0, 500),
    lang: conv.lang,
    at: Date.now(),
    conversationId: conv.id,
    reason,
    ...(best ? { best } : {}),
  });
}

export class BotFeedback {
  constructor(
    private readonly conversations: Conversations,
    private readonly sites: SiteRegistry,
  ) {}

  private get store() {
    return this.conversations.store;
  }

  /** The caller's own current conversation: the identity comes from the socket, never the payload. */
  private async current(visitorId: string | undefined): Promise<ConversationRecord> {
    const visitor = visitorId ? await this.store.getVisitor(visitorId) : undefined;
    const conv = visitor?.currentConversationId ? await this.store.getConversation(visitor.currentConversationId) : undefined;
    if (!conv) throw notFound('Conversation');
    return conv;
  }

  /** "Did this help?" on a bot answer; "no" records the question and offers a person at once. */
  async send(visitorId: string | undefined, input: FeedbackSend): Promise<{ conversation: VisitorConversation }> {
    const conv = await this.current(visitorId);
    const [answer] = await this.store.listMessages(conv.id, input.seq - 1, 1);
    if (!answer || answer.seq !== input.seq || answer.author !== 'bot' || answer.bot?.outcome !== 'answer') {
      throw notFound('Bot answer');
    }
    const value = input.helpful ? 'helpful' : 'unhelpful';
    // Once per answer: a second click (or a resend) changes nothing.
    if (conv.feedback?.[input.seq]) return { conversation: toVisitorView(conv) };
    const next = (await this.store.updateConversation(conv.id, { feedback: { ...conv.feedback, [input.seq]: value } }))!;
    if (!input.helpful) {
      const before = await this.store.listMessages(conv.id, Math.max(0, input.seq - 6), 5);
      const question = before.filter((m) => m.author === 'visitor' && m.seq < input.seq).pop();
      await recordUnanswered(this.store, next, question?.text ?? '', 'unhelpful', answer.bot);
      if (next.status === 'bot') {
        const s = botStrings(next.lang);
        await this.conversations.append(next, { author: 'bot', text: s.unhelpful, quickReplies: [s.person], lang: next.lang });
      }
    }
    return { conversation: toVisitorView((await this.store.getConversation(conv.id))!) };
  }

  /** The visitor picks the chat's language: it wins over detection from then on (langLocked). */
  async setLang(siteId: string, visitorId: string | undefined, input: VisitorSetLang): Promise<{ conversation: VisitorConversation }> {
    const site = this.sites.get(siteId)?.site;
    const lang = input.lang.toLowerCase();
    if (!site?.languages.includes(lang)) {
      throw new AppError(ERR.badPayload, `lang: "${input.lang}" is not one of ${site?.languages.join(', ')}`);
    }
    const conv = await this.current(visitorId);
    if (conv.lang === lang && conv.langLocked) return { conversation: toVisitorView(conv) };
    const next = await this.conversations.transition(conv, { lang, langConfidence: 1, langLocked: true }, { status: conv.status });
    if (conv.status === 'queued' && conv.lang !== lang) {
      this.conversations.announceDequeued(conv, 'moved');
      this.conversations.announceQueued(next);
    }
    return { conversation: toVisitorView(next) };
  }
}
