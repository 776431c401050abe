// The console's only Socket.IO client (tests/architecture checks there is exactly one).
// It speaks the /agent namespace of server/sockets/agent-namespace.ts: commands always get an
// ack, and this module turns "no ack" (offline, timeout) into the same `{ ok: false }` shape,
// so callers handle one kind of failure.
import { io, type Socket } from 'socket.io-client';
import { AGENT_CMD, ERR, NS, SERVER_EVT, type ErrorCode } from '../../../protocol/events.js';
import type {
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
} from '../../../protocol/schemas.js';
import type {
  AgentListItem,
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
  TopicsListResult,
  TypingChanged,
  UnansweredListResult,
} from '../../../protocol/types.js';

/** Server codes plus the two failures only a client can see: never sent, or never answered. */
export type CommandErrorCode = ErrorCode | 'OFFLINE' | 'TIMEOUT';
export interface CommandError {
  code: CommandErrorCode;
  message: string;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: CommandError };

type Empty = Record<string, never>;
export interface AgentCommands {
  [AGENT_CMD.queueList]: [Empty, QueueListResult];
  [AGENT_CMD.conversationClaim]: [ConversationRef, ConversationDetail];
  [AGENT_CMD.conversationOpen]: [ConversationRef, ConversationDetail];
  [AGENT_CMD.conversationClose]: [ConversationClose, { conversation: ConversationSummary }];
  [AGENT_CMD.messageSend]: [AgentMessageSend, { message: Message }];
  [AGENT_CMD.typingSet]: [AgentTyping, Empty];
  // The workspace.
  [AGENT_CMD.conversationsList]: [ConversationsList, ConversationsListResult];
  [AGENT_CMD.noteAdd]: [NoteAdd, { message: Message }];
  [AGENT_CMD.conversationSetLang]: [ConversationSetLang, { conversation: ConversationSummary }];
  [AGENT_CMD.conversationLink]: [ConversationLink, { conversation: ConversationSummary }];
  [AGENT_CMD.customerHistory]: [ConversationRef, { conversations: CustomerHistoryItem[] }];
  [AGENT_CMD.cannedList]: [Empty, { replies: CannedReply[] }];
  [AGENT_CMD.cannedSave]: [CannedSave, { reply: CannedReply }];
  [AGENT_CMD.cannedDelete]: [CannedDelete, Empty];
  [AGENT_CMD.tagsList]: [Empty, { tags: string[] }];
  // Routing.
  [AGENT_CMD.presenceSet]: [PresenceSet, { presence: PresenceSet['status'] }];
  [AGENT_CMD.conversationTransfer]: [ConversationTransfer, { conversation: ConversationSummary }];
  [AGENT_CMD.siteMode]: [SiteMode, { mode: SiteMode['mode'] }];
  [AGENT_CMD.agentsList]: [Empty, AgentsListResult];
  // Topics and skills.
  [AGENT_CMD.conversationSetTopic]: [ConversationSetTopic, { conversation: ConversationSummary }];
  [AGENT_CMD.topicsList]: [Empty, TopicsListResult];
  [AGENT_CMD.topicSet]: [TopicSet, TopicsListResult];
  [AGENT_CMD.agentSetSkills]: [AgentSetSkills, { agent: AgentListItem }];
  // Answer quality, and the FAQ learning from it.
  [AGENT_CMD.unansweredList]: [Empty, UnansweredListResult];
  [AGENT_CMD.faqEntries]: [Empty, { entries: FaqEntrySummary[] }];
  [AGENT_CMD.faqAttach]: [FaqAttach, { addition: FaqAddition }];
  [AGENT_CMD.faqDraft]: [FaqDraft, { addition: FaqAddition }];
  [AGENT_CMD.faqConfirm]: [FaqDecide, { addition: FaqAddition }];
  [AGENT_CMD.faqDismiss]: [FaqDecide, { addition: FaqAddition }];
}
export type CommandName = keyof AgentCommands;

export interface ServerFacts {
  queueAdded(c: ConversationSummary): void;
  queueRemoved(r: QueueRemoved): void;
  conversationUpdated(c: ConversationSummary): void;
  messageCreated(m: Message): void;
  typingChanged(t: TypingChanged): void;
  conversationAssigned(a: ConversationAssigned): void;
  presenceChanged(p: PresenceChanged): void;
  modeChanged(m: ModeChanged): void;
}

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

export interface ConnectionHandlers extends ServerFacts {
  status(s: ConnectionStatus, detail?: string): void;
  /** Every successful connect, first or not: the moment to (re)load state. */
  connected(): void;
  /** The session cookie is gone or expired: back to the login screen. */
  unauthorized(message: string): void;
}

export interface AgentConnection {
  request<K extends CommandName>(event: K, payload: AgentCommands[K][0]): Promise<Result<AgentCommands[K][1]>>;
  readonly connected: boolean;
  close(): void;
}

const ACK_TIMEOUT_MS = 10_000;
/** After a refused handshake Socket.IO stops retrying by itself (socket.active is false). */
const RETRY_REFUSED_MS = 5_000;

export function connectAgentSocket(on: ConnectionHandlers): AgentConnection {
  // Same origin: the httpOnly session cookie rides along with the WebSocket upgrade.
  const socket: Socket = io(NS.agent, { transports: ['websocket'] });
  let retry: ReturnType<typeof setTimeout> | undefined;
  const retryLater = () => {
    clearTimeout(retry);
    retry = setTimeout(() => socket.connect(), RETRY_REFUSED_MS);
  };

  on.status('connecting');
  socket.on('connect', () => {
    on.status('connected');
    on.connected();
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return;
    on.status('reconnecting');
    // The server dropped us on purpose; Socket.IO will not come back on its own.
    if (!socket.active) retryLater();
  });
  socket.on('connect_error', (err: Error & { data?: { code?: string; message?: string } }) => {
    if (err.data?.code === ERR.unauthorized) {
      socket.close();
      on.unauthorized(err.data.message ?? 'Please log in again');
      return;
    }
    on.status('reconnecting', err.data?.message ?? err.message);
    if (!socket.active) retryLater();
  });

  socket.on(SERVER_EVT.queueAdded, on.queueAdded);
  socket.on(SERVER_EVT.queueRemoved, on.queueRemoved);
  socket.on(SERVER_EVT.conversationUpdated, on.conversationUpdated);
  socket.on(SERVER_EVT.messageCreated, on.messageCreated);
  socket.on(SERVER_EVT.typingChanged, on.typingChanged);
  socket.on(SERVER_EVT.conversationAssigned, on.conversationAssigned);
  socket.on(SERVER_EVT.presenceChanged, on.presenceChanged);
  socket.on(SERVER_EVT.modeChanged, on.modeChanged);

  return {
    get connected() {
      return socket.connected;
    },
    async request(event, payload) {
      // Never let Socket.IO buffer a command while offline: the caller decides what to resend.
      if (!socket.connected) return { ok: false, error: { code: 'OFFLINE', message: 'Not connected' } };
      try {
        return await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
      } catch {
        return { ok: false, error: { code: 'TIMEOUT', message: 'The server did not answer in time' } };
      }
    },
    close() {
      clearTimeout(retry);
      socket.close();
    },
  };
}
