// The /agent namespace's typed map (type-only): each command the console sends with its payload
// and the data of its ok ack, and each fact the server pushes with its payload. Socket.IO's
// generics, the server's command table, the notifier and the console all read them from here.
import type {
  AgentsList,
  AgentSetSkills,
  ConversationSetTopic,
  TopicSet,
  AgentMessageSend,
  AgentTyping,
  CannedDelete,
  CannedSave,
  ConversationClose,
  ConversationLink,
  ConversationRef,
  ConversationSetLang,
  ConversationsList,
  ConversationTransfer,
  FaqAttach,
  FaqDecide,
  FaqDraft,
  NoteAdd,
  PresenceSet,
  SiteMode,
} from './schemas.js';
import type {
  AgentListItem,
  TopicsListResult,
  AgentsListResult,
  CannedReply,
  ConversationAssigned,
  ConversationDetail,
  ConversationsListResult,
  ConversationSummary,
  CustomerHistoryItem,
  FaqAddition,
  FaqEntrySummary,
  Message,
  ModeChanged,
  PresenceChanged,
  QueueListResult,
  QueueRemoved,
  TagsListResult,
  TypingChanged,
  UnansweredListResult,
} from './types.js';
import type { ClientEvents, Empty, Expect, SameKeys, ServerEvents } from './event-map.js';
import type { AGENT_CMD, SERVER_EVT } from './events.js';
import type { VisitorFactName } from './visitor-events.js';

/** Agent command → its payload and the data of its ok ack. */
export interface AgentCommands {
  'queue:list': { payload: Empty; ack: QueueListResult };
  'conversation:claim': { payload: ConversationRef; ack: ConversationDetail };
  'conversation:open': { payload: ConversationRef; ack: ConversationDetail };
  'conversation:close': { payload: ConversationClose; ack: { conversation: ConversationSummary } };
  'message:send': { payload: AgentMessageSend; ack: { message: Message } };
  'typing:set': { payload: AgentTyping; ack: Empty };
  // The workspace.
  'conversations:list': { payload: ConversationsList; ack: ConversationsListResult };
  'note:add': { payload: NoteAdd; ack: { message: Message } };
  'conversation:set-lang': { payload: ConversationSetLang; ack: { conversation: ConversationSummary } };
  'conversation:link': { payload: ConversationLink; ack: { conversation: ConversationSummary } };
  'customer:history': { payload: ConversationRef; ack: { conversations: CustomerHistoryItem[] } };
  'canned:list': { payload: Empty; ack: { replies: CannedReply[] } };
  'canned:save': { payload: CannedSave; ack: { reply: CannedReply } };
  'canned:delete': { payload: CannedDelete; ack: Empty };
  'tags:list': { payload: Empty; ack: TagsListResult };
  // Routing.
  'presence:set': { payload: PresenceSet; ack: { presence: PresenceSet['status'] } };
  'conversation:transfer': { payload: ConversationTransfer; ack: { conversation: ConversationSummary } };
  'site:mode': { payload: SiteMode; ack: { mode: SiteMode['mode'] } };
  'agents:list': { payload: AgentsList; ack: AgentsListResult };
  // Topics and skills.
  'conversation:set-topic': { payload: ConversationSetTopic; ack: { conversation: ConversationSummary } };
  'topics:list': { payload: Empty; ack: TopicsListResult };
  'topic:set': { payload: TopicSet; ack: TopicsListResult };
  'agent:set-skills': { payload: AgentSetSkills; ack: { agent: AgentListItem } };
  // Answer quality, and the FAQ learning from it.
  'unanswered:list': { payload: Empty; ack: UnansweredListResult };
  'faq:entries': { payload: Empty; ack: { entries: FaqEntrySummary[] } };
  'faq:attach': { payload: FaqAttach; ack: { addition: FaqAddition } };
  'faq:draft': { payload: FaqDraft; ack: { addition: FaqAddition } };
  'faq:confirm': { payload: FaqDecide; ack: { addition: FaqAddition } };
  'faq:dismiss': { payload: FaqDecide; ack: { addition: FaqAddition } };
}

/** Fact → its payload, as an agent's console receives it. */
export interface AgentFacts {
  'message:created': Message;
  'conversation:updated': ConversationSummary;
  'queue:added': ConversationSummary;
  'queue:removed': QueueRemoved;
  'typing:changed': TypingChanged;
  'conversation:assigned': ConversationAssigned;
  'presence:changed': PresenceChanged;
  'mode:changed': ModeChanged;
}

export type AgentCommandName = keyof AgentCommands;
export type AgentFactName = keyof AgentFacts;

/** Socket.IO's ClientToServerEvents and ServerToClientEvents for /agent. */
export type AgentClientEvents = ClientEvents<AgentCommands>;
export type AgentServerEvents = ServerEvents<AgentFacts>;

/** Every agent command in events.ts has its entry here, and nothing else does. */
export type AgentMapComplete = Expect<SameKeys<AgentCommandName, (typeof AGENT_CMD)[keyof typeof AGENT_CMD]>>;
/** Every fact in events.ts reaches visitors, agents or both, and the maps name no other. */
export type FactsComplete = Expect<SameKeys<AgentFactName | VisitorFactName, (typeof SERVER_EVT)[keyof typeof SERVER_EVT]>>;
