// Malformed payloads get an error ack with a code; nothing crashes and nothing is stored.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorSendResult } from '../../protocol/types.js';
import { ack, clientId, closeClients, connectAgent, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => closeClients());

describe('visitor namespace', () => {
  it.each([
    ['a number as text', { clientId: 'abcdefgh12', text: 42 }],
    ['an operator object as text', { clientId: 'abcdefgh12', text: { $regex: '.*' } }],
    ['a forged author', { clientId: 'abcdefgh12', text: 'hi', author: 'agent' }],
    ['a forged siteId', { clientId: 'abcdefgh12', text: 'hi', siteId: 'other' }],
    ['5,001 characters', { clientId: 'abcdefgh12', text: 'x'.repeat(5001) }],
    ['a string payload', 'hello'],
  ])('refuses %s with BAD_PAYLOAD and stores nothing', async (_label, payload) => {
    const visitor = connectVisitor(server.url);
    await waitFor(visitor, 'connect');
    const res = await ack(visitor, VISITOR_CMD.messageSend, payload);
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    if (!res.ok) expect(res.error.message.length).toBeGreaterThan(3);
    // Nothing was created for this visitor: no conversation to sync.
    expect((await ok(visitor, VISITOR_CMD.conversationSync, { afterSeq: 0 })).conversation).toBeNull();
  });

  it('answers agent-only and unknown events with NOT_FOUND', async () => {
    const visitor = connectVisitor(server.url);
    await waitFor(visitor, 'connect');
    expect(await ack(visitor, AGENT_CMD.conversationClaim, { conversationId: 'abc' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ack(visitor, 'admin:everything', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('survives events without an ack callback and stays usable', async () => {
    const visitor = connectVisitor(server.url);
    await waitFor(visitor, 'connect');
    visitor.emit(VISITOR_CMD.messageSend, { text: { $ne: null } });
    visitor.emit(VISITOR_CMD.messageSend);
    visitor.emit(VISITOR_CMD.conversationSync, 'x', 'y', 3);
    const res = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'still here?', page });
    expect(res.message.seq).toBe(1);
  });

  it('refuses a malformed handshake with BAD_PAYLOAD', async () => {
    const socket = connectVisitor(server.url, { siteId: { $ne: null } });
    expect((await waitFor<Error & { data?: { code: string } }>(socket, 'connect_error')).data?.code).toBe('BAD_PAYLOAD');
  });
});

describe('agent namespace', () => {
  it('refuses a socket without a session with UNAUTHORIZED', async () => {
    const { io } = await import('socket.io-client');
    const socket = io(server.url + '/agent', { transports: ['websocket'], reconnection: false, forceNew: true });
    const err = await waitFor<Error & { data?: { code: string } }>(socket, 'connect_error');
    socket.close();
    expect(err.data?.code).toBe('UNAUTHORIZED');
  });

  it('checks ids against the agent: another conversation or a bogus id is refused', async () => {
    const sam = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    expect(await ack(sam, AGENT_CMD.conversationOpen, { conversationId: 'does-not-exist' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ack(sam, AGENT_CMD.conversationOpen, { conversationId: { $ne: null } })).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    expect(await ack(sam, AGENT_CMD.messageSend, { conversationId: 'x', clientId: 'abcdefgh12', text: 'hi', author: 'visitor' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });

    // A visitor's conversation still handled by the bot: Sam may not write into it.
    const visitor = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(visitor, 'connect');
    const bot = waitFor(visitor, SERVER_EVT.messageCreated, (m: { author: string }) => m.author === 'bot');
    const sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'How do I return an item?', page });
    await bot;
    const res = await ack(sam, AGENT_CMD.messageSend, { conversationId: sent.message.conversationId, clientId: clientId(), text: 'hijack' });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('HTTP', () => {
  it('login: wrong password 401 with a code, malformed body 400, good login sets an httpOnly cookie', async () => {
    const bad = await server.app.inject({ method: 'POST', url: '/api/agent/login', payload: { email: 'sam@demo.bulle.chat', password: 'nope' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });

    const malformed = await server.app.inject({ method: 'POST', url: '/api/agent/login', payload: { email: { $ne: null }, password: 'x' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'BAD_PAYLOAD' } });

    const good = await server.app.inject({ method: 'POST', url: '/api/agent/login', payload: { email: 'sam@demo.bulle.chat', password: 'demo-sam' } });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ agent: { name: 'Sam', languages: ['en'] }, site: { id: 'demo' } });
    expect(good.json().agent.passwordHash).toBeUndefined();
    const cookie = String(good.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);

    const me = await server.app.inject({ method: 'GET', url: '/api/agent/me', headers: { cookie: cookie.split(';')[0]! } });
    expect(me.json().agent.email).toBe('sam@demo.bulle.chat');
    const out = await server.app.inject({ method: 'POST', url: '/api/agent/logout', headers: { cookie: cookie.split(';')[0]! } });
    expect(out.statusCode).toBe(204);
    const after = await server.app.inject({ method: 'GET', url: '/api/agent/me', headers: { cookie: cookie.split(';')[0]! } });
    expect(after.statusCode).toBe(401);
  });

  it('health answers, unknown routes give a coded 404', async () => {
    expect((await server.app.inject({ url: '/health' })).json()).toMatchObject({ ok: true, sites: 1 });
    const missing = await server.app.inject({ url: '/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('serves the demo shop with the one-line snippet', async () => {
    const res = await server.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<script src="/widget.js" data-site="demo" async></script>');
  });
});
