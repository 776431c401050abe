// The two namespaces as Socket.IO's generics see them: the protocol's maps for what each side
// may send, and what the handshake keeps on each socket (socket.data), so neither is `any`.
import type { Namespace, Socket } from 'socket.io';
import type { AgentClientEvents, AgentServerEvents } from '../../protocol/agent-events.js';
import type { VisitorClientEvents, VisitorServerEvents } from '../../protocol/visitor-events.js';
import type { VisitorContext } from '../services/visitor/visitor-context.js';
import type { AgentRecord } from '../storage/records.js';

/** No server-to-server events: several servers talk through the adapter's rooms only. */
type NoInterServer = Record<string, never>;

export interface VisitorSocketData {
  visitor: VisitorContext;
}

export interface AgentSocketData {
  agentId: string;
  agent: AgentRecord;
  /** The log-in's session, so a logout or an expiry closes this socket. */
  sessionHash: string;
  sessionExpiresAt: number;
}

export type VisitorNamespace = Namespace<VisitorClientEvents, VisitorServerEvents, NoInterServer, VisitorSocketData>;
export type VisitorSocket = Socket<VisitorClientEvents, VisitorServerEvents, NoInterServer, VisitorSocketData>;
export type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents, NoInterServer, AgentSocketData>;
export type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, NoInterServer, AgentSocketData>;
