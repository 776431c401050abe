// The Sites page's integration routes over HTTP (server/routes/site-integration.ts) and the widget
// settings saved with the site (PATCH /api/admin/sites/:id): an admin's own sites only, bad input
// refused with its code, secrets never shown twice, every change in the audit log, and "Send a
// test" answered by a real HTTP server on 127.0.0.1, at most 10 a minute per address.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCookie, startServer, type TestServer } from '../helpers/server.js';
import { AGENTS } from './console-helpers.js';

let server: TestServer;
let shop: Server;
let shopUrl: string;
let alex: string;
const asked: string[] = [];

beforeAll(async () => {
  shop = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { orderNumber } = JSON.parse(body) as { orderNumber: string };
      asked.push(orderNumber);
      if (orderNumber !== 'A-7001') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'shipped', carrier: 'SEUR' }));
    });
  });
  await new Promise<void>((r) => shop.listen(0, '127.0.0.1', r));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/orders`;
  // trustProxy: a request with X-Forwarded-For counts against that address (loopback is exempt).
  server = await startServer({ webhookHttpLoopback: true, orderWebhookTimeoutMs: 5000, trustProxy: true });
  alex = await loginCookie(server.url, ...AGENTS.alex);
});
afterAll(async () => {
  await server?.close();
  await new Promise<void>((r) => shop.close(() => r()));
});

async function call(method: string, path: string, body?: unknown, cookie = alex, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, {
    method,
    headers: { ...headers, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = res.status === 204 ? null : ((await res.json()) as any);
  return { status: res.status, json };
}
const code = (r: { json: any }) => r.json?.error?.code as string | undefined;

const rule = (id: string, extra: Record<string, unknown> = {}) => ({ id, when: { secondsOnPage: 5, url: '/sale*' }, message: { en: 'Sale ends tonight!', fr: 'Les soldes finissent ce soir !' }, cap: 'day', ...extra });

describe('site integration routes', () => {
  it('only an admin, only their sites', async () => {
    const sam = await loginCookie(server.url, ...AGENTS.sam);
    expect((await call('POST', '/api/admin/sites/demo/identity/secret', undefined, sam)).status).toBe(403);
    const other = await call('POST', '/api/admin/sites/not-mine/identity/secret');
    expect([other.status, code(other)]).toEqual([404, 'NOT_FOUND']);
  });

  it('identity: the secret shown once, then only that it exists; required needs one', async () => {
    const rotated = await call('POST', '/api/admin/sites/demo/identity/secret');
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).toMatch(/.{32,}/);
    const sites = await call('GET', '/api/admin/sites');
    const demo = sites.json.sites.find((s: { id: string }) => s.id === 'demo');
    expect(demo.identity).toMatchObject({ hasSecret: true, mode: 'optional' });
    expect(JSON.stringify(sites.json)).not.toContain(rotated.json.secret);
    const bad = await call('PUT', '/api/admin/sites/demo/identity/mode', { mode: 'always' });
    expect([bad.status, code(bad)]).toEqual([400, 'BAD_PAYLOAD']);
    expect((await call('PUT', '/api/admin/sites/demo/identity/mode', { mode: 'required' })).status).toBe(200);
    expect(server.app.sites.get('demo')?.site.identity?.mode).toBe('required');
    await call('PUT', '/api/admin/sites/demo/identity/mode', { mode: 'optional' });
  });

  it('a save of the whole site never puts back a secret replaced while the bot reloaded it', async () => {
    // The secret is replaced while the PATCH's site is loading into the bot (held there a moment).
    const sites = server.app.sites;
    const add = sites.add.bind(sites);
    let loading!: () => void;
    const inAdd = new Promise<void>((r) => (loading = r));
    sites.add = async (site) => {
      loading();
      await new Promise((r) => setTimeout(r, 500));
      return add(site);
    };
    try {
      const patching = call('PATCH', '/api/admin/sites/demo', { name: 'Atelier Lune' });
      await inAdd;
      const rotated = await call('POST', '/api/admin/sites/demo/identity/secret');
      expect([(await patching).status, rotated.status]).toEqual([200, 200]);
      expect(sites.get('demo')?.site.identity?.secret).toBe(rotated.json.secret);
      expect((await server.app.store.getSite('demo'))?.identity?.secret).toBe(rotated.json.secret);
    } finally {
      sites.add = add;
    }
  });

  it('order webhook: refused URLs at the field, a test before one is set is a conflict, then tests it', async () => {
    await call('DELETE', '/api/admin/sites/demo/order-webhook');
    const early = await call('POST', '/api/admin/sites/demo/order-webhook/test', {});
    expect([early.status, code(early)]).toEqual([409, 'CONFLICT']);
    const http = await call('PUT', '/api/admin/sites/demo/order-webhook', { url: 'http://shop.example/orders' });
    expect([http.status, code(http)]).toEqual([400, 'BAD_PAYLOAD']);
    expect(http.json.error.message).toMatch(/^url: /);
    const notText = await call('PUT', '/api/admin/sites/demo/order-webhook', { url: 42 });
    expect([notText.status, code(notText)]).toEqual([400, 'BAD_PAYLOAD']);

    const set = await call('PUT', '/api/admin/sites/demo/order-webhook', { url: shopUrl });
    expect(set.status).toBe(200);
    expect(set.json.secret).toBeTruthy();
    const badNumber = await call('POST', '/api/admin/sites/demo/order-webhook/test', { orderNumber: 'no spaces' });
    expect([badNumber.status, code(badNumber)]).toEqual([400, 'BAD_PAYLOAD']);

    const demo = await call('POST', '/api/admin/sites/demo/order-webhook/test', {});
    expect(demo.json.result).toEqual({ kind: 'not-found' });
    const found = await call('POST', '/api/admin/sites/demo/order-webhook/test', { orderNumber: 'A-7001' });
    expect(found.json.result).toEqual({ kind: 'found', order: { status: 'shipped', carrier: 'SEUR' } });
    expect(asked).toEqual(['BULLE-TEST-0001', 'A-7001']);

    const audit = await call('GET', '/api/admin/audit');
    const actions = audit.json.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['order-webhook.test', 'order-webhook.set', 'identity.secret.rotate', 'identity.mode']));
  });

  it('"Send a test" calls the shop at most 10 times a minute per address; another address still can', async () => {
    expect((await call('PUT', '/api/admin/sites/demo/order-webhook', { url: shopUrl })).status).toBe(200);
    const from = (ip: string) => call('POST', '/api/admin/sites/demo/order-webhook/test', {}, alex, { 'x-forwarded-for': ip });
    const before = asked.length;
    for (let i = 0; i < 10; i++) expect((await from('203.0.113.7')).status).toBe(200);
    const limited = await from('203.0.113.7');
    expect([limited.status, code(limited)]).toEqual([429, 'RATE_LIMITED']);
    // Refused before the shop is called.
    expect(asked.length - before).toBe(10);
    expect((await from('198.51.100.7')).json.result).toEqual({ kind: 'not-found' });
  });

  it('appearance and proactive rules: checked, saved with the site, served to the loader', async () => {
    const badColour = await call('PATCH', '/api/admin/sites/demo', { appearance: { color: 'red' } });
    expect([badColour.status, code(badColour)]).toEqual([400, 'BAD_PAYLOAD']);
    const twice = await call('PATCH', '/api/admin/sites/demo', { proactive: { rules: [rule('sale'), rule('sale')] } });
    expect([twice.status, code(twice)]).toEqual([400, 'BAD_PAYLOAD']);
    expect(twice.json.error.message).toContain('used twice');
    const italian = await call('PATCH', '/api/admin/sites/demo', { proactive: { rules: [rule('sale', { message: { it: 'Saldi!' } })] } });
    expect([italian.status, code(italian)]).toEqual([400, 'BAD_PAYLOAD']);
    expect(italian.json.error.message).toContain('"it"');

    const saved = await call('PATCH', '/api/admin/sites/demo', {
      appearance: { color: '#0f766e', position: 'left', label: { en: 'Help' } },
      proactive: { rules: [rule('sale'), rule('quiet', { off: true })], exclude: ['/checkout*'] },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.site.appearance.color).toBe('#0f766e');
    const config = (await (await fetch(server.url + '/api/widget/demo?lang=en')).json()) as { a: { c: string; p: string; l: string }; r: { id: string; m: string }[] };
    expect(config.a).toMatchObject({ c: '#0f766e', p: 'l', l: 'Help' });
    expect(config.r.map((r) => r.id)).toEqual(['sale']);
    const audit = await call('GET', '/api/admin/audit');
    const update = audit.json.entries.find((e: { action: string; changes?: Record<string, unknown> }) => e.action === 'site.update' && e.changes?.proactive);
    expect(update.changes.appearance).toBeTruthy();
  });
});
