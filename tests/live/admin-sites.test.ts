// The admin's sites: create, rename, disable, origins, languages (with their starter FAQ),
// welcome texts, business hours, and who works on a site; admin session and console origin only.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NS } from '../../protocol/events.js';
import { io } from 'socket.io-client';
import { closeClients, loginCookie, startServer, waitFor, type TestServer } from '../helpers/server.js';

let server: TestServer;
let admin = '';
let agent = '';
beforeAll(async () => {
  server = await startServer();
  admin = await loginCookie(server.url, 'alex@demo.bulle.chat', 'demo-alex');
  agent = await loginCookie(server.url, 'sam@demo.bulle.chat', 'demo-sam');
});
afterAll(() => server.close());
afterEach(() => closeClients());

const api = (method: string, path: string, cookie: string, body?: unknown, origin?: string) =>
  fetch(server.url + path, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}), ...(origin ? { origin } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

interface SiteView {
  id: string;
  name: string;
  disabled: boolean;
  languages: string[];
  allowedOrigins: string[];
  welcome: Record<string, string>;
  snippet: string;
  drafts: Record<string, number>;
  agents: { id: string; email: string; works: boolean }[];
}

describe('admin sites API', () => {
  it('is for admins only, from the console only', async () => {
    expect((await api('GET', '/api/admin/sites', '')).status).toBe(401);
    expect((await api('GET', '/api/admin/sites', agent)).status).toBe(403);
    expect((await api('GET', '/api/admin/sites', admin, undefined, 'https://evil.example')).status).toBe(403);
    const { sites } = (await (await api('GET', '/api/admin/sites', admin)).json()) as { sites: SiteView[] };
    expect(sites.map((s) => s.id)).toEqual(['demo']);
    expect(sites[0]!.snippet).toContain('data-site="demo"');
  });

  it('creates a site with its snippet and starter FAQ; the admin works on it', async () => {
    const res = await api('POST', '/api/admin/sites', admin, { name: 'Lune Outlet', languages: ['fr', 'es'], defaultLanguage: 'fr', allowedOrigins: ['outlet.example'] });
    expect(res.status).toBe(200);
    const { site } = (await res.json()) as { site: SiteView };
    expect(site).toMatchObject({ id: 'lune-outlet', allowedOrigins: ['https://outlet.example'], disabled: false });
    expect(site.drafts).toEqual({ fr: 7, es: 7 });
    expect(site.agents.find((a) => a.email === 'alex@demo.bulle.chat')?.works).toBe(true);
    expect((await api('POST', '/api/admin/sites', admin, { name: 'Lune Outlet', languages: ['fr'], defaultLanguage: 'fr', allowedOrigins: [] })).status).toBe(409);
    const me = (await (await api('GET', '/api/agent/me', admin)).json()) as { sites: { id: string }[] };
    expect(me.sites.map((s) => s.id)).toEqual(['demo', 'lune-outlet']);
  });

  it('renames, sets welcome texts, hours, languages and agents; refuses a bad time zone', async () => {
    const sam = ((await (await api('GET', '/api/admin/sites', admin)).json()) as { sites: SiteView[] }).sites[0]!.agents.find((a) => a.email === 'sam@demo.bulle.chat')!;
    const res = await api('PATCH', '/api/admin/sites/lune-outlet', admin, {
      name: 'Lune Outlet Store',
      languages: ['fr', 'es', 'en'],
      welcome: { fr: 'Bienvenue au magasin !', en: 'Welcome to the outlet!' },
      businessHours: { timeZone: 'Europe/Paris', days: { mon: [['09:00', '18:00']] } },
      agentIds: [sam.id],
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const { site } = (await res.json()) as { site: SiteView };
    expect(site).toMatchObject({ name: 'Lune Outlet Store', languages: ['fr', 'es', 'en'], welcome: { fr: 'Bienvenue au magasin !' } });
    expect(site.drafts.en).toBe(7);
    expect(site.agents.find((a) => a.id === sam.id)?.works).toBe(true);
    const samMe = (await (await api('GET', '/api/agent/me', agent)).json()) as { sites: { id: string }[] };
    expect(samMe.sites.map((s) => s.id)).toEqual(['demo', 'lune-outlet']);
    expect((await api('PATCH', '/api/admin/sites/lune-outlet', admin, { businessHours: { timeZone: 'Mars/Olympus', days: {} } })).status).toBe(400);
    expect((await api('PATCH', '/api/admin/sites/lune-outlet', admin, { defaultLanguage: 'de' })).status).toBe(400);
    expect((await api('PATCH', '/api/admin/sites/nope', admin, { name: 'x' })).status).toBe(404);
  });

  it('a disabled site refuses its widget; enabled again, it accepts it', async () => {
    const connect = () => {
      const s = io(server.url + NS.visitor, { transports: ['websocket'], auth: { siteId: 'lune-outlet' }, reconnection: false, forceNew: true });
      return Promise.race([waitFor(s, 'connect').then(() => 'connected'), waitFor<{ data?: { code: string } }>(s, 'connect_error').then((e) => e.data?.code)]).finally(() => s.close());
    };
    expect(await connect()).toBe('connected');
    expect((await api('PATCH', '/api/admin/sites/lune-outlet', admin, { disabled: true })).status).toBe(200);
    expect(await connect()).toBe('UNKNOWN_SITE');
    expect((await api('PATCH', '/api/admin/sites/lune-outlet', admin, { disabled: false })).status).toBe(200);
    expect(await connect()).toBe('connected');
  });

  it('sends links to the former Sites page to the console, which opens its Sites page', async () => {
    const page = await fetch(server.url + '/console/sites', { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/console/#sites');
  });

  it('refuses thresholds out of 0..1 or with suggest not below answer, and a malformed tag', async () => {
    const patch = (body: unknown) => api('PATCH', '/api/admin/sites/lune-outlet', admin, body).then((r) => r.status);
    expect(await patch({ thresholds: { answer: 1.2, suggest: 0.5 } })).toBe(400);
    expect(await patch({ thresholds: { answer: 0.5, suggest: 0.5 } })).toBe(400);
    expect(await patch({ tags: ['Not A Tag'] })).toBe(400);
    expect(await patch({ tags: [] })).toBe(400);
    const res = await api('PATCH', '/api/admin/sites/lune-outlet', admin, { thresholds: { answer: 0.9, suggest: 0.4 }, tags: ['returns', 'late-delivery'] });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { site: SiteView & { tags: string[]; thresholds: unknown } }).site).toMatchObject({ tags: ['returns', 'late-delivery'], thresholds: { answer: 0.9, suggest: 0.4 } });
    // Back to the bot's defaults.
    const reset = (await (await api('PATCH', '/api/admin/sites/lune-outlet', admin, { thresholds: null })).json()) as { site: { thresholds: unknown } };
    expect(reset.site.thresholds).toBeNull();
  });
});
