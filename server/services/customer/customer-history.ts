// The same customer's other conversations: linked by the visitor token (same
// visitorId) or by an e-mail or order number an agent attached from what the visitor wrote, or
// that the shop's signed identity vouched for (server/services/identity/). What a visitor only typed or a
// page claimed without a signature links nothing.
import type { ConversationLink } from '../../../protocol/schemas.js';
import type { ConversationSummary, CustomerHistoryItem, CustomerLinks } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, ConversationRecord } from '../../storage/records.js';
import { actionable, readable } from '../conversations/agent-access.js';
import type { Conversations } from '../conversations/conversations.js';
import { toSummary } from '../conversations/views.js';

const MAX_HISTORY = 20;
/** How many e-mails and order numbers one conversation keeps (a visitor pasting a list). */
const MAX_LINKS = 10;

/** "#A-12345" and "a-12345" are the same order; e-mails compare in lower case. */
export const normaliseOrder = (order: string) => order.replace(/^#/, '').toUpperCase();
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export class CustomerHistory {
  constructor(
    private readonly store: ChatStore,
    private readonly conversations: Conversations,
  ) {}

  async link(agent: AgentRecord, input: ConversationLink): Promise<{ conversation: ConversationSummary }> {
    const conv = await actionable(this.store, agent, input.conversationId);
    const customer: CustomerLinks = { emails: [...(conv.customer?.emails ?? [])], orders: [...(conv.customer?.orders ?? [])] };
    if ('email' in input) add(customer.emails, normaliseEmail(input.email));
    else add(customer.orders, normaliseOrder(input.order));
    const next = await this.conversations.transition(conv, { customer });
    return { conversation: toSummary(next) };
  }

  async history(agent: AgentRecord, conversationId: string): Promise<{ conversations: CustomerHistoryItem[] }> {
    const conv = await readable(this.store, agent, conversationId);
    const base = { siteId: conv.siteId, newestFirst: true, limit: MAX_HISTORY + 1 };
    const [sameVisitor, sameCustomer] = await Promise.all([
      this.store.listConversations({ ...base, visitorId: conv.visitorId }),
      conv.customer ? this.store.listConversations({ ...base, customer: conv.customer }) : Promise.resolve([]),
    ]);
    const found = new Map<string, ConversationRecord>();
    for (const c of sameVisitor) if (c.id !== conv.id && sameCustomerBrowser(conv, c)) found.set(c.id, c);
    for (const c of sameCustomer) if (c.id !== conv.id) found.set(c.id, c);
    const items = [...found.values()]
      .sort((a, b) => (b.closedAt ?? b.updatedAt) - (a.closedAt ?? a.updatedAt))
      .slice(0, MAX_HISTORY)
      .map((c) => ({ conversation: toSummary(c), matchedBy: matchedBy(conv, c) }));
    return { conversations: items };
  }
}

function add(list: string[], value: string) {
  if (!list.includes(value)) list.push(value);
  if (list.length > MAX_LINKS) list.shift();
}

/**
 * The same browser is the same customer, except when each chat was signed in as a different
 * customer (a shared computer): two verified identities are never merged.
 */
function sameCustomerBrowser(a: ConversationRecord, b: ConversationRecord): boolean {
  if (a.visitorId !== b.visitorId) return false;
  const x = a.identity?.verified?.sub;
  const y = b.identity?.verified?.sub;
  return !x || !y || x === y;
}

function matchedBy(conv: ConversationRecord, other: ConversationRecord): CustomerHistoryItem['matchedBy'] {
  const why: CustomerHistoryItem['matchedBy'] = [];
  if (sameCustomerBrowser(conv, other)) why.push('visitor');
  if (conv.customer?.emails.some((e) => other.customer?.emails.includes(e))) why.push('email');
  if (conv.customer?.orders.some((o) => other.customer?.orders.includes(o))) why.push('order');
  return why;
}
