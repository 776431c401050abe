// The /visitor namespace's typed map (type-only): each command the widget sends with its payload
// and the data of its ok ack, and each fact the server pushes with its payload. Socket.IO's
// generics, the server's command table, the notifier and the widget all read them from here, so
// a wrong payload or ack anywhere is a type error.
import type {
  ContactSet,
  ConversationRead,
  ConversationSync,
  FeedbackSend,
  HandoffRequest,
  RatingSend,
  TranscriptSend,
  VisitorMessageSend,
  VisitorIdentify,
  VisitorSetLang,
  VisitorTyping,
  VisitUpdate,
} from './schemas.js';
import type { FollowUpShown } from './follow-up-schemas.js';
import type {
  QueuePosition,
  TypingChanged,
  VisitorConversation,
  VisitorHandoffResult,
  VisitorIdentifyResult,
  VisitorMessage,
  VisitorSendResult,
  VisitorSyncResult,
} from './types.js';
import type { ClientEvents, Empty, Expect, SameKeys, ServerEvents } from './event-map.js';
import type { VISITOR_CMD } from './events.js';

/** Visitor command → its payload and the data of its ok ack. */
export interface VisitorCommands {
  'conversation:sync': { payload: ConversationSync; ack: VisitorSyncResult };
  'message:send': { payload: VisitorMessageSend; ack: VisitorSendResult };
  'handoff:request': { payload: HandoffRequest; ack: VisitorHandoffResult };
  'conversation:read': { payload: ConversationRead; ack: Empty };
  'typing:set': { payload: VisitorTyping; ack: Empty };
  'contact:set': { payload: ContactSet; ack: { conversation: VisitorConversation } };
  'visit:update': { payload: VisitUpdate; ack: Empty };
  'feedback:send': { payload: FeedbackSend; ack: { conversation: VisitorConversation } };
  'conversation:set-lang': { payload: VisitorSetLang; ack: { conversation: VisitorConversation } };
  'conversation:end': { payload: Empty; ack: { conversation: VisitorConversation } };
  'rating:send': { payload: RatingSend; ack: { conversation: VisitorConversation } };
  'transcript:send': { payload: TranscriptSend; ack: { conversation: VisitorConversation } };
  'visitor:identify': { payload: VisitorIdentify; ack: VisitorIdentifyResult };
  'followup:shown': { payload: FollowUpShown; ack: Empty };
}

/** Fact → its payload, as a visitor's widget receives it (agents get the fuller shapes). */
export interface VisitorFacts {
  'message:created': VisitorMessage;
  'conversation:updated': VisitorConversation;
  'typing:changed': TypingChanged;
  'queue:position': QueuePosition;
}

export type VisitorCommandName = keyof VisitorCommands;
export type VisitorFactName = keyof VisitorFacts;

/** Socket.IO's ClientToServerEvents and ServerToClientEvents for /visitor. */
export type VisitorClientEvents = ClientEvents<VisitorCommands>;
export type VisitorServerEvents = ServerEvents<VisitorFacts>;

/** Every visitor command in events.ts has its entry here, and nothing else does. */
export type VisitorMapComplete = Expect<SameKeys<VisitorCommandName, (typeof VISITOR_CMD)[keyof typeof VISITOR_CMD]>>;
