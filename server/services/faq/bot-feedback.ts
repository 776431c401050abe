// The visitor's say on the bot: "Did this help?" on an answer, and the chat's language.
// An unhelpful answer, like a question the bot stepped aside on, joins the site's unanswered list;
// a helpful answer reached through "did you mean" proposes the visitor's words as a phrasing.
import { ERR } from '../../../protocol/events.js';
import type { FeedbackSend, VisitorSetLang } from '../../../protocol/schemas.js';
import type { BotDecision, Message, VisitorConversation } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { ConversationRecord } from '../../storage/records.js';
import { AppError, notFound } from '../app-error.js';
import { botStrings } from '../../bot/bot-strings.js';
import type { FaqAdditions, Proposal } from './faq-additions.js';
import type { Conversations } from '../conversations/conversations.js';
import { currentConversation } from '../conversations/current.js';
import { newId } from '../secrets.js';
import type { SiteRegistry } from '../sites/site-registry.js';
import { toVisitorView } from '../conversations/views.js';

export async function recordUnanswered(
  store: ChatStore,
  conv: ConversationRecord,
  text: string,
  reason: 'stepped-aside' | 'unhelpful',
  decision?: BotDecision,
): Promise<void> {
  const candidates = decision?.candidates?.map(({ faqId, confidence }) => ({ faqId, confidence }));
  const best = candidates?.[0];
  await store.addUnanswered({
    id: newId(),
    siteId: conv.siteId,
    text: text.slice(0, 500),
    lang: conv.lang,
    at: Date.now(),
    conversationId: conv.id,
    reason,
    ...(best ? { best } : {}),
    // The console offers these first when the question is added to the FAQ.
    ...(candidates?.length ? { candidates } : {}),
  });
}

/**
 * The visitor's own words behind a helpful answer reached through "did you mean": the answer at
 * `answer.seq` follows the visitor's pick of one of the bot's suggestions, which followed their
 * question. Anything else (an answer given straight away, a pick typed differently) is null.
 */
export function suggestedQuestion(before: readonly Message[], answer: Message): Proposal | null {
  const faqId = answer.bot?.faqId;
  const prior = before.filter((m) => m.seq < answer.seq && !m.internal);
  const pick = prior.pop();
  const suggestion = prior.pop();
  const question = prior.pop();
  if (!faqId || pick?.author !== 'visitor' || suggestion?.author !== 'bot' || question?.author !== 'visitor') return null;
  if (suggestion.bot?.outcome !== 'suggest') return null;
  const offered = suggestion.bot.suggestions?.find((s) => s.faqId === faqId);
  if (!offered || offered.question.trim() !== pick.text.trim()) return null;
  return { lang: answer.bot?.faqLang ?? answer.bot?.lang ?? suggestion.bot.lang, faqId, text: question.text.slice(0, 500) };
}

export class BotFeedback {
  constructor(
    private readonly store: ChatStore,
    private readonly conversations: Conversations,
    private readonly sites: SiteRegistry,
    /** Where a helpful "did you mean" choice is proposed as a phrasing (absent: not proposed). */
    private readonly faq?: FaqAdditions,
  ) {}

  /** The caller's own current conversation: the identity comes from the socket, never the payload. */
  private async current(visitorId: string | undefined): Promise<ConversationRecord> {
    const conv = await currentConversation(this.store, visitorId);
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
    if (input.helpful && this.faq) {
      const before = await this.store.listMessages(conv.id, Math.max(0, input.seq - 7), 6);
      const proposal = suggestedQuestion(before, answer);
      // Best effort: the visitor's "yes" is stored either way, and a proposal missed (the bot
      // thread being replaced) is not worth failing their click.
      if (proposal) await this.faq.propose(conv.siteId, proposal).catch(() => null);
    }
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
    const next = await this.conversations.setLanguage(conv, { lang, confidence: 1, locked: true });
    return { conversation: toVisitorView(next) };
  }
}
