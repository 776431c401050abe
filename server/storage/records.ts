// Stored shapes. They belong to the store contract, not to lowdb: any ChatStore keeps these.
import type {
  AgentLevel,
  AuditEntry,
  CannedReply,
  ConversationTopic,
  SiteTopic,
  ConversationStatus,
  CustomerIdentity,
  CustomerLinks,
  FaqAddition,
  FaqEntryVersion,
  Lang,
  Message,
  PageInfo,
  Rating,
  RoutingMode,
  UnansweredItem,
  VisitInfo,
} from '../../protocol/types.js';
import type { SiteAppearance, SiteProactive } from '../widget-config/settings-schema.js';

export interface SiteRecord {
  id: string;
  name: string;
  languages: Lang[];
  defaultLanguage: Lang;
  /**
   * Pages allowed to open the widget, as origins ("https://shop.example"); the server's own
   * pages always are. Empty = the server's own pages only; "*" = any page (README, "Security").
   */
  allowedOrigins: string[];
  /** Folder of `<lang>.json` FAQ files for this site. */
  faqDir: string;
  /** Tags an agent picks from when closing; absent = services/conversations/tags.ts DEFAULT_TAGS. */
  tags?: string[];
  /** Chats offered to agents automatically, or picked by hand; absent = automatic. */
  assignment?: RoutingMode;
  /** When people answer; absent = always. Outside them the widget offers to leave an e-mail. */
  businessHours?: BusinessHours;
  /** The bot's confidence thresholds; absent = faq/decide.ts DEFAULT_THRESHOLDS. */
  thresholds?: { answer: number; suggest: number };
  /** What the widget shows on opening (services/sites/welcome.ts); absent = a default greeting and the FAQ's first topics. */
  welcome?: SiteWelcome;
  /** The bubble's colour, side and label (server/widget-config/); absent = the default look. */
  appearance?: SiteAppearance;
  /** When the widget speaks first (server/widget-config/); absent = never. */
  proactive?: SiteProactive;
  /**
   * The site's topics (FAQ entries and topic rules name them): each one's closing tag and
   * difficulty. Absent = no topic routing: chats go by language alone.
   */
  topics?: SiteTopic[];
  /** How long a chat about a topic waits for a free agent with that skill before any speaker may take it; absent = BULLE_SKILL_WAIT_MS. */
  skillWaitMs?: number;
  /** Signed identity (server/services/identity/): the secret the shop's server signs with, and whether a signature is required. */
  identity?: SiteIdentity;
  /** Where the bot asks for an order's status (server/services/orders/); absent = the FAQ's order-tracking answer only. */
  orderWebhook?: OrderWebhook;
  /** Switched off by an admin: the widget is refused (UNKNOWN_SITE), its data stays. */
  disabled?: boolean;
  createdAt: number;
}

export interface SiteIdentity {
  /** 'required': identifies without a valid signature are refused; absent = optional. */
  mode?: 'optional' | 'required';
  /** HS256 key, base64url; shown once to the admin who made it, never sent again. */
  secret?: string;
  secretCreatedAt?: number;
}

export interface OrderWebhook {
  /** https URL; a path ("/demo/order-status") means this server itself (the demo). */
  url: string;
  /** HMAC-SHA256 key for the request signature. */
  secret: string;
}

/** A site's welcome: its greeting per language, and the FAQ entries offered as topics (≤ 4). */
export interface SiteWelcome {
  /** lang → greeting; a language without one gets bot/bot-strings.ts `welcome`. */
  messages: Record<Lang, string>;
  /** FAQ entry ids, in the order shown. */
  topics: string[];
}

/** Opening hours in the site's time zone, e.g. { timeZone: 'Europe/Paris', days: { mon: [['09:00', '18:00']] } }. */
export interface BusinessHours {
  timeZone: string;
  /** Days absent are closed; each range is [from, to) in 24 h "HH:MM". */
  days: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string][]>>;
}

export interface AgentRecord {
  id: string;
  /** The site the agent's console opens on. */
  siteId: string;
  /** Every site the agent works on, `siteId` included (admin sites page); absent = `siteId` only. */
  siteIds?: string[];
  name: string;
  email: string;
  languages: Lang[];
  role: 'agent' | 'admin';
  /** Most chats at once; absent = the server's BULLE_AGENT_MAX_CHATS. */
  maxChats?: number;
  /** Topics they handle; absent = every topic. */
  skills?: string[];
  /** Absent = 'agent'. */
  level?: AgentLevel;
  passwordHash: string;
  /** Set by an admin: cannot log in; absent = active. */
  disabled?: boolean;
  createdAt: number;
}

export interface SessionRecord {
  /** sha256 of the cookie value: a stolen data dir does not yield live sessions. */
  tokenHash: string;
  agentId: string;
  expiresAt: number;
}

export interface VisitorRecord {
  id: string;
  siteId: string;
  /** sha256 of the visitor token; the token itself is only ever known to the browser. */
  tokenHash: string;
  languages: Lang[];
  /** Left with `contact:set` when nobody was available. */
  email?: string;
  currentConversationId?: string;
  createdAt: number;
}

export interface ConversationRecord {
  id: string;
  siteId: string;
  visitorId: string;
  status: ConversationStatus;
  lang: Lang;
  langConfidence: number;
  createdAt: number;
  updatedAt: number;
  queuedAt?: number;
  closedAt?: number;
  assignedAgentId?: string;
  assignedAgentName?: string;
  firstMessage?: string;
  lastPage?: PageInfo;
  lastSeq: number;
  visitorReadSeq: number;
  visitorLanguages: Lang[];
  visit?: VisitInfo;
  /** The last answer variation the bot gave, so it never repeats itself twice in a row. */
  lastAnswer?: { faqId: string; variant: number };
  /** The closing tag and outcome, and the customer clues an agent attached. */
  tag?: string;
  resolved?: boolean;
  customer?: CustomerLinks;
  /** The e-mail the visitor left when nobody was available. */
  contactEmail?: string;
  /** Chosen by the visitor or an agent: the detector no longer changes `lang`. */
  langLocked?: boolean;
  /** Sent by an agent to another language's queue: routed to that language's agents; `lang` stays the visitor's. */
  queueLang?: Lang;
  /** Its agent does not speak the language it is routed in (fallback, transfer, an admin's pick). */
  flagged?: boolean;
  /** "Did this help?" answers, by the bot message's seq. */
  feedback?: Record<number, 'helpful' | 'unhelpful'>;
  /** What it is about: the bot's latest reading of the visitor's words, or an agent's correction (which the bot keeps). */
  topic?: ConversationTopic;
  /** Its agent lacks the topic's skill (routing's fallback to any speaker). */
  skillFallback?: boolean;
  // Facts kept for the numbers (storage/stats-query.ts); set once, never cleared by a reopening.
  /** When it first went to a person's queue. */
  handedOffAt?: number;
  /** When a person first replied. */
  firstAgentReplyAt?: number;
  /** When it was first closed, and when the visitor first wrote again after a close. */
  firstClosedAt?: number;
  reopenedAt?: number;
  /** Who ended it last: the visitor (`conversation:end`) or an agent's close. */
  endedBy?: 'visitor' | 'agent';
  /** The visitor's rating, once per conversation. */
  rating?: Rating;
  /** E-mail (services/mail/chat-mail.ts): transcripts sent, and the last "an agent answered you" note. */
  transcriptsSent?: number;
  mailNotifiedAt?: number;
  /** Who the shop's page said the customer is (server/services/identity/). */
  identity?: CustomerIdentity;
  /** The bot is asking about an order (server/services/orders/): what it waits for next. */
  orderFlow?: OrderFlowState;
}

export interface OrderFlowState {
  /** What the bot asked for and waits for; absent = nothing (only `misses` is kept). */
  step?: 'number' | 'email';
  orderNumber?: string;
  /** Lookups that found nothing in this conversation: past a few, only a person can help. */
  misses: number;
  /** When the bot asked (a question left unanswered long enough is forgotten). */
  at?: number;
}

/** A question the bot could not answer well, kept per site for the console. */
export interface UnansweredRecord extends UnansweredItem {
  siteId: string;
}

/** A FAQ change made from the console (protocol FaqAddition); the FAQ files themselves stay read-only. */
export interface FaqAdditionRecord extends FaqAddition {
  siteId: string;
}

/** One version of one FAQ entry, saved from the console's FAQ editor (protocol FaqEntryVersion). */
export interface FaqVersionRecord extends FaqEntryVersion {
  siteId: string;
}

export interface CannedReplyRecord extends CannedReply {
  siteId: string;
}

export type NewMessage = Omit<Message, 'id' | 'seq' | 'createdAt' | 'conversationId'>;

export interface ConversationFilter {
  siteId: string;
  status?: ConversationRecord['status'][];
  langs?: Lang[];
  assignedAgentId?: string;
  visitorId?: string;
  /** Conversations sharing at least one of these e-mails or order numbers (customer history). */
  customer?: Partial<CustomerLinks>;
  /** Most recent first, by `closedAt ?? updatedAt` (then id), instead of oldest queued first. */
  newestFirst?: boolean;
  /** With `newestFirst`: only what comes after this position (a page cursor). */
  after?: { at: number; id: string };
  limit?: number;
}

/** What the numbers are computed over (storage/stats-query.ts): UTC days `from`..`to`, both included. */
export interface StatsFilter {
  siteId: string;
  /** YYYY-MM-DD */
  from: string;
  to: string;
  lang?: Lang;
  tag?: string;
  agentId?: string;
}

/**
 * A shop's order event (POST /api/sites/:siteId/order-events), unique by site and `eventId`; the
 * follow-up it makes for the customer the shop signed (identity `sub` = `customer.id`, or their
 * verified e-mail), sent with that customer's next identify and not again once shown.
 */
export interface OrderEventRecord {
  siteId: string;
  eventId: string;
  /** As stored: without "#", upper-cased (as customer links are). */
  orderNumber: string;
  /** `email` lower-cased. */
  customer: { id?: string; email?: string };
  status: 'confirmed' | 'shipped' | 'out_for_delivery' | 'delivered' | 'delayed' | 'cancelled';
  carrier?: string;
  trackingNumber?: string;
  /** When it happened (the shop's `at`, else when received), ms. */
  at: number;
  receivedAt: number;
  /** First sent to a widget (with an identify ack). */
  sentAt?: number;
  /** The widget acknowledged showing it. */
  shownAt?: number;
}

/** One admin change (protocol AuditEntry): never a password, hash or secret (services/audit/). */
export type AuditRecord = AuditEntry;

/** Which audit entries, newest first (by `at`, then id). */
export interface AuditFilter {
  /** Entries concerning at least one of these sites. */
  siteIds: string[];
  /** Epoch ms, both ends included. */
  from?: number;
  to?: number;
  /** Only entries older than this position (a page cursor). */
  before?: { at: number; id: string };
  limit: number;
}
