// The wire contract's data shapes (type-only: erased from every bundle).
// Client → server payload types are derived from the schemas in ./schemas.ts.
import type { ErrorCode } from './events.js';

export type Lang = string; // ISO 639-1, e.g. "fr"
export type Author = 'visitor' | 'bot' | 'agent' | 'system';
/** bot: the bot is handling it; queued: waiting for an agent; assigned: an agent has it; closed. */
export type ConversationStatus = 'bot' | 'queued' | 'assigned' | 'closed';

export interface Link {
  label: string;
  /** Only http:, https: and mailto: URLs ever reach a client. */
  url: string;
}

export interface PageInfo {
  url: string;
  title: string;
}

/** The visit around a conversation, as the widget reports it; shown in the agent's context panel. */
export interface VisitInfo {
  /** Pages seen in this visit, oldest first (capped). */
  pages: (PageInfo & { at: number })[];
  referrer?: string;
  userAgent?: string;
  /** IANA time zone of the visitor's browser, e.g. "Europe/Paris", for their local time. */
  timeZone?: string;
  /** The page's <html lang>. */
  pageLang?: string;
}

/** A site's topics are its own list (e.g. orders, returns, complaint); ids are lower-case with dashes. */
export type TopicDifficulty = 'simple' | 'complex';
/** Simple topics go to trainees first, complex ones to experts (server/routing/). */
export type AgentLevel = 'trainee' | 'agent' | 'expert';

/** What a chat is about: read by the bot from the visitor's words (faq/topic.ts), or set by an agent. */
export interface ConversationTopic {
  id: string;
  /** 0..1; 1 when an agent set it. */
  confidence: number;
  via: 'faq' | 'keywords' | 'both' | 'agent';
}

/** One of a site's topics: its closing tag (pre-selected when a chat about it closes) and its difficulty. */
export interface SiteTopic {
  id: string;
  tag?: string;
  difficulty: TopicDifficulty;
}

/** agent `topics:list`: the site's topics, and how long a chat waits for an agent with its skill. */
export interface TopicsListResult {
  topics: SiteTopic[];
  skillWaitMs: number;
}

/** Why the bot said what it said (stored with every bot message). */
export interface BotDecision {
  /**
   * fallback: the bot stepped aside (low confidence) and handed off; suggest: "did you mean"
   * buttons; smalltalk: "hi", "thanks", "are you a bot?" answered in kind (no FAQ entry, no hand-off).
   */
  outcome: 'answer' | 'handoff' | 'fallback' | 'suggest' | 'smalltalk';
  /** 'keyword' rule, 'fuzzy' Fuse.js match, 'handoff-words' or 'button' for hand-off requests, 'small-talk'. */
  via: 'keyword' | 'fuzzy' | 'handoff-words' | 'button' | 'small-talk' | 'none';
  /** Outcome 'smalltalk': what it was. */
  smallTalk?: 'greeting' | 'thanks' | 'bye' | 'bot' | 'ack' | 'howAreYou';
  faqId: string | null;
  /** 0..1, higher is better. */
  confidence: number;
  lang: Lang;
  langConfidence: number;
  /** The FAQ language used when the visitor's language has none (the site's default). */
  faqLang?: Lang;
  /** The best candidate's component scores. */
  scores?: Record<string, number>;
  /** The top candidates the decision was made from. */
  candidates?: { faqId: string; confidence: number }[];
  /** Outcome 'suggest': the entries offered as buttons. */
  suggestions?: { faqId: string; question: string }[];
  /** What the message is about, when the bot could tell (its candidates' topics and the topic keyword rules). */
  topic?: ConversationTopic;
}

/** A button under a bot message: pressing it sends `text` as the visitor's next message. */
export interface QuickReply {
  label: string;
  text: string;
}

/**
 * What the widget shows when its panel opens, before the visitor writes (drawn by the widget,
 * stored nowhere): the site's greeting in the visitor's language and up to four topics, each an
 * FAQ question that a press sends as the visitor's first message.
 */
export interface Welcome {
  lang: Lang;
  text: string;
  topics: QuickReply[];
}

export interface Message {
  id: string;
  conversationId: string;
  /** Monotonic per conversation, starting at 1. */
  seq: number;
  author: Author;
  authorName?: string;
  text: string;
  links?: Link[];
  createdAt: number;
  /** Client-generated id for deduplication of resends. */
  clientId?: string;
  page?: PageInfo;
  lang?: Lang;
  bot?: BotDecision;
  /** Buttons under a bot message ("did you mean", "talk to a person"). */
  quickReplies?: QuickReply[];
  /** A short line shown above the text, e.g. "answered from the English FAQ". */
  note?: string;
  /** An agents-only note: stored in the conversation, never sent to the visitor. */
  internal?: boolean;
}

/** A message as sent to its visitor: the bot decision is reduced to its outcome (server/services/views.ts). */
export type VisitorMessage = Omit<Message, 'bot'> & { bot?: Pick<BotDecision, 'outcome'> };

/** What a visitor may know about their own conversation. */
export interface VisitorConversation {
  id: string;
  status: ConversationStatus;
  lang: Lang;
  agentName?: string;
  lastSeq: number;
  /** Highest seq the visitor has seen (for the unread badge). */
  visitorReadSeq: number;
  /** The e-mail the visitor left (`contact:set`), so the widget does not ask twice. */
  email?: string;
  /** The visitor chose the language (`conversation:set-lang`): detection no longer changes it. */
  langLocked?: boolean;
  /** Bot answers the visitor rated with `feedback:send`, by seq. */
  feedback?: Record<number, 'helpful' | 'unhelpful'>;
}

/** What an agent sees in the queue and the conversation list. */
export interface ConversationSummary {
  id: string;
  siteId: string;
  status: ConversationStatus;
  lang: Lang;
  createdAt: number;
  updatedAt: number;
  queuedAt?: number;
  assignedAgentId?: string;
  assignedAgentName?: string;
  /** First visitor message, for the queue preview. */
  firstMessage?: string;
  lastPage?: PageInfo;
  lastSeq: number;
  visitorLanguages: Lang[];
  /** What the widget told us about this visit. */
  visit?: VisitInfo;
  closedAt?: number;
  /** Set when an agent closes it: one tag from the site's list, and whether it was resolved. */
  tag?: string;
  resolved?: boolean;
  /** E-mails and order numbers an agent attached, to find the customer's other conversations. */
  customer?: CustomerLinks;
  /** The e-mail the visitor left when nobody was available. */
  contactEmail?: string;
  /** In a queue item: nobody online spoke its language in time, so every agent may take it. */
  openToAll?: boolean;
  /** An agent sent it to this language's queue; `lang` stays the visitor's (system lines, canned replies). */
  queueLang?: Lang;
  /** Assigned to an agent who does not speak the language it is routed in: the console marks it "other language". */
  flagged?: boolean;
  /** What it is about (routing by skill); an agent may correct it (`conversation:set-topic`). */
  topic?: ConversationTopic;
  /** Assigned to a speaker without the topic's skill (nobody with it was free in time): the console marks it. */
  skillFallback?: boolean;
}

export interface CustomerLinks {
  emails: string[];
  orders: string[];
}

/** A reply an agent inserts with `/shortcut`; one text per site language. */
export interface CannedReply {
  id: string;
  shortcut: string;
  title: string;
  texts: Record<Lang, string>;
  updatedAt: number;
}

export interface AgentProfile {
  id: string;
  siteId: string;
  name: string;
  email: string;
  languages: Lang[];
  role: 'agent' | 'admin';
}

export interface SiteInfo {
  id: string;
  name: string;
  languages: Lang[];
  defaultLanguage: Lang;
}

/** The site as its agents see it (log-in, /api/agent/me). */
export interface AgentSiteInfo extends SiteInfo {
  /** Origins the shop's pages are served from: a visitor's page there is shown as a link. */
  pageOrigins: string[];
}

export interface AckError {
  code: ErrorCode;
  message: string;
}
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

// ---- server → client payloads ----
export interface TypingChanged {
  conversationId: string;
  author: 'visitor' | 'agent';
  typing: boolean;
}
export interface QueueRemoved {
  conversationId: string;
  /** moved: an agent changed its language, so it left this language's queue. */
  reason: 'claimed' | 'closed' | 'moved';
}

// ---- acknowledgement payloads (ok: true → data) ----
/**
 * visitor `conversation:sync`: the messages after `afterSeq`, one page at a time (at most
 * SYNC_PAGE_MESSAGES and about SYNC_PAGE_BYTES), plus the site's public info.
 */
export interface VisitorSyncResult {
  site: SiteInfo;
  conversation: VisitorConversation | null;
  messages: VisitorMessage[];
  /** The page covers every message up to this seq (agents' internal notes are never sent). */
  through: number;
  /** More messages follow: ask again with `afterSeq: through`. */
  more: boolean;
  /** While the conversation waits for an agent: its place in the queue (as `queue:position`). */
  queue?: QueuePosition | null;
  /** The site's welcome in the conversation's language (else the browser's). */
  welcome?: Welcome;
}
/** visitor `message:send`: the stored message; `token` only on the visitor's first message. */
export interface VisitorSendResult {
  message: Message;
  conversation: VisitorConversation;
  token?: string;
}
/** visitor `handoff:request`: `token` when the visitor had none yet (pressed the button first). */
export interface VisitorHandoffResult {
  conversation: VisitorConversation;
  token?: string;
}
/** agent `conversation:claim` / `conversation:open`: the conversation and its whole history. */
export interface ConversationDetail {
  conversation: ConversationSummary;
  messages: Message[];
}
/** agent `conversations:list`: a page, newest first; pass `nextCursor` back for the next one. */
export interface ConversationsListResult {
  conversations: ConversationSummary[];
  nextCursor: string | null;
}
/** agent `customer:history`: the customer's other conversations, newest first, and why they match. */
export interface CustomerHistoryItem {
  conversation: ConversationSummary;
  matchedBy: ('visitor' | 'email' | 'order')[];
}
/** agent `queue:list`. */
export interface QueueListResult {
  queue: ConversationSummary[];
  mine: ConversationSummary[];
}

// ---- routing ----
export type RoutingMode = 'automatic' | 'manual';
/** 'offline' includes the grace period after the last console tab closed (chats are kept meanwhile). */
export type AgentPresence = 'online' | 'away' | 'offline';

/** To a waiting visitor: on hand-off, whenever the queue moves, and every ~15 s. */
export interface QueuePosition {
  conversationId: string;
  /** 1 = next. */
  position: number;
  /** null: nobody online could take it, so there is nothing honest to promise. */
  estimatedWaitMs: number | null;
  /** false: no agent online for this chat, or outside the site's business hours: leave an e-mail. */
  available: boolean;
}

/** agent `conversation:assigned`: a chat given to this agent (automatically, picked, or transferred). */
export interface ConversationAssigned extends ConversationDetail {
  via: 'auto' | 'pick' | 'transfer';
  /** The agent does not speak the chat's language (nobody who does was online in time). */
  flagged?: boolean;
  /** The agent lacks the chat's topic skill (nobody with it was free in time). */
  skillFallback?: boolean;
  fromAgentId?: string;
}

export interface PresenceChanged {
  agentId: string;
  presence: AgentPresence;
}

export interface ModeChanged {
  siteId: string;
  mode: RoutingMode;
}

/** agent `agents:list`: the site's agents, e.g. as transfer targets. */
export interface AgentListItem {
  id: string;
  name: string;
  languages: Lang[];
  role: 'agent' | 'admin';
  presence: AgentPresence;
  openChats: number;
  capacity: number;
  /** Topics they handle; absent = every topic. */
  skills?: string[];
  level: AgentLevel;
}
/** agent `unanswered:list`: a question the bot could not answer well, newest first. */
export interface UnansweredItem {
  id: string;
  text: string;
  lang: Lang;
  at: number;
  conversationId: string;
  reason: 'stepped-aside' | 'unhelpful';
  /** The best FAQ candidate the bot had, and its confidence. */
  best?: { faqId: string; confidence: number };
  /** The bot's top candidates (Message.bot.candidates), best first: the console offers them first. */
  candidates?: { faqId: string; confidence: number }[];
}

/** Who added or decided on a FAQ addition. */
export interface FaqActor {
  agentId: string;
  name: string;
}

/**
 * A change to a site's FAQ made from the console, on top of its read-only FAQ files: a visitor's
 * question added as a phrasing of an entry, or a new entry. `active` ones are what the bot uses;
 * `proposed` (from a visitor's "did you mean" choice that helped) and `draft` (a new entry) wait
 * for an admin; `dismissed` ones are kept so the same proposal is not made again.
 */
export interface FaqAddition {
  id: string;
  kind: 'phrasing' | 'entry';
  status: 'active' | 'proposed' | 'draft' | 'dismissed';
  /** The FAQ language it belongs to. */
  lang: Lang;
  /** The entry it is a phrasing of, or the new entry's id. */
  faqId: string;
  /** The phrasing, or the new entry's question. */
  text: string;
  /** A new entry's answer. */
  answer?: string;
  /** The unanswered question it came from. */
  unansweredId?: string;
  /** An agent's action, or a visitor's helpful "did you mean" choice (no actor). */
  source: 'agent' | 'visitor';
  addedBy?: FaqActor;
  at: number;
  /** The admin who confirmed, published or dismissed it. */
  decidedBy?: FaqActor;
  decidedAt?: number;
}

/** agent `faq:entries`: one entry of the site's FAQ as the bot uses it (files + active additions). */
export interface FaqEntrySummary {
  id: string;
  lang: Lang;
  question: string;
  phrasings: string[];
}

/**
 * Near-identical unanswered questions (same text once case, accents, punctuation, order numbers
 * and other figures are set aside), newest first, with what was attached from them since.
 */
export interface UnansweredGroup {
  key: string;
  /** The newest question's own words. */
  text: string;
  lang: Lang;
  count: number;
  latestAt: number;
  /** The newest question's id (what `faq:attach` and `faq:draft` take). */
  id: string;
  conversationId: string;
  reasons: UnansweredItem['reason'][];
  best?: { faqId: string; confidence: number };
  candidates?: { faqId: string; confidence: number }[];
  /** An active or pending addition made from this question (or one asked the same way). */
  attached?: { additionId: string; faqId: string; kind: FaqAddition['kind']; status: FaqAddition['status']; at: number };
}

export interface UnansweredListResult {
  items: UnansweredItem[];
  groups: UnansweredGroup[];
  /** The site's FAQ additions, newest first (≤ 200). */
  additions: FaqAddition[];
}

export interface AgentsListResult {
  agents: AgentListItem[];
  mode: RoutingMode;
}
