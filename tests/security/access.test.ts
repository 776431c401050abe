// Access: origins (HTTP, engine handshake, namespaces), visitor tokens bound to
// their site, a visitor only in their own conversation, an agent only in their site's, admin
// rights only with the admin role, connections per address.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, NS, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { QueueListResult, VisitorSendResult, VisitorSyncResult } from '../../protocol/types.js';
import {
  ack,
  clientId,
  closeClients,
  collect,
  connectAgent,
  connectVisitor,
  loginCookie,
  ok,
  page,
  startServer,
  waitFor,
  type TestServer,
} from '../helpers/server.js';
import { addAgent, addSite, closeRawSockets, manualMode, outcome, rawSocket, visitorSocket } from './fixtures.js';

const SHOP2 = 'https://shop2.example';
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  await addSite(server.app, 'shop2', [SHOP2]);
  await manualMode(server.url);
  await addAgent(server.app, { siteId: 'shop2', name: 'Ana', email: 'ana@shop2.example', languages: ['en', 'fr'], role: 'agent', password: 'ana-pass-1' });
});
afterAll(() => server.close());
afterEach(() => {
  closeClients();
  closeRawSockets();
});

/** A demo visitor with a conversation; resolves once the bot has answered (so nothing races). */
async function visitorWithConversation(text = 'Where is my order?', auth: object = { siteId: 'demo', languages: ['en'] }) {
  const socket = connectVisitor(server.url, auth as Record<string, unknown>);
  await waitFor(socket, 'connect');
  const bot = waitFor(socket, SERVER_EVT.messageCreated, (m: { author: string }) => m.author !== 'visitor');
  const sent = await ok<VisitorSendResult>(socket, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
  await bot;
  return { socket, sent, conversationId: sent.message.conversationId };
}

describe('origins', () => {
  const own = () => server.url; // http://127.0.0.1:<port>, the server's own origin

  it('visitor handshake: the site\'s origins and the server\'s own pass; a page no site allows is refused by allowRequest', async () => {
    expect(await outcome(visitorSocket(server.url, { siteId: 'shop2' }, { origin: SHOP2 }))).toBe('connect');
    expect(await outcome(visitorSocket(server.url, { siteId: 'demo' }, { origin: own() }))).toBe('connect');
    // No Origin: not a browser page (nothing for an origin check to protect).
    expect(await outcome(visitorSocket(server.url, { siteId: 'demo' }))).toBe('connect');
    expect(await outcome(visitorSocket(server.url, { siteId: 'shop2' }, { origin: 'https://evil.example' }))).toMatch(/^engine:/);
    expect(await outcome(visitorSocket(server.url, { siteId: 'shop2' }, { origin: 'null' }))).toMatch(/^engine:/);
  });

  it('visitor namespace: an origin another site allows is refused for this site with BAD_ORIGIN', async () => {
    // allowRequest lets it through (shop2 allows it); the /visitor handshake knows the site.
    expect(await outcome(visitorSocket(server.url, { siteId: 'demo' }, { origin: SHOP2 }))).toBe('BAD_ORIGIN');
    // Case and a trailing slash do not matter; a look-alike host does.
    expect(await outcome(visitorSocket(server.url, { siteId: 'shop2' }, { origin: 'HTTPS://SHOP2.EXAMPLE' }))).toBe('connect');
    expect(await outcome(visitorSocket(server.url, { siteId: 'shop2' }, { origin: 'https://shop2.example.evil.example' }))).toMatch(/^engine:/);
  });

  it('/agent accepts only the console\'s origin, even with a valid session', async () => {
    const cookie = await loginCookie(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    expect(await outcome(rawSocket(server.url, NS.agent, { headers: { cookie, origin: SHOP2 } }))).toBe('BAD_ORIGIN');
    expect(await outcome(rawSocket(server.url, NS.agent, { headers: { cookie, origin: own() } }))).toBe('connect');
    expect(await outcome(rawSocket(server.url, NS.agent, { headers: { origin: own() } }))).toBe('UNAUTHORIZED');
  });

  it('log-in routes answer only the console\'s origin (BAD_ORIGIN, nothing else happens)', async () => {
    const body = { email: 'sam@demo.bulle.chat', password: 'demo-sam' };
    const foreign = await server.app.inject({ method: 'POST', url: '/api/agent/login', headers: { origin: SHOP2 }, payload: body });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ error: { code: 'BAD_ORIGIN' } });
    expect(foreign.headers['set-cookie']).toBeUndefined();
    const same = await server.app.inject({ method: 'POST', url: '/api/agent/login', headers: { origin: 'http://localhost' }, payload: body });
    expect(same.statusCode).toBe(200);
  });

  it('BULLE_CONSOLE_ORIGINS replaces the same-host rule', async () => {
    const other = await startServer({ consoleOrigins: ['https://console.example'] });
    try {
      const body = { email: 'sam@demo.bulle.chat', password: 'demo-sam' };
      const listed = await other.app.inject({ method: 'POST', url: '/api/agent/login', headers: { origin: 'https://console.example' }, payload: body });
      expect(listed.statusCode).toBe(200);
      const sameHost = await other.app.inject({ method: 'POST', url: '/api/agent/login', headers: { origin: 'http://localhost' }, payload: body });
      expect(sameHost.json()).toMatchObject({ error: { code: 'BAD_ORIGIN' } });
    } finally {
      await other.close();
    }
  });
});

describe('visitor tokens', () => {
  it('are at least 128 random bits, and only their digest is stored', async () => {
    const { sent } = await visitorWithConversation();
    expect(sent.token).toMatch(/^[A-Za-z0-9_-]{32,}$/); // 24 random bytes = 192 bits
    const conv = await server.app.store.getConversation(sent.message.conversationId);
    const visitor = await server.app.store.getVisitor(conv!.visitorId);
    expect(visitor!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(visitor)).not.toContain(sent.token);
  });

  it('a guessed token, or a real one on another site, is UNAUTHORIZED; on its own site it resumes', async () => {
    const { sent, conversationId } = await visitorWithConversation();
    expect(await outcome(connectVisitor(server.url, { siteId: 'demo', token: 'A'.repeat(32) }))).toBe('UNAUTHORIZED');
    expect(await outcome(visitorSocket(server.url, { siteId: 'shop2', token: sent.token }, { origin: SHOP2 }))).toBe('UNAUTHORIZED');
    const back = connectVisitor(server.url, { siteId: 'demo', token: sent.token });
    await waitFor(back, 'connect');
    expect((await ok<VisitorSyncResult>(back, VISITOR_CMD.conversationSync, { afterSeq: 0 })).conversation?.id).toBe(conversationId);
  });
});

describe('a visitor reaches only their own conversation', () => {
  it('no payload can name another conversation; the other\'s messages never arrive', async () => {
    const a = await visitorWithConversation('How do I return an item?');
    const b = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(b, 'connect');
    const seen = collect<{ conversationId: string }>(b, SERVER_EVT.messageCreated);
    for (const [event, payload] of [
      [VISITOR_CMD.conversationSync, { afterSeq: 0, conversationId: a.conversationId }],
      [VISITOR_CMD.messageSend, { clientId: clientId(), text: 'hi', conversationId: a.conversationId }],
      [VISITOR_CMD.conversationRead, { seq: 1, conversationId: a.conversationId }],
      [VISITOR_CMD.handoffRequest, { conversationId: a.conversationId }],
      [VISITOR_CMD.typingSet, { typing: true, conversationId: a.conversationId }],
      [VISITOR_CMD.messageSend, { clientId: clientId(), text: 'hi', visitorId: 'x', siteId: 'demo' }],
    ] as const) {
      expect(await ack(b, event, payload), event).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    }
    expect((await ok<VisitorSyncResult>(b, VISITOR_CMD.conversationSync, { afterSeq: 0 })).conversation).toBeNull();
    await ok(a.socket, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'And delivery times?', page });
    await ok(b, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Hello', page });
    expect(seen.every((m) => m.conversationId !== a.conversationId)).toBe(true);
    const aMessages = await server.app.store.listMessages(a.conversationId);
    expect(aMessages.map((m) => m.text)).not.toContain('Hello');
  });

  it('agent commands from a visitor are refused and change nothing', async () => {
    const v = await visitorWithConversation('I want to speak to a human');
    const before = await server.app.store.getConversation(v.conversationId);
    const id = { conversationId: v.conversationId };
    for (const event of [AGENT_CMD.queueList, AGENT_CMD.conversationClaim, AGENT_CMD.conversationOpen, AGENT_CMD.conversationClose]) {
      expect(await ack(v.socket, event, event === AGENT_CMD.queueList ? {} : id), event).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    // Same names on both namespaces: the visitor's schema refuses the agent's shape.
    expect(await ack(v.socket, AGENT_CMD.messageSend, { ...id, clientId: clientId(), text: 'as an agent' })).toMatchObject({ error: { code: 'BAD_PAYLOAD' } });
    expect(await ack(v.socket, AGENT_CMD.typingSet, { ...id, typing: true })).toMatchObject({ error: { code: 'BAD_PAYLOAD' } });
    const after = await server.app.store.getConversation(v.conversationId);
    expect(after).toEqual(before);
  });
});

describe('an agent reaches only their site\'s conversations; admin rights need the admin role', () => {
  it('another site\'s conversation is NOT_FOUND for every command, and typing goes nowhere', async () => {
    const v = await visitorWithConversation('I want to speak to a human');
    const ana = await connectAgent(server.url, 'ana@shop2.example', 'ana-pass-1');
    const id = { conversationId: v.conversationId };
    const typing = collect(v.socket, SERVER_EVT.typingChanged);
    for (const [event, payload] of [
      [AGENT_CMD.conversationClaim, id],
      [AGENT_CMD.conversationOpen, id],
      [AGENT_CMD.conversationClose, id],
      [AGENT_CMD.messageSend, { ...id, clientId: clientId(), text: 'hello from another shop' }],
    ] as const) {
      expect(await ack(ana, event, payload), event).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    await ack(ana, AGENT_CMD.typingSet, { ...id, typing: true });
    const { queue, mine } = await ok<QueueListResult>(ana, AGENT_CMD.queueList, {});
    expect([...queue, ...mine].some((c) => c.siteId !== 'shop2')).toBe(false);
    await ok(v.socket, VISITOR_CMD.conversationSync, { afterSeq: 0 }); // a round trip, so a stray event would be here
    expect(typing).toEqual([]);
    expect((await server.app.store.getConversation(v.conversationId))!.status).toBe('queued');
  });

  it('an agent outside the language or not assigned is FORBIDDEN where the admin is allowed', async () => {
    const v = await visitorWithConversation('Je veux parler à un humain', { siteId: 'demo', languages: ['fr'] });
    const id = { conversationId: v.conversationId };
    const sam = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    expect(await ack(sam, AGENT_CMD.conversationClaim, id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ack(sam, AGENT_CMD.conversationOpen, id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const alex = await connectAgent(server.url, 'alex@demo.bulle.chat', 'demo-alex');
    await ok(alex, AGENT_CMD.conversationClaim, id);
    const camille = await connectAgent(server.url, 'camille@demo.bulle.chat', 'demo-camille');
    expect(await ack(camille, AGENT_CMD.messageSend, { ...id, clientId: clientId(), text: 'not mine' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await ack(camille, AGENT_CMD.conversationClose, id)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await server.app.store.getConversation(v.conversationId))!.assignedAgentId).toBeDefined();
    expect((await server.app.store.listMessages(v.conversationId)).map((m) => m.text)).not.toContain('not mine');
  });

  it('admin-only commands need the admin role, and admin rights stop at the site', async () => {
    const canned = { shortcut: 'sec-test', title: 'Security test', texts: { en: 'Hello' } };
    const sam = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    expect(await ack(sam, AGENT_CMD.cannedSave, canned)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ack(sam, AGENT_CMD.siteMode, { mode: 'manual' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const alex = await connectAgent(server.url, 'alex@demo.bulle.chat', 'demo-alex');
    const { id } = (await ok<{ reply: { id: string } }>(alex, AGENT_CMD.cannedSave, canned)).reply;
    expect(await ack(sam, AGENT_CMD.cannedDelete, { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok(alex, AGENT_CMD.cannedDelete, { id });

    await addAgent(server.app, { siteId: 'shop2', name: 'Bo', email: 'bo@shop2.example', languages: ['en', 'fr'], role: 'admin', password: 'bo-pass-12' });
    const bo = await connectAgent(server.url, 'bo@shop2.example', 'bo-pass-12');
    const v = await visitorWithConversation('I want to speak to a human');
    for (const event of [AGENT_CMD.conversationOpen, AGENT_CMD.conversationClaim, AGENT_CMD.conversationClose]) {
      expect(await ack(bo, event, { conversationId: v.conversationId }), event).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect((await server.app.store.getConversation(v.conversationId))!.status).toBe('queued');
  });

  it('a logged-out or forged session cannot open /agent', async () => {
    const cookie = await loginCookie(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    await server.app.inject({ method: 'POST', url: '/api/agent/logout', headers: { cookie } });
    expect(await outcome(rawSocket(server.url, NS.agent, { headers: { cookie } }))).toBe('UNAUTHORIZED');
    expect(await outcome(rawSocket(server.url, NS.agent, { headers: { cookie: 'bulle_session=' + 'A'.repeat(32) } }))).toBe('UNAUTHORIZED');
  });
});

describe('connections per address', () => {
  it('caps open connections per client address; other addresses and loopback are unaffected; closing frees a slot', async () => {
    const capped = await startServer({ trustProxy: true, maxConnectionsPerIp: 3 });
    try {
      const from = (ip?: string) => visitorSocket(capped.url, { siteId: 'demo' }, ip ? { 'x-forwarded-for': ip } : undefined);
      const three = [from('203.0.113.5'), from('203.0.113.5'), from('203.0.113.5')];
      for (const s of three) expect(await outcome(s)).toBe('connect');
      expect(await outcome(from('203.0.113.5'))).toMatch(/^engine:/);
      expect(await outcome(from('198.51.100.7'))).toBe('connect');
      for (let i = 0; i < 4; i++) expect(await outcome(from())).toBe('connect'); // loopback: the load bench's case
      three[0]!.close();
      await expect.poll(async () => outcome(from('203.0.113.5')), { timeout: 3000 }).toBe('connect');
    } finally {
      closeRawSockets();
      await capped.close();
    }
  });
});

describe('new connections per address', () => {
  it('an address opening sockets in a loop is refused after its allowance; others and loopback are not', async () => {
    const limited = await startServer({ trustProxy: true, connectionsPerMinute: 3 });
    try {
      const from = (ip?: string) => visitorSocket(limited.url, { siteId: 'demo' }, ip ? { 'x-forwarded-for': ip } : undefined);
      for (let i = 0; i < 3; i++) {
        const s = from('203.0.113.9');
        expect(await outcome(s)).toBe('connect');
        s.close(); // closed at once: the open-connection cap never sees more than one
      }
      expect(await outcome(from('203.0.113.9'))).toMatch(/^engine:/);
      expect(await outcome(from('198.51.100.8'))).toBe('connect');
      for (let i = 0; i < 5; i++) expect(await outcome(from())).toBe('connect');
    } finally {
      closeRawSockets();
      await limited.close();
    }
  });
});

describe('what a connection keeps of its HTTP request', () => {
  it('only the headers the namespaces read: the rest is dropped once connected (memory per visitor)', async () => {
    const socket = visitorSocket(server.url, { siteId: 'demo' }, { 'x-padding': 'x'.repeat(2000), 'user-agent': 'bench-agent/1', 'accept-language': 'de-DE' });
    expect(await outcome(socket)).toBe('connect');
    const [theirs] = [...server.app.io.of(NS.visitor).sockets.values()].filter((s) => s.handshake.headers['user-agent'] === 'bench-agent/1');
    expect(theirs).toBeDefined();
    // Socket.IO's own view and Engine.IO's request: the read headers stay, the others are gone.
    expect(theirs!.handshake.headers['accept-language']).toBe('de-DE');
    expect(theirs!.handshake.headers['x-padding']).toBeUndefined();
    expect(theirs!.request.headers['x-padding']).toBeUndefined();
    expect((theirs!.data.visitor as { languages: string[] }).languages).toEqual(['de-DE']);
    closeRawSockets();
  });
});
