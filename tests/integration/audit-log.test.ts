// The admin audit log over HTTP: the changes that already existed (sites, skills, identity and
// order-webhook secrets) each leave one entry with who did what; no entry ever holds a secret;
// admins only, their own sites only, a page at a time.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage } from '../../protocol/types.js';
import { closeClients, connectAgent, loginCookie, ok, startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let admin = '';
let agent = '';
beforeAll(async () => {
  server = await startServer({ webhookHttpLoopback: true });
  admin = await loginCookie(server.url, 'alex@demo.bulle.chat', 'demo-alex');
  agent = await loginCookie(server.url, 'sam@demo.bulle.chat', 'demo-sam');
});
afterAll(() => server.close());
afterEach(() => closeClients());

const api = (method: string, path: string, cookie: string, body?: unknown) =>
  fetch(server.url + path, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
const audit = async (query = ''): Promise<AuditPage> => {
  const res = await api('GET', `/api/admin/audit${query}`, admin);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as AuditPage;
};
const newest = async (action: AuditEntry['action']) => (await audit('?limit=200')).entries.find((e) => e.action === action);

describe('audit log', () => {
  it('is for admins only, of their own sites', async () => {
    expect((await api('GET', '/api/admin/audit', '')).status).toBe(401);
    const refused = await api('GET', '/api/admin/audit', agent);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await api('GET', '/api/admin/audit?siteId=someone-else', admin)).status).toBe(404);
    expect((await api('GET', '/api/admin/audit?limit=0', admin)).status).toBe(400);
    expect((await api('GET', '/api/admin/audit?cursor=bm9wZQ', admin)).status).toBe(400);
  });

  it('records a site created and changed, with the admin and the fields before → after', async () => {
    expect((await api('POST', '/api/admin/sites', admin, { name: 'Audit Shop', languages: ['fr'], defaultLanguage: 'fr', allowedOrigins: [] })).status).toBe(200);
    const created = await newest('site.create');
    expect(created).toMatchObject({ actor: { name: 'Alex' }, siteIds: ['audit-shop'], target: { kind: 'site', id: 'audit-shop', label: 'Audit Shop' }, changes: { name: { to: 'Audit Shop' }, languages: { to: ['fr'] } } });
    expect((await api('PATCH', '/api/admin/sites/audit-shop', admin, { name: 'Audit Shop 2', disabled: true })).status).toBe(200);
    const changed = await newest('site.update');
    expect(changed?.changes).toEqual({ name: { from: 'Audit Shop', to: 'Audit Shop 2' }, disabled: { from: null, to: true } });
    expect((await audit('?siteId=audit-shop')).entries.map((e) => e.action)).toEqual(['site.update', 'site.create']);
  });

  it("records an agent's skills and level set from the console", async () => {
    const socket = await connectAgent(server.url, 'alex@demo.bulle.chat', 'demo-alex');
    const { agents } = await ok<{ agents: { id: string; name: string }[] }>(socket, 'agents:list');
    const jonas = agents.find((a) => a.name === 'Jonas')!;
    await ok(socket, 'agent:set-skills', { agentId: jonas.id, skills: null, level: 'expert' });
    expect(await newest('agent.skills')).toMatchObject({ actor: { name: 'Alex' }, target: { kind: 'agent', id: jonas.id, label: 'Jonas' }, changes: { level: { to: 'expert' } } });
  });

  it('records FAQ additions an admin publishes and takes back', async () => {
    const sam = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    const { addition } = await ok<{ addition: { id: string } }>(sam, 'faq:draft', { lang: 'en', question: 'Do you gift-wrap orders?', answer: 'Yes, for 3 euros.' });
    const alex = await connectAgent(server.url, 'alex@demo.bulle.chat', 'demo-alex');
    await ok(alex, 'faq:confirm', { id: addition.id });
    await ok(alex, 'faq:dismiss', { id: addition.id });
    const mine = (await audit('?limit=200')).entries.filter((e) => e.target.id === addition.id);
    expect(mine.map((e) => [e.action, e.changes?.status])).toEqual([
      ['faq.addition.dismiss', { from: 'active', to: 'dismissed' }],
      ['faq.addition.confirm', { from: 'draft', to: 'active' }],
    ]);
    expect(mine[0]).toMatchObject({ actor: { name: 'Alex' }, target: { kind: 'faq-addition' } });
    expect(mine[0]!.target.label).toContain('Do you gift-wrap orders?');
  });

  it('records canned replies saved and deleted, and the assignment mode', async () => {
    const alex = await connectAgent(server.url, 'alex@demo.bulle.chat', 'demo-alex');
    const { reply } = await ok<{ reply: { id: string } }>(alex, 'canned:save', { shortcut: 'audit-hello', title: 'Hello', texts: { en: 'Hello!' } });
    await ok(alex, 'canned:save', { id: reply.id, shortcut: 'audit-hello', title: 'Hello there', texts: { en: 'Hello!' } });
    await ok(alex, 'canned:delete', { id: reply.id });
    const mine = (await audit('?limit=200')).entries.filter((e) => e.target.id === reply.id);
    expect(mine.map((e) => e.action)).toEqual(['canned.delete', 'canned.save', 'canned.save']);
    expect(mine[1]!.changes).toEqual({ title: { from: 'Hello', to: 'Hello there' } });
    await ok(alex, 'site:mode', { mode: 'manual' });
    await ok(alex, 'site:mode', { mode: 'automatic' });
    expect((await newest('site.mode'))?.changes).toEqual({ assignment: { to: 'automatic' } });
  });

  it('records that a secret was replaced, never the secret', async () => {
    const identity = (await (await api('POST', '/api/admin/identity/secret', admin)).json()) as { secret: string };
    const hook = (await (await api('PUT', '/api/admin/order-webhook', admin, { url: `${server.url}/demo/order-status` })).json()) as { secret: string };
    expect(identity.secret.length).toBeGreaterThan(10);
    expect(await newest('identity.secret.rotate')).toMatchObject({ siteIds: ['demo'], changes: { secret: { changed: true } } });
    expect(await newest('order-webhook.set')).toMatchObject({ changes: { url: { to: `${server.url}/demo/order-status` }, secret: { changed: true } } });
    const everything = JSON.stringify(await audit('?limit=200'));
    expect(everything).not.toContain(identity.secret);
    expect(everything).not.toContain(hook.secret);
    expect(everything).not.toMatch(/scrypt|argon|\$2[aby]\$/);
  });

  it('pages newest first with a cursor, and filters by day', async () => {
    const all = (await audit('?limit=200')).entries;
    expect(all.length).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    for (let page = await audit('?limit=2'); ; page = await audit(`?limit=2&cursor=${page.cursor}`)) {
      seen.push(...page.entries.map((e) => e.id));
      if (!page.cursor) break;
    }
    expect(seen).toEqual(all.map((e) => e.id));
    const today = new Date().toISOString().slice(0, 10);
    expect((await audit(`?from=${today}&to=${today}&limit=200`)).entries.length).toBe(all.length);
    expect((await audit('?from=2020-01-01&to=2020-01-02')).entries).toEqual([]);
  });
});
