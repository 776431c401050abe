// Stored shapes. They belong to the store contract, not to lowdb: any ChatStore keeps these.
import type { ConversationStatus, Lang, Message, PageInfo, VisitInfo } from '../protocol/types.js';

export interface SiteRecord {
  id: string;
  name: string;
  languages: Lang[];
  defaultLanguage: Lang;
  /** Origins allowed to embed the widget; empty = any (demo only, see README). */
  allowedOrigins: string[];
  /** Folder of `<lang>.json` FAQ files for this site. */
  faqDir: string;
  createdAt: number;
}

export interface AgentRecord {
  id: string;
  siteId: string;
  name: string;
  email: string;
  languages: Lang[];
  role: 'agent' | 'admin';
  passwordHash: string;
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
}

export type NewMessage = Omit<Message, 'id' | 'seq' | 'createdAt' | 'conversationId'>;

export interface ConversationFilter {
  siteId: string;
  status?: ConversationRecord['status'][];
  langs?: Lang[];
  assignedAgentId?: string;
  limit?: number;
}
