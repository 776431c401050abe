// Shared moves on a conversation: append a message and tell everyone who should see it,
// change status and announce it. Visitor and agent services both go through here so a
// fact is published the same way whoever caused it.
import { SERVER_EVT } from '../../../protocol/events.js';
import type { QueueRemoved } from '../../../protocol/types.js';
import type { ChatStore, AppendResult } from '../../storage/chat-store.js';
import type { ConversationRecord, NewMessage } from '../../storage/records.js';
import { AppError } from '../app-error.js';
import { ERR } from '../../../protocol/events.js';
import type { Notifier } from '../notifier.js';
import { queueLangOf } from './queue-lang.js';
import { toSummary, toVisitorMessage, toVisitorView } from './views.js';

/** Told of every transition after it is stored, whoever made it (routing follows closes and language moves). */
export type TransitionWatcher = (before: ConversationRecord, after: ConversationRecord) => void;

export class Conversations {
  private readonly watchers: TransitionWatcher[] = [];

  constructor(
    readonly store: ChatStore,
    private readonly notifier: Notifier,
  ) {}

  watch(watcher: TransitionWatcher): void {
    this.watchers.push(watcher);
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
