// The realtime seam: services say who should hear a fact, the socket layer decides how
// (rooms, so it works unchanged with any Socket.IO adapter across several servers).
import type { SERVER_EVT } from '../../protocol/events.js';

export type ServerEvent = (typeof SERVER_EVT)[keyof typeof SERVER_EVT];

export interface EmitOptions {
  /** May be dropped if a socket is not ready (typing signals). */
  volatile?: boolean;
  /** A socket id that is told otherwise (by its ack): it gets no copy. */
  except?: string;
}

export interface Notifier {
  /** Every tab of one visitor. */
  toVisitor(visitorId: string, event: ServerEvent, payload: unknown, opts?: EmitOptions): void;
  /** Every agent socket that has the conversation open. */
  toConversation(conversationId: string, event: ServerEvent, payload: unknown, opts?: EmitOptions): void;
  /** Every online agent of the site who speaks `lang`. */
  toLanguage(siteId: string, lang: string, event: ServerEvent, payload: unknown): void;
  /** Make every socket of the agent follow the conversation. */
  followConversation(agentId: string, conversationId: string): void;
  /**
   * The conversation is now this agent's: only their sockets and the site's admins follow it from
   * here on (others who opened it while it waited stop receiving its messages and notes).
   */
  assignConversation(siteId: string, conversationId: string, agentId: string): void;
  /** Stop following it (transferred away or back to a queue). */
  unfollowConversation(agentId: string, conversationId: string): void;
  /** Every console tab of one agent. */
  toAgent(agentId: string, event: ServerEvent, payload: unknown): void;
  /** Every agent of the site, whatever their languages (presence, mode, chats opened to all). */
  toSiteAgents(siteId: string, event: ServerEvent, payload: unknown): void;
}
