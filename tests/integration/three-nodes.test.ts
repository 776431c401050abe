// Three servers sharing PostgreSQL and Redis: a visitor on A, their agent on C, a transfer to an
// agent on B; then A stops and the next chat is still routed by the other two (two-nodes.test.ts
// checks the owner's hand-over itself). Skipped where PostgreSQL or Redis is not installed (CI installs both).
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message, VisitorSendResult } from '../../protocol/types.js';
import { postgresAvailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { redisAvailable, startRedis } from '../helpers/redis.js';
import { clientId, closeClients, connectAgent, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';

afterEach(() => closeClients());

/** A visitor on `url` writes in their language and asks for a person; `agent` is given the chat. */
async function handOff(url: string, lang: string, text: string, agent: Socket) {
  const visitor = connectVisitor(url, { siteId: 'demo', languages: [lang] });
  await waitFor(visitor, 'connect');
  await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
  const assigned = waitFor<{ conversation: { id: string; lang: string } }>(agent, SERVER_EVT.conversationAssigned, () => true, 60_000);
  await ok(visitor, VISITOR_CMD.handoffRequest, {});
  return { visitor, conversation: (await assigned).conversation };
}

describe.skipIf(!postgresAvailable() || !redisAvailable())('three servers on one PostgreSQL and one Redis', () => {
  let pg: TestPostgres;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: TestServer;
  let b: TestServer;
  let c: TestServer;
  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    const databaseUrl = await pg.newDatabase();
    a = await startServer({ databaseUrl, redisUrl: redis.url });
    // The others join the first one's demo: no seeding of their own, the demo agents allowed.
    [b, c] = await Promise.all([1, 2].map(() => startServer({ databaseUrl, redisUrl: redis.url, seedDemo: false, allowDemoAgents: true })));
  }, 120_000);
  afterAll(async () => {
    for (const s of [a, b, c]) await s?.close();
    await redis?.stop();
    await pg?.stop();
  });

  it('a chat starts on A with an agent on C, is transferred to an agent on B, and every message crosses', async () => {
    const camille = await connectAgent(c.url, 'camille@demo.bulle.chat', 'demo-camille');
    const { visitor, conversation } = await handOff(a.url, 'fr', 'Je voudrais parler à quelqu’un', camille);

    const fromCamille = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'agent' && m.text === 'Camille, sur le troisième serveur.');
    await ok(camille, AGENT_CMD.messageSend, { conversationId: conversation.id, clientId: clientId(), text: 'Camille, sur le troisième serveur.' });
    await fromCamille;

    // Camille hands the chat to Alex, who works on B.
    const alex = await connectAgent(b.url, 'alex@demo.bulle.chat', 'demo-alex');
    const alexId = (await a.app.store.findAgentByEmail('alex@demo.bulle.chat'))!.id;
    const toAlex = waitFor(alex, SERVER_EVT.conversationAssigned, (p: { conversation: { id: string } }) => p.conversation.id === conversation.id, 60_000);
    const res = await ok<{ conversation: { assignedAgentName?: string } }>(camille, AGENT_CMD.conversationTransfer, { conversationId: conversation.id, toAgentId: alexId, note: 'Client fidèle' });
    expect(res.conversation.assignedAgentName).toBe('Alex');
    await toAlex;

    const heard = waitFor<Message>(alex, SERVER_EVT.messageCreated, (m) => m.author === 'visitor' && m.text === 'Merci !');
    await ok(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Merci !', page });
    await heard;
    const fromAlex = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'agent' && m.text === 'Alex prend la suite.');
    await ok(alex, AGENT_CMD.messageSend, { conversationId: conversation.id, clientId: clientId(), text: 'Alex prend la suite.' });
    await fromAlex;

    // Every server sees the same assignment.
    const fromC = await ok<{ agents: { name: string; openChats: number }[] }>(camille, AGENT_CMD.agentsList, {});
    expect(fromC.agents.find((x) => x.name === 'Alex')).toMatchObject({ openChats: 1 });
    expect(fromC.agents.find((x) => x.name === 'Camille')).toMatchObject({ openChats: 0 });
  });

  it('when A stops, B and C still route the next chat', async () => {
    closeClients();
    await a.close();
    const jonas = await connectAgent(c.url, 'jonas@demo.bulle.chat', 'demo-jonas');
    const { conversation } = await handOff(b.url, 'de', 'Ich möchte mit einem Menschen sprechen', jonas);
    expect(conversation.lang).toBe('de');
  });
});
