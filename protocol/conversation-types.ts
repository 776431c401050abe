// The wire contract's shapes of a conversation and its messages (type-only: erased from every
// bundle), as both sides see them: the visitor's reduced views and the agent's summary.
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

/** Why the bot said what it said (stored with every bot message). */
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

export interface BotDecision {
  /**
   * fallback: the bot stepped aside (low confidence) and handed off; suggest: "did you mean"
   * buttons; smalltalk: "hi", "thanks", "are you a bot?" answered in kind (no FAQ entry, no hand-off).
   */
  outcome: 'answer' | 'handoff' | 'fallback' | 'suggest' | 'smalltalk' | 'order';
  /** 'keyword' rule, 'fuzzy' Fuse.js match, 'handoff-words' or 'button' for hand-off requests, 'small-talk'. */
  via: 'keyword' | 'fuzzy' | 'handoff-words' | 'button' | 'small-talk' | 'order-status' | 'none';
  /** Outcome 'order': the step of the order-status exchange (server/services/orders/) and the order asked about. */
  order?: { step: 'ask-number' | 'ask-email' | 'status' | 'not-found' | 'failed' | 'too-many'; orderNumber?: string };
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

/** A message as sent to its visitor: the bot decision is reduced to its outcome (server/services/conversations/views.ts). */
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
  /** Once closed: who ended it (the visitor, or an agent's close). */
  endedBy?: 'visitor' | 'agent';
  /** The visitor's rating of the ended chat (`rating:send`, once per conversation). */
  rating?: Rating;
}

/** The visitor's rating of a chat: 1 (bad) to 5 (great), an optional comment, when. */
export interface Rating {
  score: number;
  comment?: string;
  at: number;
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
  endedBy?: 'visitor' | 'agent';
  /** The visitor's rating once the chat ended. */
  rating?: Rating;
  /** Who the shop's page said the customer is (`visitor:identify`): verified by signature, or only claimed. */
  identity?: CustomerIdentity;
}

/** A customer as the shop's server signed it (HS256 JWT, site's identity secret). */
export interface VerifiedIdentity {
  sub: string;
  email?: string;
  name?: string;
  orders?: string[];
  /** When it was verified. */
  at: number;
}

/** What a page said without a valid signature: kept and shown as such, never merged into a verified customer. */
export interface ClaimedIdentity {
  email?: string;
  name?: string;
  orders?: string[];
  at: number;
  /** Why it is not verified. */
  why: IdentityUnverifiedReason;
}

export type IdentityUnverifiedReason = 'unsigned' | 'expired' | 'bad-signature' | 'no-secret';

export interface CustomerIdentity {
  verified?: VerifiedIdentity;
  claimed?: ClaimedIdentity;
}

export interface CustomerLinks {
  emails: string[];
  orders: string[];
}
