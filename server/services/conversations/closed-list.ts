// The console's "Closed" list: recent closed conversations, newest first, by page.
// Agents see the ones they handled; admins see the whole site's.
import { ERR } from '../../../protocol/events.js';
import type { ConversationsListResult } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, ConversationRecord } from '../../storage/records.js';
import { AppError } from '../app-error.js';
import { toSummary } from './views.js';

const PAGE = 25;

/** The cursor is the last item's position: `<closedAt>_<id>`. */
const cursorOf = (c: ConversationRecord) => `${c.closedAt ?? c.updatedAt}_${c.id}`;
function parseCursor(cursor: string): { at: number; id: string } {
  const at = Number(cursor.slice(0, cursor.indexOf('_')));
  if (!Number.isSafeInteger(at)) throw new AppError(ERR.badPayload, 'cursor: not a cursor from this list');
  return { at, id: cursor.slice(cursor.indexOf('_') + 1) };
}

export async function listClosed(store: ChatStore, agent: AgentRecord, cursor?: string): Promise<ConversationsListResult> {
  const page = await store.listConversations({
    siteId: agent.siteId,
    status: ['closed'],
    ...(agent.role === 'admin' ? {} : { assignedAgentId: agent.id }),
    newestFirst: true,
    ...(cursor ? { after: parseCursor(cursor) } : {}),
    limit: PAGE + 1,
  });
  const shown = page.slice(0, PAGE);
  return { conversations: shown.map(toSummary), nextCursor: page.length > PAGE ? cursorOf(shown[shown.length - 1]!) : null };
}
