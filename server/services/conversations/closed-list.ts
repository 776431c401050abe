// The console's "Closed" list: recent closed conversations of every site the agent works on,
// newest first, by page. Agents see the ones they handled; admins see their sites' whole lists.
import { ERR } from '../../../protocol/events.js';
import type { ConversationsListResult } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, ConversationRecord } from '../../storage/records.js';
import { AppError } from '../app-error.js';
import { agentSiteIds } from '../agent/agent-sites.js';
import { toSummary } from './views.js';

const PAGE = 25;

/** The cursor is the last item's position: `<closedAt>_<id>`. */
const atOf = (c: ConversationRecord) => c.closedAt ?? c.updatedAt;
const cursorOf = (c: ConversationRecord) => `${atOf(c)}_${c.id}`;
function parseCursor(cursor: string): { at: number; id: string } {
  const at = Number(cursor.slice(0, cursor.indexOf('_')));
  if (!Number.isSafeInteger(at)) throw new AppError(ERR.badPayload, 'cursor: not a cursor from this list');
  return { at, id: cursor.slice(cursor.indexOf('_') + 1) };
}

/** The store's newest-first order (storage/conversation-queries.ts), so pages merged across sites line up. */
const newestFirst = (a: ConversationRecord, b: ConversationRecord) => atOf(b) - atOf(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export async function listClosed(store: ChatStore, agent: AgentRecord, cursor?: string): Promise<ConversationsListResult> {
  const after = cursor ? parseCursor(cursor) : undefined;
  // A page from each site after the same position, merged: the next PAGE + 1 of them all.
  const pages = await Promise.all(
    agentSiteIds(agent).map((siteId) =>
      store.listConversations({
        siteId,
        status: ['closed'],
        ...(agent.role === 'admin' ? {} : { assignedAgentId: agent.id }),
        newestFirst: true,
        ...(after ? { after } : {}),
        limit: PAGE + 1,
      }),
    ),
  );
  const page = pages.flat().sort(newestFirst).slice(0, PAGE + 1);
  const shown = page.slice(0, PAGE);
  return { conversations: shown.map(toSummary), nextCursor: page.length > PAGE ? cursorOf(shown[shown.length - 1]!) : null };
}
