// The bot's messages to a visitor, from its decision (bot/site-bot.ts): an FAQ answer, a reply
// in kind to small talk, "did you mean" buttons. Each is stored with the decision that made it,
// and the chat stays with the bot (stepping aside is the visitor service's: it hands off).
import type { ChatStore, WriteOptions } from '../../storage/chat-store.js';
import type { ConversationRecord } from '../../storage/records.js';
import type { BotReply } from '../../bot/site-bot.js';
import { botStrings } from '../../bot/bot-strings.js';
import type { Conversations } from '../conversations/conversations.js';
import { siteWelcome, type LoadedSite } from '../sites/site-registry.js';

/** Not awaited alone (chat-store.ts, WriteOptions): the message just appended was. */
const BACKGROUND: WriteOptions = { persist: 'background' };

export class BotReplies {
  constructor(
    private readonly store: ChatStore,
    private readonly conversations: Conversations,
  ) {}

  /** Posts the reply when it is one the bot gives itself; false when it is not (a person's turn). */
  async post(loaded: LoadedSite, conv: ConversationRecord, reply: BotReply): Promise<boolean> {
    if (reply.answer) {
      await this.answer(conv, reply);
      return true;
    }
    if (reply.smallTalk) {
      // "hi", "thanks": a reply in kind and the site's topics; no person is called and nothing
      // is listed as unanswered.
      await this.conversations.append(conv, {
        author: 'bot',
        text: reply.smallTalk.text,
        quickReplies: siteWelcome(loaded, conv.lang).topics,
        lang: conv.lang,
        bot: reply.decision,
      });
      await this.store.updateConversation(conv.id, { lastAnswer: reply.smallTalk.lastAnswer }, undefined, BACKGROUND);
      return true;
    }
    if (reply.decision.outcome === 'suggest') {
      // "Did you mean…?": a button sends its question as a message.
      const quickReplies = reply.decision.suggestions!.map((x) => ({ label: x.question, text: x.question }));
      await this.conversations.append(conv, { author: 'bot', text: botStrings(conv.lang).suggest, quickReplies, lang: conv.lang, bot: reply.decision });
      return true;
    }
    return false;
  }

  /** An FAQ answer (reply.answer set), with `note` above it (e.g. "still in line for a person"). */
  async answer(conv: ConversationRecord, reply: BotReply, note?: string): Promise<void> {
    const answer = reply.answer!;
    const otherLang = reply.decision.faqLang ? botStrings(conv.lang).otherLang(reply.decision.faqLang) : undefined;
    const lines = [otherLang, note].filter(Boolean).join(' ');
    await this.conversations.append(conv, {
      author: 'bot',
      text: answer.text,
      ...(answer.links ? { links: answer.links } : {}),
      ...(lines ? { note: lines } : {}),
      lang: conv.lang,
      bot: reply.decision,
    });
    await this.store.updateConversation(conv.id, { lastAnswer: { faqId: reply.decision.faqId!, variant: answer.variant } }, undefined, BACKGROUND);
  }
}
