// The whole server on PostgreSQL (DATABASE_URL): the loop works, a restart keeps everything, and a
// second server on the same database serves a visitor of the first. Skipped where PostgreSQL is
// not installed (CI installs it).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message, VisitorSendResult } from '../../protocol/types.js';
import { postgresAvailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { clientId, closeClients, connectAgent, connectVisitor, ok, page, startServer, waitFor } from '../helpers/server.js';

afterEach(() => closeClients());

describe.skipIf(!postgresAvailable())('the server on PostgreSQL', () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it('seeds the demo, answers, hands off to an agent, and keeps everything across a restart', async () => {
    const databaseUrl = await pg.newDatabase();
    const first = await startServer({ databaseUrl });
    let sent: VisitorSendResult;
    try {
      const visitor = connectVisitor(first.url, { siteId: 'demo', languages: ['en'] });
      await waitFor(visitor, 'connect');
      const bot = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
      sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'How long does delivery take?', page });
      expect((await bot).bot?.outcome).toBe('answer');

      const agent = await connectAgent(first.url, 'sam@demo.bulle.chat', 'demo-sam');
      const assigned = waitFor(agent, SERVER_EVT.conversationAssigned);
      await ok(visitor, VISITOR_CMD.handoffRequest, {});
      const { conversation } = await assigned;
      const reply = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'agent');
      await ok(agent, AGENT_CMD.messageSend, { conversationId: conversation.id, clientId: clientId(), text: 'Hello, Sam here.' });
      expect((await reply).text).toBe('Hello, Sam here.');
    } finally {
      closeClients();
      await first.close();
    }

    const second = await startServer({ databaseUrl });
    try {
      const back = connectVisitor(second.url, { siteId: 'demo', token: sent!.token, languages: ['en'] });
      await waitFor(back, 'connect');
      const synced = await ok(back, VISITOR_CMD.conversationSync, { afterSeq: 0 });
      const authors = synced.messages.map((m: Message) => m.author);
      expect(authors[0]).toBe('visitor');
      expect(authors[1]).toBe('bot');
      expect(authors).toContain('agent');
      expect(synced.messages.map((m: Message) => m.seq)).toEqual(synced.messages.map((_: Message, i: number) => i + 1));
    } finally {
      await second.close();
    }
  });

  it('two servers on one database: a visitor of the first resumes on the second, every acknowledged message once', async () => {
    const databaseUrl = await pg.newDatabase();
    const a = await startServer({ databaseUrl });
    // The second node joins the first one's demo: no seeding of its own, the demo agents allowed.
    const b = await startServer({ databaseUrl, seedDemo: false, allowDemoAgents: true });
    try {
      const visitor = connectVisitor(a.url, { siteId: 'demo', languages: ['en'] });
      await waitFor(visitor, 'connect');
      let token: string | undefined;
      const texts = ['Do you ship to Belgium?', 'and to Switzerland?', 'thanks'];
      for (const text of texts) {
        const r = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
        token ??= r.token;
      }
      visitor.close();
      const moved = connectVisitor(b.url, { siteId: 'demo', token, languages: ['en'] });
      await waitFor(moved, 'connect');
      const synced = await ok(moved, VISITOR_CMD.conversationSync, { afterSeq: 0 });
      const mine = synced.messages.filter((m: Message) => m.author === 'visitor').map((m: Message) => m.text);
      expect(mine).toEqual(texts);
    } finally {
      closeClients();
      await a.close();
      await b.close();
    }
  });
});
