// Shared moves on a conversation: append a message and tell everyone who should see it,
// change status and announce it. Visitor and agent services both go through here so a
// fact is published the same way whoever caused it.
import { SERVER_EVT } from '../../../protocol/events.js';
import type { Lang, QueueRemoved } from '../../../protocol/types.js';
import type { ChatStore, AppendResult, WriteOptions } from '../../storage/chat-store.js';
import type { ConversationRecord, NewMessage } from '../../storage/records.js';
import { AppError } from '../app-error.js';
import { ERR } from '../../../protocol/events.js';
import type { Notifier } from '../notifier.js';
import { queueLangOf } from './queue-lang.js';
import { toSummary, toVisitorMessage, toVisitorView } from './views.js';

/** Told of every transition after it is stored, whoever made it (routing follows closes and language moves). */
export type TransitionWatcher = (before: ConversationRecord, after: ConversationRecord) => void;

/** Told of every message stored for the first time, after it is published (e-mail follows agents' replies). */
export type AppendWatcher = (conv: ConversationRecord, message: AppendResult['message']) => void;

export class Conversations {
  private readonly watchers: TransitionWatcher[] = [];
  private readonly appendWatchers: AppendWatcher[] = [];

  constructor(
    private readonly store: ChatStore,
    private readonly notifier: Notifier,
  ) {}

  watch(watcher: TransitionWatcher): void {
    this.watchers.push(watcher);
  }

  watchAppends(watcher: AppendWatcher): void {
    this.appendWatchers.push(watcher);
  }

  /**
   * Store, then publish to the visitor's tabs and to the agents following the conversation.
   * `fromSocket`: the visitor socket that sent it gets the message in its ack, not twice.
   */
  async append(conv: ConversationRecord, message: NewMessage, fromSocket?: string): Promise<AppendResult> {
    const result = await this.store.appendMessage(conv.id, message);
    if (result.created) {
      // Internal notes are for agents only.
      if (!result.message.internal) {
        this.notifier.toVisitor(conv.visitorId, SERVER_EVT.messageCreated, toVisitorMessage(result.message), fromSocket ? { except: fromSocket } : undefined);
      }
      this.notifier.toConversation(conv.id, SERVER_EVT.messageCreated, result.message);
      for (const watcher of this.appendWatchers) watcher(conv, result.message);
    }
    return result;
  }

  /** Compare-and-set update, then announce the new state to both sides. */
  async transition(
    conv: ConversationRecord,
    patch: Partial<ConversationRecord>,
    expect?: Partial<Pick<ConversationRecord, 'status' | 'assignedAgentId'>>,
  ): Promise<ConversationRecord> {
    const next = await this.store.updateConversation(conv.id, patch, expect);
    if (!next) throw new AppError(ERR.conflict, 'The conversation changed meanwhile; reload it.');
    this.announce(next);
    for (const watcher of this.watchers) watcher(conv, next);
    return next;
  }

  /**
   * The one way a chat's language changes, whoever changes it: the detector, the visitor's own
   * choice or an agent's correction. A choice (`locked`) wins over detection from then on and is
   * compare-and-set on the status (a claim in between wins: CONFLICT). Detection is not: it runs
   * in the visitor's own queue of work, and its write is not awaited alone (`opts`). A waiting
   * chat that changes language leaves one language's queue for the other's.
   */
  async setLanguage(
    conv: ConversationRecord,
    change: { lang: Lang; confidence: number; locked?: boolean },
    opts?: WriteOptions,
  ): Promise<ConversationRecord> {
    const moved = change.lang !== conv.lang;
    const patch: Partial<ConversationRecord> = { lang: change.lang, langConfidence: change.confidence, ...(change.locked ? { langLocked: true } : {}) };
    let next: ConversationRecord;
    if (change.locked) {
      next = await this.transition(conv, patch, { status: conv.status });
    } else {
      const stored = await this.store.updateConversation(conv.id, patch, undefined, opts);
      if (!stored) throw new AppError(ERR.conflict, 'The conversation changed meanwhile; reload it.');
      next = stored;
      if (moved) this.announce(next);
    }
    if (moved && conv.status === 'queued') {
      this.announceDequeued(conv, 'moved');
      this.announceQueued(next);
    }
    return next;
  }

  /** "Is typing…" to the other side: volatile (dropped rather than queued), never stored. */
  typing(conv: Pick<ConversationRecord, 'id' | 'visitorId'>, author: 'visitor' | 'agent', typing: boolean): void {
    const signal = { conversationId: conv.id, author, typing };
    if (author === 'visitor') this.notifier.toConversation(conv.id, SERVER_EVT.typingChanged, signal, { volatile: true });
    else this.notifier.toVisitor(conv.visitorId, SERVER_EVT.typingChanged, signal, { volatile: true });
  }

  announce(conv: ConversationRecord): void {
    this.notifier.toVisitor(conv.visitorId, SERVER_EVT.conversationUpdated, toVisitorView(conv));
    this.notifier.toConversation(conv.id, SERVER_EVT.conversationUpdated, toSummary(conv));
  }

  /** A chat enters its language queue: every online agent who speaks it sees it at once. */
  announceQueued(conv: ConversationRecord): void {
    this.notifier.toLanguage(conv.siteId, queueLangOf(conv), SERVER_EVT.queueAdded, toSummary(conv));
  }

  /** Keep queue previews fresh for agents who have not opened the chat. */
  announceQueuePreview(conv: ConversationRecord): void {
    this.notifier.toLanguage(conv.siteId, queueLangOf(conv), SERVER_EVT.conversationUpdated, toSummary(conv));
  }

  announceDequeued(conv: ConversationRecord, reason: QueueRemoved['reason']): void {
    this.notifier.toLanguage(conv.siteId, queueLangOf(conv), SERVER_EVT.queueRemoved, { conversationId: conv.id, reason });
  }
}
