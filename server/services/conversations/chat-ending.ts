// The end of a chat: closed by its agent or ended by the visitor, then rated by the visitor once.
// Both ends go through closeConversation so the visitor, the agents and routing hear of it alike.
import { ERR } from '../../../protocol/events.js';
import type { RatingSend } from '../../../protocol/schemas.js';
import type { VisitorConversation } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { ConversationRecord } from '../../storage/records.js';
import { AppError, notFound } from '../app-error.js';
import { botStrings } from '../../bot/bot-strings.js';
import type { Conversations } from './conversations.js';
import { KeyedSerial } from '../serial.js';
import { toVisitorView } from './views.js';

/** Close a chat that is not closed yet; `outcome` is what an agent says of it (tag, resolved). */
export async function closeConversation(
  conversations: Conversations,
  conv: ConversationRecord,
  by: 'visitor' | 'agent',
  outcome: { tag?: string; resolved?: boolean } = {},
): Promise<ConversationRecord> {
  await conversations.append(conv, { author: 'system', text: botStrings(conv.lang).closed, lang: conv.lang });
  const now = Date.now();
  const closed = await conversations.transition(
    conv,
    { status: 'closed', closedAt: now, firstClosedAt: conv.firstClosedAt ?? now, endedBy: by, tag: outcome.tag, resolved: outcome.resolved },
    { status: conv.status },
  );
  if (conv.status === 'queued') conversations.announceDequeued(closed, 'closed');
  return closed;
}

export class ChatEnding {
  /** One end or rating at a time per conversation: a double click never rates twice. */
  private serial = new KeyedSerial();

  constructor(
    private readonly store: ChatStore,
    private readonly conversations: Conversations,
  ) {}

  /** The caller's own current conversation: the identity comes from the socket, never the payload. */
  private async current(visitorId: string | undefined): Promise<ConversationRecord> {
    const visitor = visitorId ? await this.store.getVisitor(visitorId) : undefined;
    const conv = visitor?.currentConversationId ? await this.store.getConversation(visitor.currentConversationId) : undefined;
    if (!conv) throw notFound('Conversation');
    return conv;
  }

  /** The visitor ends the chat, wherever it is (with the bot, waiting, with an agent). */
  async end(visitorId: string | undefined): Promise<{ conversation: VisitorConversation }> {
    const { id } = await this.current(visitorId);
    return this.serial.run(id, async () => {
      const conv = (await this.store.getConversation(id))!;
      if (conv.status === 'closed') throw new AppError(ERR.conflict, 'This chat has already ended');
      return { conversation: toVisitorView(await closeConversation(this.conversations, conv, 'visitor')) };
    });
  }

  /** Once per conversation, and only once it has ended (CONFLICT otherwise). */
  async rate(visitorId: string | undefined, input: RatingSend): Promise<{ conversation: VisitorConversation }> {
    const { id } = await this.current(visitorId);
    return this.serial.run(id, async () => {
      const conv = (await this.store.getConversation(id))!;
      if (conv.status !== 'closed') throw new AppError(ERR.conflict, 'A chat is rated once it has ended');
      if (conv.rating) throw new AppError(ERR.conflict, 'This chat has already been rated');
      const comment = input.comment?.trim().slice(0, 1000);
      const rating = { score: input.score, ...(comment ? { comment } : {}), at: Date.now() };
      const next = await this.store.updateConversation(id, { rating }, { status: 'closed' });
      if (!next) throw new AppError(ERR.conflict, 'The chat changed meanwhile');
      this.conversations.announce(next);
      return { conversation: toVisitorView(next) };
    });
  }
}
