// The console's only Socket.IO client (tests/architecture checks there is exactly one).
// It speaks the /agent namespace of server/sockets/agent-namespace.ts: commands always get an
// ack, and this module turns "no ack" (offline, timeout) into the same `{ ok: false }` shape,
// so callers handle one kind of failure.
import { io, type Socket } from 'socket.io-client';
import { ERR, NS, SERVER_EVT, type ErrorCode } from '../../../protocol/events.js';
import type {
  AgentClientEvents,
  AgentCommandName,
  AgentCommands,
  AgentFacts,
  AgentServerEvents,
} from '../../../protocol/agent-events.js';

/** Server codes plus the two failures only a client can see: never sent, or never answered. */
export type CommandErrorCode = ErrorCode | 'OFFLINE' | 'TIMEOUT';
export interface CommandError {
  code: CommandErrorCode;
  message: string;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: CommandError };

/** The /agent commands, their payloads and acks: the protocol's map (protocol/agent-events.ts). */
export type { AgentCommands };
export type CommandName = AgentCommandName;

/** A handler per fact, with the payload the protocol gives it (protocol/agent-events.ts). */
export interface ServerFacts {
  queueAdded(c: AgentFacts['queue:added']): void;
  queueRemoved(r: AgentFacts['queue:removed']): void;
  conversationUpdated(c: AgentFacts['conversation:updated']): void;
  messageCreated(m: AgentFacts['message:created']): void;
  typingChanged(t: AgentFacts['typing:changed']): void;
  conversationAssigned(a: AgentFacts['conversation:assigned']): void;
  presenceChanged(p: AgentFacts['presence:changed']): void;
  modeChanged(m: AgentFacts['mode:changed']): void;
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
  request<K extends CommandName>(event: K, payload: AgentCommands[K]['payload']): Promise<Result<AgentCommands[K]['ack']>>;
  readonly connected: boolean;
  close(): void;
}

const ACK_TIMEOUT_MS = 10_000;
type UntypedEmitter = { emitWithAck(event: string, payload: unknown): Promise<never> };
/** After a refused handshake Socket.IO stops retrying by itself (socket.active is false). */
const RETRY_REFUSED_MS = 5_000;

export function connectAgentSocket(on: ConnectionHandlers): AgentConnection {
  // Same origin: the httpOnly session cookie rides along with the WebSocket upgrade.
  const socket: Socket<AgentServerEvents, AgentClientEvents> = io(NS.agent, { transports: ['websocket'] });
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
        // `event` is still a type parameter here, which Socket.IO's mapped types cannot narrow;
        // request()'s own signature (from the protocol's map) is what callers are checked against.
        const send = socket.timeout(ACK_TIMEOUT_MS) as unknown as UntypedEmitter;
        return await send.emitWithAck(event, payload);
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
