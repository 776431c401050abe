// The widget's only socket.io-client import (tests/architecture/boundaries.test.ts): one socket to
// the /visitor namespace, WebSocket only (see engine-socket.ts), with the handshake auth read
// afresh on every (re)connect so a token issued mid-session is used by the next reconnect.
import { io } from 'socket.io-client';
import { ERR, NS, SERVER_EVT, type ErrorCode } from '../../protocol/events.js';
import type { Ack, VisitorMessage as Message, QueuePosition, TypingChanged, VisitorConversation } from '../../protocol/types.js';

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
  messageCreated(message: Message): void;
  conversationUpdated(conversation: VisitorConversation): void;
  typingChanged(typing: TypingChanged): void;
  queuePosition(position: QueuePosition): void;
}

export interface VisitorConnection {
  readonly connected: boolean;
  /** A command with its ack; rejects on timeout or disconnection (the caller decides to resend). */
  request<T>(event: string, payload: object, timeoutMs: number): Promise<Ack<T>>;
  /** Fire-and-forget (typing): dropped rather than queued when offline. */
  signal(event: string, payload: object): void;
  /** Drop the session and shake hands again (after the token was forgotten). */
  reconnect(): void;
}

export function createVisitorConnection(opts: ConnectionOptions, on: ConnectionHandlers): VisitorConnection {
  const socket = io(opts.origin + NS.visitor, {
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
    request: (event, payload, timeoutMs) => socket.timeout(timeoutMs).emitWithAck(event, payload),
    signal: (event, payload) => {
      socket.volatile.emit(event, payload);
    },
    reconnect: () => {
      socket.disconnect().connect();
    },
  };
}
