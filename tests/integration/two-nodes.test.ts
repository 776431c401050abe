// Two servers sharing PostgreSQL and Redis: a visitor on one and an agent on the other talk both
// ways, because rooms and broadcasts go through Redis. Skipped where PostgreSQL or Redis is not
// installed (CI installs both).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message, VisitorSendResult } from '../../protocol/types.js';
import { postgresAvailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { redisAvailable, startRedis } from '../helpers/redis.js';
import { clientId, closeClients, connectAgent, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';

afterEach(() => closeClients());

describe.skipIf(!postgresAvailable() || !redisAvailable())('two servers on one PostgreSQL and one Redis', () => {
  let pg: TestPostgres;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    const databaseUrl = await pg.newDatabase();
    a = await startServer({ databaseUrl, redisUrl: redis.url });
    // The second node joins the first one's demo: no seeding of its own, the demo agents allowed.
    b = await startServer({ databaseUrl, redisUrl: redis.url, seedDemo: false, allowDemoAgents: true });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
    await pg?.stop();
  });

  it('a visitor on A and an agent on B: routed by the owner, replies both ways and typing cross between servers', async () => {
    const agent = await connectAgent(b.url, 'sam@demo.bulle.chat', 'demo-sam');
    const visitor = connectVisitor(a.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(visitor, 'connect');
    await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'I want to talk to a person', page });
    const assigned = waitFor(agent, SERVER_EVT.conversationAssigned, () => true, 60_000);
    const joined = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'system', 60_000);
    await ok(visitor, VISITOR_CMD.handoffRequest, {});
    const { conversation } = await assigned;
    await joined;

    const reply = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'agent');
    await ok(agent, AGENT_CMD.messageSend, { conversationId: conversation.id, clientId: clientId(), text: 'Sam on the other server.' });
    expect((await reply).text).toBe('Sam on the other server.');

    const typing = waitFor(agent, SERVER_EVT.typingChanged);
    const heard = waitFor<Message>(agent, SERVER_EVT.messageCreated, (m) => m.author === 'visitor' && m.text === 'Great, thanks!');
    await ok(visitor, VISITOR_CMD.typingSet, { typing: true });
    await typing;
    await ok(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Great, thanks!', page });
    await heard;

    // Both servers see the same agents and the same assignment, whichever owns routing.
    const fromA = await ok(await connectAgent(a.url, 'alex@demo.bulle.chat', 'demo-alex'), AGENT_CMD.agentsList, {});
    const sam = fromA.agents.find((x: { name: string }) => x.name === 'Sam');
    expect(sam).toMatchObject({ presence: 'online', openChats: 1 });
  });

  it('when the owner stops, the other server takes routing over and routes the next chat', async () => {
    closeClients();
    await a.close();
    const agent = await connectAgent(b.url, 'lucia@demo.bulle.chat', 'demo-lucia');
    const visitor = connectVisitor(b.url, { siteId: 'demo', languages: ['es'] });
    await waitFor(visitor, 'connect');
    await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Quiero hablar con una persona', page });
    const assigned = waitFor(agent, SERVER_EVT.conversationAssigned, () => true, 60_000);
    await ok(visitor, VISITOR_CMD.handoffRequest, {});
    expect((await assigned).conversation.lang).toBe('es');
  });
});
