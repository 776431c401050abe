// The realtime seam: services say who should hear a fact, the socket layer decides how
// (rooms, so it works unchanged with any Socket.IO adapter across several servers).
// Each fact is typed by the protocol's map of the namespace it goes to, so a wrong payload for
// an event is a type error here rather than a surprise in a client.
import type { AgentFactName, AgentFacts } from '../../protocol/agent-events.js';
import type { VisitorFactName, VisitorFacts } from '../../protocol/visitor-events.js';

export interface EmitOptions {
  /** May be dropped if a socket is not ready (typing signals). */
  volatile?: boolean;
  /** A socket id that is told otherwise (by its ack): it gets no copy. */
  except?: string;
}

export interface Notifier {
  /** Every tab of one visitor. */
  toVisitor<E extends VisitorFactName>(visitorId: string, event: E, payload: VisitorFacts[E], opts?: EmitOptions): void;
  /** Every agent socket that has the conversation open. */
  toConversation<E extends AgentFactName>(conversationId: string, event: E, payload: AgentFacts[E], opts?: EmitOptions): void;
  /** Every online agent of the site who speaks `lang`. */
  toLanguage<E extends AgentFactName>(siteId: string, lang: string, event: E, payload: AgentFacts[E]): void;
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
  toAgent<E extends AgentFactName>(agentId: string, event: E, payload: AgentFacts[E]): void;
  /** Every agent of the site, whatever their languages (presence, mode, chats opened to all). */
  toSiteAgents<E extends AgentFactName>(siteId: string, event: E, payload: AgentFacts[E]): void;
}
