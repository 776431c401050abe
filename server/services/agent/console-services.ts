// The agent workspace's services, built once per server. The socket layer reaches the store only
// through these.
import type { ConversationsListResult, TagsListResult, UnansweredListResult } from '../../../protocol/types.js';
import { agentSiteIds } from './agent-sites.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord } from '../../storage/records.js';
import { CannedReplies } from './canned-replies.js';
import { ContextService } from '../customer/context-service.js';
import { listClosed } from '../conversations/closed-list.js';
import type { Conversations } from '../conversations/conversations.js';
import { NotesService } from '../conversations/notes-service.js';
import { siteTags } from '../conversations/tags.js';
import { CustomerHistory } from '../customer/customer-history.js';
import type { FaqAdditions } from '../faq/faq-additions.js';
import { groupUnanswered } from '../faq/unanswered-groups.js';
import type { AuditLog } from '../audit/audit-log.js';

/** How far back the Unanswered list reads (the store keeps 500 per site), and how many it shows. */
const UNANSWERED_READ = 500;
const UNANSWERED_SHOWN = 200;

export interface ConsoleServices {
  canned: CannedReplies;
  notes: NotesService;
  context: ContextService;
  customers: CustomerHistory;
  /** Phrasings and entries added to the FAQ from the Unanswered list. */
  faq: FaqAdditions;
  /** The Closed list, a page at a time (cursor from the previous page). */
  closed(agent: AgentRecord, cursor?: string): Promise<ConversationsListResult>;
  /** The closing tags of the agent's own site, and of each site they work on. */
  tags(agent: AgentRecord): Promise<TagsListResult>;
  /** Questions the bot could not answer well, newest first and grouped, with the additions made from them. */
  unanswered(agent: AgentRecord): Promise<UnansweredListResult>;
}

export function createConsoleServices(store: ChatStore, conversations: Conversations, faq: FaqAdditions, audit: AuditLog): ConsoleServices {
  return {
    canned: new CannedReplies(store, audit),
    notes: new NotesService(store, conversations),
    context: new ContextService(store, conversations),
    customers: new CustomerHistory(store, conversations),
    faq,
    closed: (agent, cursor) => listClosed(store, agent, cursor),
    async tags(agent) {
      const bySite: Record<string, string[]> = {};
      for (const siteId of agentSiteIds(agent)) bySite[siteId] = await siteTags(store, siteId);
      return { tags: bySite[agent.siteId]!, bySite };
    },
    async unanswered({ siteId }) {
      const [records, additions] = await Promise.all([store.listUnanswered(siteId, UNANSWERED_READ), faq.list(siteId)]);
      const items = records.map(({ siteId: _site, ...item }) => item);
      return { items: items.slice(0, UNANSWERED_SHOWN), groups: groupUnanswered(items, additions), additions };
    },
  };
}
