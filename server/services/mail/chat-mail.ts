// The e-mails a chat sends: its transcript when the visitor asks, and a note when an agent
// answers a visitor who left an e-mail and is no longer connected (at most one per visitor turn).
import { ERR } from '../../../protocol/events.js';
import type { TranscriptSend } from '../../../protocol/schemas.js';
import type { Message, VisitorConversation } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { ConversationRecord } from '../../storage/records.js';
import { AppError, notFound } from '../app-error.js';
import type { SiteRegistry } from '../sites/site-registry.js';
import { toVisitorView } from '../conversations/views.js';
import type { Mailer } from './mailer.js';
import { mailStrings } from './mail-strings.js';
import { transcriptText } from './transcript.js';

/** Transcripts per conversation: enough for a typo in the address, not a way to send mail at will. */
export const MAX_TRANSCRIPTS = 3;

export interface ChatMailDeps {
  store: ChatStore;
  sites: SiteRegistry;
  mailer: Mailer | null;
  /** Whether any tab of the visitor is connected now (across servers: Socket.IO rooms). */
  visitorOnline(visitorId: string): Promise<boolean>;
  onError(err: unknown): void;
}

export class ChatMail {
  constructor(private readonly deps: ChatMailDeps) {}

  get enabled(): boolean {
    return this.deps.mailer !== null;
  }

  private siteName(conv: ConversationRecord): string {
    return this.deps.sites.get(conv.siteId)?.site.name ?? conv.siteId;
  }

  /** The caller's own conversation's transcript, to the address given or the one they left. */
  async transcript(visitorId: string | undefined, input: TranscriptSend): Promise<{ conversation: VisitorConversation }> {
    const { mailer, store } = this.deps;
    if (!mailer) throw new AppError(ERR.forbidden, 'This server sends no e-mail');
    const visitor = visitorId ? await store.getVisitor(visitorId) : undefined;
    const conv = visitor?.currentConversationId ? await store.getConversation(visitor.currentConversationId) : undefined;
    if (!conv) throw notFound('Conversation');
    const to = input.email ?? conv.contactEmail;
    if (!to) throw new AppError(ERR.badPayload, 'email: required (no e-mail was left in this chat)');
    if ((conv.transcriptsSent ?? 0) >= MAX_TRANSCRIPTS) throw new AppError(ERR.rateLimited, 'This transcript was sent enough times');
    // Counted before sending: two clicks at once cannot both pass the limit.
    const counted = (await store.updateConversation(conv.id, { transcriptsSent: (conv.transcriptsSent ?? 0) + 1 }))!;
    const s = mailStrings(conv.lang);
    const site = this.siteName(conv);
    const messages = await store.listMessages(conv.id, 0, conv.lastSeq);
    try {
      await mailer.send({
        to,
        lang: conv.lang,
        subject: s.transcriptSubject(site),
        text: `${s.transcriptIntro(site)}\n\n${transcriptText(conv, messages)}\n\n-- \n${s.footer}\n`,
      });
    } catch (err) {
      this.deps.onError(err);
      throw new AppError(ERR.internal, 'The e-mail could not be sent; please try again later');
    }
    return { conversation: toVisitorView(counted) };
  }

  /** After every stored message: an agent's reply to a visitor who left an e-mail and is gone. */
  async afterMessage(conv: ConversationRecord, message: Message): Promise<void> {
    const { mailer, store } = this.deps;
    if (!mailer || message.author !== 'agent' || message.internal) return;
    const current = await store.getConversation(conv.id);
    if (!current?.contactEmail) return;
    // One mail per visitor turn: not again until the visitor has written since the last one.
    const recent = await store.listMessages(conv.id, Math.max(0, current.lastSeq - 100), 100);
    const lastVisitorAt = recent.filter((m) => m.author === 'visitor').pop()?.createdAt ?? 0;
    if (current.mailNotifiedAt !== undefined && current.mailNotifiedAt >= lastVisitorAt) return;
    if (await this.deps.visitorOnline(conv.visitorId)) return;
    await store.updateConversation(conv.id, { mailNotifiedAt: message.createdAt });
    const s = mailStrings(current.lang);
    const site = this.siteName(current);
    await mailer.send({
      to: current.contactEmail,
      lang: current.lang,
      subject: s.replySubject(site),
      text: `${s.replyIntro(message.authorName ?? site, site)}\n\n${message.text}\n\n${s.replyOutro}\n\n-- \n${s.footer}\n`,
    });
  }
}
