// Order events on PostgreSQL (the follow-ups' ChatStore methods and their numbers). One row per
// site and eventId: a repeat is an INSERT that does nothing, so two servers receiving the same
// event at once store it once.
import type { FollowUpStats, Message } from '../../../protocol/types.js';
import { followUpStats } from '../follow-up-stats.js';
import type { CustomerKey } from '../order-events.js';
import type { ConversationRecord, OrderEventRecord, StatsFilter } from '../records.js';
import { rangeOf } from '../stats-query.js';

type Rows = (text: string, values: unknown[]) => Promise<{ data: unknown }[]>;

export async function addOrderEvent(rows: Rows, event: OrderEventRecord): Promise<{ event: OrderEventRecord; created: boolean }> {
  const inserted = await rows(
    'INSERT INTO order_events (site_id, event_id, data) VALUES ($1, $2, $3) ON CONFLICT (site_id, event_id) DO NOTHING RETURNING data',
    [event.siteId, event.eventId, JSON.stringify(event)],
  );
  if (inserted[0]) return { event: inserted[0].data as OrderEventRecord, created: true };
  const [known] = await rows('SELECT data FROM order_events WHERE site_id = $1 AND event_id = $2', [event.siteId, event.eventId]);
  return { event: known!.data as OrderEventRecord, created: false };
}

export async function listOrderEvents(rows: Rows, siteId: string, who?: CustomerKey): Promise<OrderEventRecord[]> {
  if (!who) return (await rows('SELECT data FROM order_events WHERE site_id = $1 ORDER BY n', [siteId])).map((r) => r.data as OrderEventRecord);
  const found = await rows(
    'SELECT data FROM order_events WHERE site_id = $1 AND (customer_id = $2 OR (customer_id IS NULL AND customer_email = $3)) ORDER BY n',
    [siteId, who.id, who.email ?? null],
  );
  return found.map((r) => r.data as OrderEventRecord);
}

export async function updateOrderEvent(rows: Rows, siteId: string, eventId: string, patch: Partial<Pick<OrderEventRecord, 'sentAt' | 'shownAt'>>): Promise<OrderEventRecord | undefined> {
  const [row] = await rows('UPDATE order_events SET data = data || $3::jsonb WHERE site_id = $1 AND event_id = $2 RETURNING data', [siteId, eventId, JSON.stringify(patch)]);
  return row?.data as OrderEventRecord | undefined;
}

/** The events sent or shown in the range, their customers' conversations and those conversations' messages. */
export async function followUpNumbers(rows: Rows, filter: StatsFilter): Promise<FollowUpStats> {
  const [start, end] = rangeOf(filter);
  const events = (
    await rows(
      `SELECT data FROM order_events WHERE site_id = $1 AND (((data->>'sentAt')::bigint >= $2 AND (data->>'sentAt')::bigint < $3) OR ((data->>'shownAt')::bigint >= $2 AND (data->>'shownAt')::bigint < $3))`,
      [filter.siteId, start, end],
    )
  ).map((r) => r.data as OrderEventRecord);
  const shown = events.filter((e) => e.shownAt !== undefined);
  const ids = [...new Set(shown.flatMap((e) => (e.customer.id ? [e.customer.id] : [])))];
  const emails = [...new Set(shown.flatMap((e) => (!e.customer.id && e.customer.email ? [e.customer.email] : [])))];
  const conversations = shown.length
    ? (
        await rows(
          `SELECT data FROM conversations WHERE site_id = $1 AND data->'identity'->'verified' IS NOT NULL
           AND (data->'identity'->'verified'->>'sub' = ANY($2) OR data->'identity'->'verified'->>'email' = ANY($3))`,
          [filter.siteId, ids, emails],
        )
      ).map((r) => r.data as ConversationRecord)
    : [];
  const messages = new Map<string, Message[]>();
  if (conversations.length) {
    const found = await rows(`SELECT data FROM messages WHERE conversation_id = ANY($1) AND data->>'author' IN ('visitor', 'bot') ORDER BY conversation_id, seq`, [conversations.map((c) => c.id)]);
    for (const { data } of found) {
      const m = data as Message;
      (messages.get(m.conversationId) ?? messages.set(m.conversationId, []).get(m.conversationId)!).push(m);
    }
  }
  return followUpStats(filter, { events, conversations, messages: (id) => messages.get(id) ?? [] });
}
