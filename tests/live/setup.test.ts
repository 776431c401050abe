// First-run setup without a browser: a fresh data folder with demo seeding off → the setup link
// from the log → the first admin and a site with an allowed origin → a visitor on a page of that
// origin gets bot answers from the starter FAQ → the admin logs in and has the handed-off chat.
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, NS, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { AuditPage, Message } from '../../protocol/types.js';
import { clientId, closeClients, connectAgent, loginCookie, ok, startServer, tempDir, waitFor, type TestServer } from '../helpers/server.js';

const SHOP = 'http://127.0.0.1:47999';
const PASSWORD = 'correct horse battery staple';
let server: TestServer;
let data: { dir: string; remove(): Promise<void> };
const logLines: string[] = [];
beforeAll(async () => {
  data = await tempDir();
  server = await startServer({ dataDir: data.dir, seedDemo: false, logLevel: 'warn' }, { logStream: { write: (line) => void logLines.push(line) } });
});
afterAll(async () => {
  await server.close();
  await data.remove();
});
afterEach(() => closeClients());

const post = (path: string, body: unknown, origin?: string) =>
  fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) }, body: JSON.stringify(body) });
const setupBody = (token: string, password = PASSWORD) => ({
  token,
  admin: { name: 'Maud', email: 'maud@shop.example', password },
  site: { name: 'Épicerie Maud', languages: ['fr', 'en'], defaultLanguage: 'fr', allowedOrigins: [SHOP + '/products?x=1'] },
});

describe('first-run setup', () => {
  let token = '';

  it('prints a one-time setup link in the log, whose page is served', async () => {
    await expect.poll(() => logLines.join('')).toMatch(/\/console\/setup\?token=/);
    const link = /(http:\/\/localhost:\d+\/console\/setup\?token=[\w-]+)/.exec(logLines.join(''))![1]!;
    token = new URL(link).searchParams.get('token')!;
    const page = await fetch(server.url + '/console/setup?token=' + token);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Set up Bulle/);
    expect(await (await fetch(server.url + '/api/setup/status?token=' + token)).json()).toMatchObject({ open: true, tokenOk: true });
    expect(await (await fetch(server.url + '/api/setup/status?token=nope-nope-nope')).json()).toMatchObject({ open: true, tokenOk: false });
  });

  it('checks passwords and explains origins', async () => {
    const weak = (await (await post('/api/setup/password-check', { password: 'Password2026!' })).json()) as { ok: boolean; problems: string[] };
    expect(weak.ok).toBe(false);
    expect(weak.problems.join(' ')).toMatch(/common/);
    expect(await (await post('/api/setup/password-check', { password: PASSWORD })).json()).toEqual({ ok: true, problems: [] });
    const origin = (await (await post('/api/setup/origin-check', { origin: 'HTTPS://Shop.Example/cart' })).json()) as { ok: boolean; origin: string; notes: string[] };
    expect(origin).toMatchObject({ ok: true, origin: 'https://shop.example' });
    expect(origin.notes.join(' ')).toMatch(/www\.shop\.example is a different origin/);
    expect(await (await post('/api/setup/origin-check', { origin: 'ftp://x' })).json()).toMatchObject({ ok: false });
  });

  it('refuses a wrong token, a weak password, and another origin than the console', async () => {
    expect((await post('/api/setup', setupBody('wrong-token-000'))).status).toBe(401);
    const weak = await post('/api/setup', setupBody(token, 'short'));
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: { message: string } }).error.message).toMatch(/at least 12 characters/);
    expect((await post('/api/setup', setupBody(token), 'https://evil.example')).status).toBe(403);
  });

  it('creates the admin and the site, returns the snippet, and closes the link', async () => {
    const res = await post('/api/setup', setupBody(token));
    expect(res.status).toBe(200);
    const created = (await res.json()) as { site: { id: string; allowedOrigins: string[] }; snippet: string };
    expect(created.site).toMatchObject({ id: 'epicerie-maud', allowedOrigins: [SHOP] });
    expect(created.snippet).toBe(`<script src="${server.url}/widget.js" data-site="epicerie-maud" async></script>`);
    expect((await post('/api/setup', setupBody(token))).status).toBe(401);
    expect(await (await fetch(server.url + '/api/setup/status')).json()).toMatchObject({ open: false });
    // The audit log starts with who set the server up (the password is nowhere in it).
    const cookie = await loginCookie(server.url, 'maud@shop.example', PASSWORD);
    const { entries } = (await (await fetch(server.url + '/api/admin/audit', { headers: { cookie } })).json()) as AuditPage;
    expect(entries.map((e) => [e.action, e.actor.name, e.siteIds])).toEqual(expect.arrayContaining([['site.create', 'Maud', ['epicerie-maud']], ['agent.create', 'Maud', ['epicerie-maud']]]));
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
  });

  it('a visitor on the shop origin gets starter-FAQ answers; the admin gets the handed-off chat', async () => {
    const visitor = io(server.url + NS.visitor, {
      transports: ['websocket'],
      auth: { siteId: 'epicerie-maud', languages: ['fr-FR'] },
      extraHeaders: { origin: SHOP },
      reconnection: false,
      forceNew: true,
    });
    try {
      await waitFor(visitor, 'connect');
      const answer = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
      await ok(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Où est mon colis ?' });
      expect((await answer).text).toMatch(/numéro de suivi/);
      await ok(visitor, VISITOR_CMD.handoffRequest, {});
      const admin = await connectAgent(server.url, 'maud@shop.example', PASSWORD);
      const { queue, mine } = await ok<{ queue: { conversationId?: string; id?: string }[]; mine: unknown[] }>(admin, AGENT_CMD.queueList, {});
      expect(queue.length + mine.length).toBe(1);
    } finally {
      visitor.close();
    }
    // Another origin is still refused.
    const stranger = io(server.url + NS.visitor, { transports: ['websocket'], auth: { siteId: 'epicerie-maud' }, extraHeaders: { origin: 'https://evil.example' }, reconnection: false, forceNew: true });
    await expect(waitFor(stranger, 'connect_error')).resolves.toBeTruthy();
    stranger.close();
  });

  it('after a restart the site, its starter FAQ (in the data folder) and the admin are there, and no link is printed', async () => {
    await server.close();
    logLines.length = 0;
    server = await startServer({ dataDir: data.dir, seedDemo: false, logLevel: 'warn' }, { logStream: { write: (line) => void logLines.push(line) } });
    expect(logLines.join('')).not.toMatch(/console\/setup/);
    expect(server.app.sites.get('epicerie-maud')?.site.faqDir).toBe('data:faq/epicerie-maud');
    await connectAgent(server.url, 'maud@shop.example', PASSWORD);
  });
});
