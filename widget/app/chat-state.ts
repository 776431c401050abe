// What the UI sees of a chat session, and what it may ask of it (implemented in chat-session.ts).
import type { ErrorCode } from '../../protocol/events.js';
import type { FollowUp, VisitorMessage as Message, QueuePosition, SiteInfo, VisitorConversation, Welcome } from '../../protocol/types.js';
import type { Outgoing } from './storage.js';
/** Who the shop says the visitor is (Bulle.identify), as `visitor:identify` takes it. */
export interface Identity {
  email?: string;
  name?: string;
  orders?: string[];
  signature?: string;
}

export type LinkState = 'connecting' | 'online' | 'offline' | 'unavailable';
/** What the error line shows: a server code, or TIMEOUT when no ack came back. */
export type Problem = ErrorCode | 'TIMEOUT';

export interface ChatState {
  link: LinkState;
  site: SiteInfo | null;
  /** The site's greeting and topics, shown above the chat (from the server, never stored). */
  welcome: Welcome | null;
  conversation: VisitorConversation | null;
  /** Stored messages, by seq, each once. */
  messages: Message[];
  /** Typed but not acknowledged yet, in the order typed. */
  pending: Outgoing[];
  agentTyping: boolean;
  /** While waiting for an agent: place in line, estimated wait, whether anyone is there. */
  queue: QueuePosition | null;
  problem: Problem | null;
  /** Bot and agent replies after the read mark (0 while the panel is open). */
  unread: number;
  /** The server sends e-mail: the transcript is offered once the chat ended. */
  mail: boolean;
  /** News of a verified customer's orders not shown yet (the identify ack's), newest first. */
  followUps: FollowUp[];
}

export interface ChatSession {
  readonly state: ChatState;
  subscribe(listener: () => void): () => void;
  setOpen(open: boolean): void;
  /** Queue a message and try to deliver it; false when there is nothing to send. */
  send(text: string): boolean;
  /** A proactive message is on screen: a first message answers it (the server stores it first). */
  answering(ruleId: string | undefined): void;
  retry(clientId: string): void;
  requestHandoff(): Promise<void>;
  /** Leave an e-mail when nobody is available (`contact:set`). */
  setEmail(email: string): Promise<unknown>;
  /** "Did this help?" on the bot answer with this seq (`feedback:send`). */
  feedback(seq: number, helpful: boolean): Promise<unknown>;
  /** The visitor picks the chat's language (`conversation:set-lang`): wins over detection. */
  setLang(lang: string): Promise<unknown>;
  /** The visitor ends the chat (`conversation:end`); then rates it once (`rating:send`). */
  end(): Promise<unknown>;
  rate(score: number, comment: string): Promise<unknown>;
  /** The transcript by e-mail (`transcript:send`); true once sent. */
  mailTranscript(email: string): Promise<boolean>;
  /** A follow-up is on screen (`followup:shown`: not sent again), or was dismissed: either way it leaves the list. */
  followUpShown(eventId: string): void;
  followUpDone(eventId: string): void;
  /** Bulle.identify: sent now if connected, and on every connect. */
  identify(identity: Identity): void;
  /** Bulle.setLanguage: the chat's language (if the site speaks it), or the first hint for a new one. */
  setPageLang(lang: string): void;
  /** Bulle.page: a single-page shop moved to another page (`visit:update`). */
  page(): void;
  /** Called on every keystroke; tells the agent at most every few seconds. */
  typing(): void;
}
