// Two servers sharing PostgreSQL and Redis: an admin on one disables an agent whose console is
// open on the other; that console closes (through the Redis adapter, as a logout does), the
// agent's chat goes back to the queue (the routing owner is told), and neither server lets them
// log in. Skipped where PostgreSQL or Redis is not installed (CI installs both).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_EVT } from '../../protocol/events.js';
import type { AgentCreated } from '../../protocol/types.js';
import { postgresAvailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { redisAvailable, startRedis } from '../helpers/redis.js';
import { closeClients, connectAgent, loginCookie, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { handOff, until } from './routing-helpers.js';

afterEach(() => closeClients());

describe.skipIf(!postgresAvailable() || !redisAvailable())('agents admin across two servers', () => {
  let pg: TestPostgres;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    const databaseUrl = await pg.newDatabase();
    // Grace periods far longer than any wait here: a chat back in the queue came from the disable.
    a = await startServer({ databaseUrl, redisUrl: redis.url, routingGraceMs: 600_000, anyAgentAfterMs: 600_000 });
    b = await startServer({ databaseUrl, redisUrl: redis.url, seedDemo: false, allowDemoAgents: true, routingGraceMs: 600_000, anyAgentAfterMs: 600_000 });
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
    await pg?.stop();
  });

  it('an admin on A disables an agent whose console is open on B', async () => {
    const admin = await loginCookie(a.url, 'alex@demo.bulle.chat', 'demo-alex');
    const api = (method: string, path: string, body?: unknown) =>
      fetch(a.url + path, { method, headers: { cookie: admin, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const res = await api('POST', '/api/admin/agents', { name: 'Ines', email: 'ines@demo.test', role: 'agent', languages: ['de'], siteIds: ['demo'] });
    expect(res.status, await res.clone().text()).toBe(200);
    const { agent, password } = (await res.json()) as AgentCreated;

    const consoleOnB = await connectAgent(b.url, agent.email, password);
    const assigned = waitFor(consoleOnB, SERVER_EVT.conversationAssigned, () => true, 60_000);
    const visitor = await handOff(a, 'de');
    expect((await assigned).conversation.id).toBe(visitor.conversationId);

    const closed = waitFor(consoleOnB, 'disconnect', () => true, 60_000);
    expect((await api('PATCH', `/api/admin/agents/${agent.id}`, { disabled: true })).status).toBe(200);
    await closed;
    await until(async () => (await a.app.store.getConversation(visitor.conversationId))?.status === 'queued', 60_000);
    for (const server of [a, b]) {
      const login = await fetch(server.url + '/api/agent/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: agent.email, password }) });
      expect(login.status).toBe(403);
    }
  });
});
