// The widget's only socket.io-client import (tests/architecture/boundaries.test.ts): one socket to
// the /visitor namespace, WebSocket only (see engine-socket.ts), with the handshake auth read
// afresh on every (re)connect so a token issued mid-session is used by the next reconnect.
import { io, type Socket } from 'socket.io-client';
import { ERR, NS, SERVER_EVT, type ErrorCode } from '../../protocol/events.js';
import type { Ack } from '../../protocol/types.js';
import type {
  VisitorClientEvents,
  VisitorCommandName,
  VisitorCommands,
  VisitorFacts,
  VisitorServerEvents,
} from '../../protocol/visitor-events.js';

export interface ConnectionOptions {
  origin: string;
  siteId: string;
  languages: string[];
  token: () => string | undefined;
}

export interface ConnectionHandlers {
  connected(): void;
  disconnected(): void;
  /** The server refused the handshake (err.data.code); Socket.IO will not retry by itself. */
  rejected(code: ErrorCode): void;
  messageCreated(message: VisitorFacts['message:created']): void;
  conversationUpdated(conversation: VisitorFacts['conversation:updated']): void;
  typingChanged(typing: VisitorFacts['typing:changed']): void;
  queuePosition(position: VisitorFacts['queue:position']): void;
}

export interface VisitorConnection {
  readonly connected: boolean;
  /** A command with its ack; rejects on timeout or disconnection (the caller decides to resend). */
  request<E extends VisitorCommandName>(event: E, payload: VisitorCommands[E]['payload'], timeoutMs: number): Promise<Ack<VisitorCommands[E]['ack']>>;
  /** Fire-and-forget (typing): dropped rather than queued when offline. */
  signal<E extends VisitorCommandName>(event: E, payload: VisitorCommands[E]['payload']): void;
  /** Drop the session and shake hands again (after the token was forgotten). */
  reconnect(): void;
}

type Untyped = { emitWithAck(event: string, payload: unknown): Promise<never>; emit(event: string, payload: unknown): void };

export function createVisitorConnection(opts: ConnectionOptions, on: ConnectionHandlers): VisitorConnection {
  const socket: Socket<VisitorServerEvents, VisitorClientEvents> = io(opts.origin + NS.visitor, {
    transports: ['websocket'],
    auth: (cb) => {
      const token = opts.token();
      cb({ siteId: opts.siteId, languages: opts.languages, ...(token ? { token } : {}) });
    },
  });
  socket.on('connect', on.connected);
  socket.on('disconnect', (reason) => {
    on.disconnected();
    // A server shutting down disconnects us on purpose, and Socket.IO then stays down:
    // come back when it does (the manager retries with backoff).
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (err: Error & { data?: { code?: ErrorCode } }) => {
    // `active` stays true for network failures (automatic retry); false when a middleware refused us.
    if (socket.active) on.disconnected();
    else on.rejected(err.data?.code ?? ERR.internal);
  });
  socket.on(SERVER_EVT.messageCreated, on.messageCreated);
  socket.on(SERVER_EVT.conversationUpdated, on.conversationUpdated);
  socket.on(SERVER_EVT.typingChanged, on.typingChanged);
  socket.on(SERVER_EVT.queuePosition, on.queuePosition);

  return {
    get connected() {
      return socket.connected;
    },
    // The event is still a type parameter inside these two, which Socket.IO's mapped types cannot
    // narrow: the interface above (from the protocol's map) is what callers are checked against.
    request: (event, payload, timeoutMs) => (socket.timeout(timeoutMs) as unknown as Untyped).emitWithAck(event, payload),
    signal: (event, payload) => {
      (socket.volatile as unknown as Untyped).emit(event, payload);
    },
    reconnect: () => {
      socket.disconnect().connect();
    },
  };
}
