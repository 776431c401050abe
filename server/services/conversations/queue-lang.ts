// A chat's language is the visitor's: the bot, the widget and every system line use it. An
// agent may still send the chat to another language's agents (a transfer to that queue); the
// record then keeps that language apart (`queueLang`), so routing, queue rooms and who may
// claim it follow the queue while the visitor keeps being spoken to in their own language.
import type { Lang } from '../../../protocol/types.js';
import type { ConversationRecord } from '../../storage/records.js';

/** The language whose agents the chat is routed to. */
export const queueLangOf = (c: Pick<ConversationRecord, 'lang' | 'queueLang'>): Lang => c.queueLang ?? c.lang;
