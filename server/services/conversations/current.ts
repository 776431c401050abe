// A visitor's current conversation: the one their widget shows, the last they started or
// reopened. Every visitor command that acts on "my conversation" finds it here, from the
// identity the socket established (never from a payload).
import type { ChatStore } from '../../storage/chat-store.js';
import type { ConversationRecord, VisitorRecord } from '../../storage/records.js';

export async function conversationOf(store: ChatStore, visitor: VisitorRecord | undefined): Promise<ConversationRecord | undefined> {
  return visitor?.currentConversationId ? store.getConversation(visitor.currentConversationId) : undefined;
}

export async function currentConversation(store: ChatStore, visitorId: string | undefined): Promise<ConversationRecord | undefined> {
  return conversationOf(store, visitorId ? await store.getVisitor(visitorId) : undefined);
}
