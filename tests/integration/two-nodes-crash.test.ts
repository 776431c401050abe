// kill -9 of the server that owns routing, with a visitor on it and their agent on the other:
// the visitor resumes on the survivor with every acknowledged message exactly once, the chat stays
// with its agent (not assigned twice), and the survivor takes routing over and routes the next
// chat. The first server is a real child process (`node dist/server/main.js`, or the sources
// with tsx) so it can be killed for real. Skipped without PostgreSQL or Redis (CI installs both).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message, VisitorSendResult } from '../../protocol/types.js';
import { freePort, startChild, type Child } from '../../bench/lib/proc.js';
import { postgresAvailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { redisAvailable, startRedis } from '../helpers/redis.js';
import { clientId, closeClients, connectAgent, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';

afterEach(() => closeClients());

describe.skipIf(!postgresAvailable() || !redisAvailable())('kill -9 of the routing owner', () => {
  let pg: TestPostgres;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: Child;
  let b: TestServer;
  let aUrl: string;
  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    const databaseUrl = await pg.newDatabase();
    const port = await freePort();
    // The demo (vitest runs with NODE_ENV=production, which would start this node in production mode).
    a = await startChild('server/main.ts', { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, LOG_LEVEL: 'warn', BULLE_BOT_TIMEOUT_MS: '60000', NODE_ENV: 'development' }, port, 120_000);
    aUrl = `http://127.0.0.1:${port}`;
    // The second node joins the first one's demo: no seeding of its own, the demo agents allowed.
    b = await startServer({ databaseUrl, redisUrl: redis.url, seedDemo: false, allowDemoAgents: true });
  });
  afterAll(async () => {
    a?.proc.kill('SIGKILL');
    await b?.close();
    await redis?.stop();
    await pg?.stop();
  });

  it('loses no acknowledged message, assigns nothing twice, and routing moves to the survivor', async () => {
    const agent = await connectAgent(b.url, 'sam@demo.bulle.chat', 'demo-sam');
    const visitor = connectVisitor(aUrl, { siteId: 'demo', languages: ['en'] });
    await waitFor(visitor, 'connect');
    const texts = ['Hello, is anyone there?', 'I need to change my address', 'It is urgent'];
    let token: string | undefined;
    for (const text of texts) {
      const sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
      token ??= sent.token;
    }
    const assigned = waitFor(agent, SERVER_EVT.conversationAssigned, () => true, 60_000);
    await ok(visitor, VISITOR_CMD.handoffRequest, {});
    const { conversation } = await assigned;
    await ok(agent, AGENT_CMD.messageSend, { conversationId: conversation.id, clientId: clientId(), text: 'Sam here, on it.' });

    a.proc.kill('SIGKILL');
    visitor.close();

    const back = connectVisitor(b.url, { siteId: 'demo', token, languages: ['en'] });
    await waitFor(back, 'connect');
    const synced = await ok(back, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    const mine = synced.messages.filter((m: Message) => m.author === 'visitor').map((m: Message) => m.text);
    expect(mine).toEqual(texts);
    expect(synced.messages.filter((m: Message) => m.author === 'agent').map((m: Message) => m.text)).toEqual(['Sam here, on it.']);
    expect(synced.messages.map((m: Message) => m.seq)).toEqual(synced.messages.map((_: Message, i: number) => i + 1));
    expect(synced.conversation).toMatchObject({ status: 'assigned' });

    // The survivor owns routing within a lease: a new chat reaches an agent.
    const lucia = await connectAgent(b.url, 'lucia@demo.bulle.chat', 'demo-lucia');
    const other = connectVisitor(b.url, { siteId: 'demo', languages: ['es'] });
    await waitFor(other, 'connect');
    await ok(other, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Quiero hablar con una persona', page });
    const routed = waitFor(lucia, SERVER_EVT.conversationAssigned, () => true, 60_000);
    await ok(other, VISITOR_CMD.handoffRequest, {});
    expect((await routed).conversation.lang).toBe('es');

    // Sam's chat was not handed to anyone else when its router moved.
    const list = await ok(agent, AGENT_CMD.queueList, {});
    expect(list.mine.map((c: { id: string }) => c.id)).toContain(conversation.id);
    const heard = waitFor<Message>(agent, SERVER_EVT.messageCreated, (m) => m.text === 'Still there?');
    await ok(back, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Still there?', page });
    await heard;
  });
});
