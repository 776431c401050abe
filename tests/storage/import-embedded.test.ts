// Moving an embedded store into PostgreSQL keeps ids, seqs and every record, and running the
// copy again changes nothing. Skipped where PostgreSQL is not installed (CI installs it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LowdbChatStore } from '../../server/storage/lowdb-chat-store.js';
import { importEmbedded } from '../../server/storage/postgres/import-embedded.js';
import { PgChatStore } from '../../server/storage/postgres/pg-chat-store.js';
import { postgresAvailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp-dir.js';

describe.skipIf(!postgresAvailable())('importing an embedded store into PostgreSQL', () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it('copies sites, agents, canned replies, unanswered questions, FAQ additions and versions, order events, visitors, conversations and messages', async () => {
    const t = await tempDir();
    try {
      const source = new LowdbChatStore({ dir: t.dir, flushIntervalMs: 1 });
      await source.open();
      const site = { id: 'shop', name: 'Shop', languages: ['fr' as const], defaultLanguage: 'fr' as const, allowedOrigins: [], faqDir: 'faq/data/demo', createdAt: 1 };
      await source.putSite(site);
      await source.putAgent({ id: 'a1', siteId: 'shop', name: 'Anna', email: 'anna@shop.test', languages: ['fr'], role: 'admin', passwordHash: 'x', createdAt: 1 });
      await source.putCannedReply({ id: 'r1', siteId: 'shop', shortcut: 'hi', title: 'Hi', texts: { fr: 'Bonjour' }, updatedAt: 1 });
      await source.addUnanswered({ id: 'u1', siteId: 'shop', text: 'une question', lang: 'fr', at: 1, conversationId: 'c1', reason: 'stepped-aside' });
      await source.addUnanswered({ id: 'u2', siteId: 'shop', text: 'une autre', lang: 'fr', at: 2, conversationId: 'c1', reason: 'stepped-aside' });
      await source.addFaqAddition({ id: 'f1', siteId: 'shop', kind: 'phrasing', status: 'active', lang: 'fr', faqId: 'returns', text: 'renvoyer', source: 'agent', at: 1 });
      const event = { siteId: 'shop', eventId: 'e1', orderNumber: '48213', customer: { id: 'cust-1' }, status: 'shipped' as const, at: 1, receivedAt: 1, shownAt: 2 };
      await source.addOrderEvent(event);
      const version = { siteId: 'shop', lang: 'fr', entryId: 'returns', version: 1, entry: null, action: 'delete' as const, by: { agentId: 'a1', name: 'Anna' }, at: 1 };
      await source.addFaqVersion(version);
      await source.createVisitor({ id: 'v1', siteId: 'shop', tokenHash: 'digest', languages: ['fr'], currentConversationId: 'c1', createdAt: 1 });
      await source.createConversation({ id: 'c1', siteId: 'shop', visitorId: 'v1', status: 'bot', lang: 'fr', langConfidence: 1, createdAt: 1, updatedAt: 1, lastSeq: 0, visitorReadSeq: 0, visitorLanguages: ['fr'] });
      for (const text of ['un', 'deux', 'trois']) await source.appendMessage('c1', { author: 'visitor', text, clientId: `client-${text}` });
      const before = await source.listMessages('c1');

      const url = await pg.newDatabase();
      const counts = await importEmbedded(source, url);
      expect(counts).toEqual({ sites: 1, agents: 1, visitors: 1, conversations: 1, messages: 3 });
      await importEmbedded(source, url); // again: nothing doubles
      await source.close();

      const target = new PgChatStore({ connectionString: url });
      await target.open();
      try {
        expect(await target.getSite('shop')).toEqual(site);
        expect((await target.findAgentByEmail('ANNA@shop.test'))?.id).toBe('a1');
        expect((await target.listCannedReplies('shop')).map((r) => r.id)).toEqual(['r1']);
        expect((await target.listUnanswered('shop')).map((u) => u.id)).toEqual(['u2', 'u1']);
        expect((await target.listFaqAdditions('shop')).map((f) => f.id)).toEqual(['f1']);
        expect(await target.listOrderEvents('shop', { id: 'cust-1' })).toEqual([event]);
        expect(await target.listFaqVersions('shop')).toEqual([version]);
        expect((await target.findVisitorByToken('shop', 'digest'))?.currentConversationId).toBe('c1');
        expect(await target.listMessages('c1')).toEqual(before);
        expect((await target.getConversation('c1'))?.lastSeq).toBe(3);
        // The copy goes on as the original would: the next message is seq 4, a resend stays one.
        expect((await target.appendMessage('c1', { author: 'visitor', text: 'quatre', clientId: 'client-quatre' })).message.seq).toBe(4);
        expect((await target.appendMessage('c1', { author: 'visitor', text: 'un (resent)', clientId: 'client-un' })).created).toBe(false);
      } finally {
        await target.close();
      }
    } finally {
      await t.remove();
    }
  });
});
