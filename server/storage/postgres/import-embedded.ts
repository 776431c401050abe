// Copy an embedded store (a data folder) into PostgreSQL: sites, agents, canned replies, the
// unanswered list, FAQ additions, order events, the audit log, and every conversation with its visitor and messages, keeping
// ids and seqs. Safe to run again (what is there already is left as it is), so an interrupted
// copy is finished by running it once more. Sessions are not copied: agents log in again.
import pg from 'pg';
import type { ChatStore } from '../chat-store.js';
import { migrate } from './migrations.js';
import { insertAuditSql } from './pg-audit.js';

export interface ImportCounts {
  sites: number;
  agents: number;
  visitors: number;
  conversations: number;
  messages: number;
}

const PAGE = 500;

export async function importEmbedded(source: ChatStore, connectionString: string, onProgress?: (c: ImportCounts) => void): Promise<ImportCounts> {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const counts: ImportCounts = { sites: 0, agents: 0, visitors: 0, conversations: 0, messages: 0 };
  const put = (sql: string, values: unknown[]) => pool.query(sql, values);
  try {
    await migrate(pool);
    for (const site of await source.listSites()) {
      await put('INSERT INTO sites (id, data) VALUES ($1, $2) ON CONFLICT DO NOTHING', [site.id, JSON.stringify(site)]);
      counts.sites++;
      for (const agent of await source.listAgents(site.id)) {
        await put('INSERT INTO agents (id, data) VALUES ($1, $2) ON CONFLICT DO NOTHING', [agent.id, JSON.stringify(agent)]);
        counts.agents++;
      }
      for (const reply of await source.listCannedReplies(site.id)) {
        await put('INSERT INTO canned_replies (site_id, id, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [site.id, reply.id, JSON.stringify(reply)]);
      }
      // Oldest first, so the newest keep the highest positions, as they had.
      for (const item of (await source.listUnanswered(site.id, 1_000_000)).reverse()) {
        await put('INSERT INTO unanswered (site_id, id, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [site.id, item.id, JSON.stringify(item)]);
      }
      for (const addition of await source.listFaqAdditions(site.id)) {
        await put('INSERT INTO faq_additions (site_id, id, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [site.id, addition.id, JSON.stringify(addition)]);
      }
      for (const event of await source.listOrderEvents(site.id)) {
        await put('INSERT INTO order_events (site_id, event_id, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [site.id, event.eventId, JSON.stringify(event)]);
      }
      for (const v of await source.listFaqVersions(site.id)) {
        await put('INSERT INTO faq_versions (site_id, lang, entry_id, version, data) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [site.id, v.lang, v.entryId, v.version, JSON.stringify(v)]);
      }
      // The whole log, a page at a time; an entry of several sites is copied once (ON CONFLICT).
      for (let before: { at: number; id: string } | undefined; ; ) {
        const page = await source.listAudit({ siteIds: [site.id], limit: PAGE, ...(before ? { before } : {}) });
        for (const entry of page) await put(...insertAuditSql(entry));
        if (page.length < PAGE) break;
        const last = page[page.length - 1]!;
        before = { at: last.at, id: last.id };
      }
      const seen = new Set<string>();
      for (const conv of await source.listConversations({ siteId: site.id, limit: Number.MAX_SAFE_INTEGER })) {
        if (!seen.has(conv.visitorId)) {
          seen.add(conv.visitorId);
          const visitor = await source.getVisitor(conv.visitorId);
          if (visitor) {
            await put('INSERT INTO visitors (id, data) VALUES ($1, $2) ON CONFLICT DO NOTHING', [visitor.id, JSON.stringify(visitor)]);
            counts.visitors++;
          }
        }
        await put('INSERT INTO conversations (id, data) VALUES ($1, $2) ON CONFLICT DO NOTHING', [conv.id, JSON.stringify(conv)]);
        counts.conversations++;
        for (let after = 0; ; ) {
          const page = await source.listMessages(conv.id, after, PAGE);
          if (!page.length) break;
          await put(
            `INSERT INTO messages (conversation_id, seq, client_id, data)
             SELECT $1, (m->>'seq')::int, m->>'clientId', m FROM jsonb_array_elements($2::jsonb) AS m
             ON CONFLICT DO NOTHING`,
            [conv.id, JSON.stringify(page)],
          );
          counts.messages += page.length;
          after = page[page.length - 1]!.seq;
        }
        if (counts.conversations % 1000 === 0) onProgress?.(counts);
      }
    }
    return counts;
  } finally {
    await pool.end();
  }
}
