// The agents admin and an agent's own password over HTTP, with the real server and real
// consoles: create → log in with the one-time password; disable → log-in refused, the open
// console closed, their chat back in the queue; the last active admin stays; admins only; a
// new password ends the other sessions; each change audited, never with a password or hash.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_EVT } from '../../protocol/events.js';
import type { AdminAgent, AgentCreated, AuditPage } from '../../protocol/types.js';
import { closeClients, connectAgent, loginCookie, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { closeAllChats, handOff, until } from './routing-helpers.js';

let server: TestServer;
let admin = '';
beforeAll(async () => {
  // A grace period far longer than any wait below: a chat back in the queue came from the disable.
  server = await startServer({ routingGraceMs: 600_000, anyAgentAfterMs: 600_000 });
  admin = await loginCookie(server.url, 'alex@demo.bulle.chat', 'demo-alex');
});
afterAll(() => server.close());
afterEach(async () => {
  closeClients();
  await closeAllChats(server);
});

const api = (method: string, path: string, cookie: string, body?: unknown) =>
  fetch(server.url + path, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
let n = 0;
const create = async (over: Record<string, unknown> = {}): Promise<AgentCreated> => {
  const res = await api('POST', '/api/admin/agents', admin, { name: `Greta ${++n}`, email: `greta-${n}@demo.test`, role: 'agent', languages: ['de'], siteIds: ['demo'], ...over });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as AgentCreated;
};
const audit = async () => ((await (await api('GET', '/api/admin/audit?limit=200', admin)).json()) as AuditPage).entries;

describe('agents admin', () => {
  it('creates an agent who logs in with the one-time password; audited without it', async () => {
    const { agent, password } = await create({ maxChats: 2, level: 'trainee' });
    expect(agent).toMatchObject({ role: 'agent', languages: ['de'], maxChats: 2, level: 'trainee', skills: null, siteIds: ['demo'], disabled: false });
    // null (the default chats at once, every topic) stays null: never coerced to 0 or [].
    const { agent: nulls } = await create({ maxChats: null, skills: null });
    expect([nulls.maxChats, nulls.skills]).toEqual([null, null]);
    expect(await server.app.store.getAgent(nulls.id)).not.toHaveProperty('maxChats');
    expect(password.length).toBeGreaterThanOrEqual(20);
    const socket = await connectAgent(server.url, agent.email, password);
    expect(socket.connected).toBe(true);
    const list = (await (await api('GET', '/api/admin/agents', admin)).json()) as { agents: AdminAgent[]; sites: { id: string }[] };
    expect(list.agents.find((a) => a.id === agent.id)?.email).toBe(agent.email);
    expect(list.sites.map((s) => s.id)).toEqual(['demo']);
    const entry = (await audit()).find((e) => e.action === 'agent.create' && e.target.id === agent.id);
    expect(entry).toMatchObject({ actor: { name: 'Alex' }, siteIds: ['demo'], changes: { email: { to: agent.email }, role: { to: 'agent' } } });
    const stored = (await server.app.store.getAgent(agent.id))!;
    const text = JSON.stringify(await audit());
    expect(text).not.toContain(password);
    expect(text).not.toContain(stored.passwordHash);
    expect(text).not.toContain('passwordHash');
    // The same e-mail twice: CONFLICT.
    const again = await api('POST', '/api/admin/agents', admin, { name: 'Again', email: agent.email.toUpperCase(), role: 'agent', languages: ['de'], siteIds: ['demo'] });
    expect([again.status, await errorCode(again)]).toEqual([409, 'CONFLICT']);
  });

  it('refuses an agent, a foreign site and a bad body', async () => {
    const sam = await loginCookie(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    for (const [method, body] of [['GET'], ['POST', { name: 'X', email: 'x@demo.test', role: 'admin', languages: ['en'], siteIds: ['demo'] }], ['PATCH', { role: 'admin' }]] as const) {
      const res = await api(method, method === 'PATCH' ? '/api/admin/agents/some-id' : '/api/admin/agents', sam, body);
      expect([res.status, await errorCode(res)]).toEqual([403, 'FORBIDDEN']);
    }
    const foreign = await api('POST', '/api/admin/agents', admin, { name: 'X', email: 'x@demo.test', role: 'agent', languages: ['en'], siteIds: ['elsewhere'] });
    expect(foreign.status).toBe(404);
    const bad = await api('POST', '/api/admin/agents', admin, { name: 'X', email: 'not-an-email', role: 'agent', languages: ['en'], siteIds: ['demo'] });
    expect([bad.status, await errorCode(bad)]).toEqual([400, 'BAD_PAYLOAD']);
    // A field the schema does not know is dropped at the edge (Fastify's removeAdditional): no hash can be set.
    const sneaky = await api('POST', '/api/admin/agents', admin, { name: 'X', email: 'x@demo.test', role: 'agent', languages: ['en'], siteIds: ['demo'], passwordHash: 'x', disabled: false });
    const { agent } = (await sneaky.json()) as AgentCreated;
    expect((await server.app.store.getAgent(agent.id))?.passwordHash).not.toBe('x');
  });

  it('updates fields; disabling closes the open console, refuses the log-in and sends the chat back to the queue', async () => {
    const { agent, password } = await create();
    const edited = await api('PATCH', `/api/admin/agents/${agent.id}`, admin, { name: 'Greta B', maxChats: 4 });
    expect(((await edited.json()) as { agent: AdminAgent }).agent).toMatchObject({ name: 'Greta B', maxChats: 4 });
    expect((await audit()).find((e) => e.action === 'agent.update' && e.target.id === agent.id)?.changes).toEqual({ name: { from: agent.name, to: 'Greta B' }, maxChats: { from: null, to: 4 } });

    const socket = await connectAgent(server.url, agent.email, password);
    const assigned = waitFor(socket, SERVER_EVT.conversationAssigned);
    const visitor = await handOff(server, 'de');
    expect((await assigned).conversation.id).toBe(visitor.conversationId);

    const closed = waitFor(socket, 'disconnect');
    const res = await api('PATCH', `/api/admin/agents/${agent.id}`, admin, { disabled: true });
    expect(res.status, await res.clone().text()).toBe(200);
    await closed;
    await until(async () => (await server.app.store.getConversation(visitor.conversationId))?.status === 'queued', 30_000);
    const login = await fetch(server.url + '/api/agent/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: agent.email, password }) });
    expect([login.status, await errorCode(login)]).toEqual([403, 'FORBIDDEN']);
    expect((await audit()).find((e) => e.target.id === agent.id)).toMatchObject({ action: 'agent.disable', actor: { name: 'Alex' }, changes: { disabled: { from: false, to: true } } });

    // Enabled again: the same password works.
    expect((await api('PATCH', `/api/admin/agents/${agent.id}`, admin, { disabled: false })).status).toBe(200);
    expect(await loginCookie(server.url, agent.email, password)).toMatch(/^bulle_session=/);
    expect((await audit())[0]).toMatchObject({ action: 'agent.enable', target: { id: agent.id } });
  });

  it("a new language reaches the agent's open console at once: its queue's chats are shown there", async () => {
    // No room for chats (maxChats 0): a chat in their new language waits in its queue, which they now watch.
    const { agent, password } = await create({ maxChats: 0 });
    const socket = await connectAgent(server.url, agent.email, password);
    expect((await api('PATCH', `/api/admin/agents/${agent.id}`, admin, { languages: ['de', 'es'] })).status).toBe(200);
    const shown = waitFor<{ id: string }>(socket, SERVER_EVT.queueAdded, (c) => c.id !== undefined);
    const visitor = await handOff(server, 'es');
    expect((await shown).id).toBe(visitor.conversationId);
  });

  it('keeps the last active admin: no disabling or demoting them (CONFLICT), until another admin exists', async () => {
    const alexId = ((await (await api('GET', '/api/agent/me', admin)).json()) as { agent: { id: string } }).agent.id;
    for (const body of [{ disabled: true }, { role: 'agent' }]) {
      const res = await api('PATCH', `/api/admin/agents/${alexId}`, admin, body);
      expect([res.status, await errorCode(res)]).toEqual([409, 'CONFLICT']);
    }
    const { agent: other } = await create({ role: 'admin' });
    const demoted = await api('PATCH', `/api/admin/agents/${alexId}`, admin, { role: 'agent' });
    expect(demoted.status, await demoted.clone().text()).toBe(200);
    // Alex is no admin now: the admin API refuses him.
    expect((await api('GET', '/api/admin/agents', admin)).status).toBe(403);
    // Put back by the other admin, for the tests after this one.
    await server.app.store.putAgent({ ...(await server.app.store.getAgent(alexId))!, role: 'admin' });
    const last = await api('PATCH', `/api/admin/agents/${other.id}`, admin, { disabled: true });
    expect(last.status).toBe(200);
  });
});

describe('own password', () => {
  it('needs the current password and a strong new one; ends the other sessions; the old one is refused after', async () => {
    const { agent, password } = await create();
    const other = await connectAgent(server.url, agent.email, password);
    const me = await loginCookie(server.url, agent.email, password);
    const change = (body: unknown) => api('POST', '/api/agent/password', me, body);
    expect((await api('POST', '/api/agent/password', '', { current: password, next: 'x' })).status).toBe(401);
    const wrong = await change({ current: 'not-it-at-all', next: 'a fine long sentence of words' });
    expect([wrong.status, await errorCode(wrong)]).toEqual([403, 'FORBIDDEN']);
    const weak = await change({ current: password, next: 'password123' });
    expect([weak.status, await errorCode(weak)]).toEqual([400, 'BAD_PAYLOAD']);

    const closed = waitFor(other, 'disconnect');
    const next = 'lanterns over the quiet harbour';
    expect((await change({ current: password, next })).status).toBe(204);
    await closed;
    // This session goes on; the old password no longer opens one, the new one does.
    expect((await api('GET', '/api/agent/me', me)).status).toBe(200);
    const old = await fetch(server.url + '/api/agent/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: agent.email, password }) });
    expect(old.status).toBe(401);
    expect(await loginCookie(server.url, agent.email, next)).toMatch(/^bulle_session=/);
    const entry = (await audit()).find((e) => e.action === 'agent.password.change' && e.target.id === agent.id);
    expect(entry).toMatchObject({ actor: { agentId: agent.id }, changes: { password: { changed: true } } });
    expect(JSON.stringify(entry)).not.toContain(next);
  });
});
