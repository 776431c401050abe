// The context panel's one write: correct a conversation's detected language.
// A waiting chat moves to the new language's queue; the change is logged as an internal line.
import { ERR } from '../../../protocol/events.js';
import type { ConversationSetLang } from '../../../protocol/schemas.js';
import type { ConversationSummary } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord } from '../../storage/records.js';
import { actionable } from '../conversations/agent-access.js';
import { AppError, notFound } from '../app-error.js';
import type { Conversations } from '../conversations/conversations.js';
import { toSummary } from '../conversations/views.js';

export class ContextService {
  constructor(
    private readonly store: ChatStore,
    private readonly conversations: Conversations,
  ) {}

  async setLang(agent: AgentRecord, input: ConversationSetLang): Promise<{ conversation: ConversationSummary }> {
    const conv = await actionable(this.store, agent, input.conversationId);
    // The chat's own site's languages (an agent may work on several sites).
    const site = await this.store.getSite(conv.siteId);
    if (!site) throw notFound('Site');
    const lang = input.lang.toLowerCase();
    if (!site.languages.includes(lang)) {
      throw new AppError(ERR.badPayload, `lang: "${input.lang}" is not one of ${site.languages.join(', ')}`);
    }
    if (conv.lang === lang && conv.langLocked) return { conversation: toSummary(conv) };
    const next = await this.conversations.setLanguage(conv, { lang, confidence: 1, locked: true });
    if (conv.lang === lang) return { conversation: toSummary(next) };
    await this.conversations.append(next, {
      author: 'system',
      text: `${agent.name} set the language to ${lang.toUpperCase()} (was ${conv.lang.toUpperCase()}).`,
      internal: true,
    });
    return { conversation: toSummary((await this.store.getConversation(next.id)) ?? next) };
  }
}
