// The numbers on PostgreSQL: the database picks out what they are made of — the range's
// conversations (filters on indexed columns), the later conversations of the same customers
// (first-contact resolution looks 7 days past a close), the bot's answers and the unanswered
// questions — and the shared function (../stats-query.ts) computes them, so both stores give
// the same figures by construction.
import type { Message } from '../../../protocol/types.js';
import type { ConversationRecord, StatsFilter, UnansweredRecord } from '../records.js';
import { rangeOf, type StatsSource } from '../stats-query.js';

type Rows = (text: string, values: unknown[]) => Promise<{ data: unknown }[]>;

/** The conversations created in the range that match the filters (the numbers' scope). */
export async function scopeRows(rows: Rows, filter: StatsFilter): Promise<ConversationRecord[]> {
  const [start, end] = rangeOf(filter);
  const values: unknown[] = [filter.siteId, start, end];
  let sql = `SELECT data FROM conversations WHERE site_id = $1 AND (data->>'createdAt')::bigint >= $2 AND (data->>'createdAt')::bigint < $3`;
  if (filter.lang) sql += ` AND lang = $${values.push(filter.lang)}`;
  if (filter.tag) sql += ` AND data->>'tag' = $${values.push(filter.tag)}`;
  if (filter.agentId) sql += ` AND assigned_agent_id = $${values.push(filter.agentId)}`;
  return (await rows(`${sql} ORDER BY (data->>'createdAt')::bigint, id COLLATE "C"`, values)).map((r) => r.data as ConversationRecord);
}

export async function statsSource(rows: Rows, filter: StatsFilter): Promise<StatsSource> {
  const [start, end] = rangeOf(filter);
  const scope = await scopeRows(rows, filter);
  const ids = scope.map((c) => c.id);
  // Only customers whose chat an agent closed as resolved can lose first-contact resolution.
  const resolved = scope.filter((c) => c.status === 'closed' && c.resolved === true);
  const later = resolved.length
    ? (
        await rows(
          `SELECT data FROM conversations WHERE site_id = $1 AND (data->>'createdAt')::bigint > $2 AND NOT (id = ANY($3))
           AND (visitor_id = ANY($4) OR coalesce(data->'customer'->'emails', '[]') ?| $5 OR coalesce(data->'customer'->'orders', '[]') ?| $6)`,
          [
            filter.siteId,
            start,
            ids,
            resolved.map((c) => c.visitorId),
            resolved.flatMap((c) => c.customer?.emails ?? []),
            resolved.flatMap((c) => c.customer?.orders ?? []),
          ],
        )
      ).map((r) => r.data as ConversationRecord)
    : [];
  const answers = ids.length
    ? await rows(`SELECT data FROM messages WHERE conversation_id = ANY($1) AND data->>'author' = 'bot' AND data->'bot'->>'outcome' = 'answer' ORDER BY conversation_id, seq`, [ids])
    : [];
  const byConversation = new Map<string, Message[]>();
  for (const { data } of answers) {
    const m = data as Message;
    (byConversation.get(m.conversationId) ?? byConversation.set(m.conversationId, []).get(m.conversationId)!).push(m);
  }
  const unanswered = (
    await rows(`SELECT data FROM unanswered WHERE site_id = $1 AND (data->>'at')::bigint >= $2 AND (data->>'at')::bigint < $3 ORDER BY n`, [filter.siteId, start, end])
  ).map((r) => r.data as UnansweredRecord);
  // With a tag or agent filter, a question counts when its conversation matches, wherever it started.
  const known = new Set([...ids, ...later.map((c) => c.id)]);
  const missing = filter.tag || filter.agentId ? [...new Set(unanswered.map((u) => u.conversationId))].filter((id) => !known.has(id)) : [];
  const asked = missing.length ? (await rows('SELECT data FROM conversations WHERE id = ANY($1)', [missing])).map((r) => r.data as ConversationRecord) : [];
  return {
    conversations: [...scope, ...later, ...asked],
    messages: (id) => byConversation.get(id) ?? [],
    unanswered,
  };
}
