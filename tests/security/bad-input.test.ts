// Bad input as tests: each hostile input gets a clear error code (or is stored as
// plain text), nothing is stored or shown wrongly, and the server stays up for everyone else.
// Rendering of the same strings in the widget and the console: render.e2e.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, NS, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message, QueueListResult, VisitorSendResult, VisitorSyncResult } from '../../protocol/types.js';
import {
  ack,
  clientId,
  closeClients,
  connectAgent,
  connectVisitor,
  ok,
  page,
  startServer,
  waitFor,
  type TestServer,
} from '../helpers/server.js';
import { closeRawSockets, manualMode, outcome, rawSocket } from './fixtures.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  await manualMode(server.url);
});
afterAll(() => server.close());
afterEach(() => {
  closeClients();
  closeRawSockets();
});

const SAFE_LINK = /^(https?:|mailto:)/;

async function visitor(languages = ['en']) {
  const socket = connectVisitor(server.url, { siteId: 'demo', languages });
  await waitFor(socket, 'connect');
  return socket;
}
const sync = (socket: Awaited<ReturnType<typeof visitor>>) => ok<VisitorSyncResult>(socket, VISITOR_CMD.conversationSync, { afterSeq: 0 });
const expectCode = (res: unknown, code: string) => expect(res).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });

describe('links in messages: stored as the text they are, never as links', () => {
  const LINKS = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    ' \tjavascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    '&#106;avascript:alert(1)',
    '&#x6A;&#x61;vascript&colon;alert(1)',
    'java&#x09;script:alert(1)',
    '[click me](javascript:alert(1))',
    '<a href="javascript:alert(1)">track my order</a>',
  ];

  it.each(LINKS)('visitor sends %j', async (text) => {
    const socket = await visitor();
    const replies: Message[] = [];
    socket.on(SERVER_EVT.messageCreated, (m: Message) => replies.push(m));
    const sent = await ok<VisitorSendResult>(socket, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
    expect(sent.message.text).toBe(text);
    expect(sent.message.links).toBeUndefined();
    await expect.poll(() => replies.filter((m) => m.author !== 'visitor').length).toBeGreaterThan(0);
    const stored = await server.app.store.listMessages(sent.message.conversationId);
    expect(stored.find((m) => m.author === 'visitor')).toMatchObject({ text, author: 'visitor' });
    // The only links ever sent are the FAQ's, and only http(s)/mailto.
    for (const m of stored) for (const l of m.links ?? []) expect(l.url).toMatch(SAFE_LINK);
  });

  it('a visitor cannot attach links; an agent\'s text with links stays text', async () => {
    const socket = await visitor();
    const res = await ack(socket, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'hi', links: [{ label: 'x', url: 'javascript:alert(1)' }] });
    expectCode(res, 'BAD_PAYLOAD');
    expect((await sync(socket)).conversation).toBeNull();

    const sent = await ok<VisitorSendResult>(socket, VISITOR_CMD.handoffRequest, { page });
    const conversationId = (sent as unknown as { conversation: { id: string } }).conversation.id;
    const sam = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    await ok(sam, AGENT_CMD.conversationClaim, { conversationId });
    const { message } = await ok<{ message: Message }>(sam, AGENT_CMD.messageSend, { conversationId, clientId: clientId(), text: LINKS[1] });
    expect(message).toMatchObject({ text: LINKS[1], author: 'agent' });
    expect(message.links).toBeUndefined();
    expectCode(await ack(sam, AGENT_CMD.messageSend, { conversationId, clientId: clientId(), text: 'x', links: [{ label: 'x', url: 'https://a.example' }] }), 'BAD_PAYLOAD');
  });
});

describe('objects where strings are expected', () => {
  const OPERATORS = [{ $regex: '.*' }, { $ne: null }, { $gt: '' }, ['a'], null, 42, true];

  it.each(OPERATORS.map((o) => [JSON.stringify(o), o]))('visitor fields: %s', async (_label, value) => {
    const socket = await visitor();
    for (const payload of [
      { clientId: 'abcdefgh12', text: value },
      { clientId: value, text: 'hello' },
      { clientId: 'abcdefgh12', text: 'hello', page: { url: value, title: 'x' } },
      { clientId: 'abcdefgh12', text: 'hello', page: value },
    ]) {
      expectCode(await ack(socket, VISITOR_CMD.messageSend, payload), 'BAD_PAYLOAD');
    }
    if (typeof value !== 'number') {
      expectCode(await ack(socket, VISITOR_CMD.conversationSync, { afterSeq: value }), 'BAD_PAYLOAD');
      expectCode(await ack(socket, VISITOR_CMD.conversationRead, { seq: value }), 'BAD_PAYLOAD');
    }
    expectCode(await ack(socket, VISITOR_CMD.typingSet, { typing: value === true ? 'true' : value }), 'BAD_PAYLOAD');
    expect((await sync(socket)).conversation).toBeNull();
  });

  it('handshake auth, agent ids and the log-in body', async () => {
    for (const auth of [{ siteId: { $ne: null } }, { siteId: 'demo', token: { $regex: '.*' } }, { siteId: 'demo', languages: { $ne: null } }, { siteId: ['demo'] }]) {
      expect(await outcome(rawSocket(server.url, NS.visitor, { auth }))).toBe('BAD_PAYLOAD');
    }
    const sam = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    for (const conversationId of [{ $regex: '.*' }, { $ne: null }, '.*', '../core', 'a b']) {
      expectCode(await ack(sam, AGENT_CMD.conversationOpen, { conversationId }), 'BAD_PAYLOAD');
    }
    for (const payload of [{ email: { $ne: null }, password: 'x' }, { email: 'sam@demo.bulle.chat', password: { $regex: '.*' } }]) {
      const res = await server.app.inject({ method: 'POST', url: '/api/agent/login', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'BAD_PAYLOAD' } });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });
});

describe('__proto__ and constructor keys', () => {
  // JSON.parse makes "__proto__" an own key, as the server's parser will on the other side.
  const POISON = [
    '{"clientId":"abcdefgh12","text":"hi","__proto__":{"polluted":"yes"}}',
    '{"clientId":"abcdefgh12","text":"hi","constructor":{"prototype":{"polluted":"yes"}}}',
    '{"__proto__":{"afterSeq":0}}',
    '{"afterSeq":0,"__proto__":{"isAdmin":true}}',
  ];

  it('socket payloads are refused with BAD_PAYLOAD and nothing is polluted', async () => {
    const socket = await visitor();
    for (const json of POISON) {
      const event = json.includes('afterSeq') ? VISITOR_CMD.conversationSync : VISITOR_CMD.messageSend;
      expectCode(await ack(socket, event, JSON.parse(json)), 'BAD_PAYLOAD');
    }
    expect(await outcome(rawSocket(server.url, NS.visitor, { auth: JSON.parse('{"siteId":"demo","__proto__":{"token":"x"}}') }))).toBe('BAD_PAYLOAD');
    const sam = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    expectCode(await ack(sam, AGENT_CMD.queueList, JSON.parse('{"__proto__":{"role":"admin"}}')), 'BAD_PAYLOAD');
    expectCode(await ack(sam, AGENT_CMD.conversationOpen, JSON.parse('{"conversationId":"x","constructor":{"name":"y"}}')), 'BAD_PAYLOAD');
    // The server runs in this process: its prototypes are ours.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect((await sync(socket)).conversation).toBeNull();
  });

  it('HTTP bodies with __proto__ are refused', async () => {
    const payload = '{"email":"sam@demo.bulle.chat","password":"demo-sam","__proto__":{"role":"admin"}}';
    const res = await server.app.inject({ method: 'POST', url: '/api/agent/login', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'BAD_PAYLOAD' } });
  });
});

describe('extra fields are refused, never trusted', () => {
  it.each([
    ['author', { author: 'agent' }],
    ['authorName', { authorName: 'Support' }],
    ['siteId', { siteId: 'other' }],
    ['status', { status: 'assigned' }],
    ['seq', { seq: 1 }],
    ['conversationId', { conversationId: 'abc' }],
    ['bot', { bot: { outcome: 'answer' } }],
  ])('visitor message:send with %s', async (_label, extra) => {
    const socket = await visitor();
    expectCode(await ack(socket, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'hi', ...extra }), 'BAD_PAYLOAD');
    expectCode(await ack(socket, VISITOR_CMD.handoffRequest, { ...extra }), 'BAD_PAYLOAD');
    expect((await sync(socket)).conversation).toBeNull();
  });

  it('agent commands with author, status or assignedAgentId', async () => {
    const socket = await visitor();
    const { conversation } = await ok<{ conversation: { id: string } }>(socket, VISITOR_CMD.handoffRequest, { page });
    const sam = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    const id = { conversationId: conversation.id };
    expectCode(await ack(sam, AGENT_CMD.conversationClaim, { ...id, assignedAgentId: 'someone' }), 'BAD_PAYLOAD');
    await ok(sam, AGENT_CMD.conversationClaim, id);
    expectCode(await ack(sam, AGENT_CMD.messageSend, { ...id, clientId: clientId(), text: 'hi', author: 'visitor' }), 'BAD_PAYLOAD');
    expectCode(await ack(sam, AGENT_CMD.conversationClose, { ...id, status: 'queued' }), 'BAD_PAYLOAD');
    const stored = await server.app.store.listMessages(conversation.id);
    expect(stored.some((m) => m.author === 'visitor' && m.text === 'hi')).toBe(false);
    expect((await server.app.store.getConversation(conversation.id))!.status).toBe('assigned');
  });
});

describe('oversized frames and floods', () => {
  it('a frame over maxHttpBufferSize drops that connection; the server serves others', async () => {
    const socket = await visitor();
    const gone = waitFor<string>(socket, 'disconnect');
    socket.emit(VISITOR_CMD.messageSend, { clientId: clientId(), text: 'x'.repeat(200_000) });
    expect(await gone).toMatch(/transport (close|error)/);
    const other = await visitor();
    const sent = await ok<VisitorSendResult>(other, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Where is my order?', page });
    expect(sent.message.seq).toBe(1);
    expectCode(await ack(other, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'x'.repeat(5001) }), 'BAD_PAYLOAD');
  });

  it('a message flood hits RATE_LIMITED after the burst; refused messages are not stored; another visitor is unaffected', async () => {
    const flooder = await visitor();
    const bystander = await visitor();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => ack<VisitorSendResult>(flooder, VISITOR_CMD.messageSend, { clientId: clientId(), text: `spam ${i}` })),
    );
    const accepted = results.filter((r) => r.ok);
    const limited = results.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED');
    expect(accepted.length).toBeGreaterThanOrEqual(10); // the burst
    expect(accepted.length).toBeLessThanOrEqual(12); // plus what 3/s refilled meanwhile
    expect(accepted.length + limited.length).toBe(30);
    const mine = await ok<VisitorSendResult>(bystander, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Where is my order?', page });
    expect(mine.message.seq).toBe(1);

    const conversationId = accepted[0]!.ok ? accepted[0]!.data.message.conversationId : '';
    const stored = (await server.app.store.listMessages(conversationId)).filter((m) => m.author === 'visitor');
    expect(stored).toHaveLength(accepted.length);
    // The bucket refills: a visitor who slows down is served again.
    await expect.poll(async () => (await ack(flooder, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'sorry' })).ok, { interval: 200 }).toBe(true);
  });

  it('floods of other commands and of unknown events are answered and harmless', async () => {
    const socket = await visitor();
    const typing = await Promise.all(Array.from({ length: 60 }, () => ack(socket, VISITOR_CMD.typingSet, { typing: true })));
    expect(typing.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'RATE_LIMITED')).toBe(true);
    expect(typing.some((r) => !r.ok)).toBe(true);
    // Unknown events draw from the same bucket: a flood of them is refused before any lookup.
    const other = await visitor();
    const unknown = await Promise.all(Array.from({ length: 100 }, (_, i) => ack(other, `admin:thing${i}`, {})));
    expect(unknown.every((r) => !r.ok && (r.error.code === 'NOT_FOUND' || r.error.code === 'RATE_LIMITED'))).toBe(true);
    expect(unknown.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED').length).toBeGreaterThan(50);
    expect((await server.app.inject({ url: '/health' })).statusCode).toBe(200);
  });

  it('an e-mail with bidi overrides or invisible characters is refused', async () => {
    const socket = await visitor();
    for (const email of ['moc.kaerts@\u202eattacker.example', 'ana\u200b@shop.example', 'ana@shop\u0000.example']) {
      expectCode(await ack(socket, VISITOR_CMD.contactSet, { email }), 'BAD_PAYLOAD');
    }
    // An accented address is a real one: past the schema (this visitor has no chat yet: NOT_FOUND).
    expect(await ack(socket, VISITOR_CMD.contactSet, { email: 'jörg@müller.example' })).not.toMatchObject({ error: { code: 'BAD_PAYLOAD' } });
  });
});

describe('the bot reads a bounded prefix', () => {
  it('a 5,000-character message is answered, and the bot still answers others', async () => {
    const long = await visitor();
    const reply = waitFor<Message>(long, SERVER_EVT.messageCreated, (m) => m.author !== 'visitor');
    const text = ('Where is my order? ' + 'lorem ipsum dolor '.repeat(300)).slice(0, 5000);
    await ok(long, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
    expect((await reply).author).toMatch(/bot|system/);
    const other = await visitor();
    const answer = waitFor<Message>(other, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
    await ok(other, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'How do I return an item?', page });
    expect((await answer).text.length).toBeGreaterThan(0);
    const sam = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    await ok<QueueListResult>(sam, AGENT_CMD.queueList, {});
  });
});
