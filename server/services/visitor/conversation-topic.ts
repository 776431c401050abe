// What a conversation is about, kept from the bot's readings of the visitor's words (faq/topic.ts)
// so that a hand-off is routed to an agent with that skill (server/routing/).
import type { BotDecision } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { ConversationRecord } from '../../storage/records.js';

/** Below this, a reading is a guess that does not replace a firmer one. */
const FIRM_TOPIC = 0.5;

/**
 * A new reading replaces the last one unless it is a weak guess against a firmer one ("I want a
 * person" after "my parcel arrived broken" is still about the parcel); an agent's correction is
 * never overwritten. Written in the background: the bot's message that follows is awaited.
 */
export async function keepTopic(store: ChatStore, conv: ConversationRecord, decision: BotDecision): Promise<ConversationRecord> {
  const next = decision.topic;
  const old = conv.topic;
  if (!next || old?.via === 'agent') return conv;
  const replaces = !old || ((old.id !== next.id || old.confidence !== next.confidence) && next.confidence >= Math.min(old.confidence, FIRM_TOPIC));
  if (!replaces) return conv;
  return (await store.updateConversation(conv.id, { topic: next }, undefined, { persist: 'background' })) ?? conv;
}
