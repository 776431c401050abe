// The agent console on real sockets: internal notes, the language correction,
// closing with a tag, the "Closed" list. Each command: happy path, permission, validation.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { ConversationSummary, ConversationsListResult, Message, QueueRemoved } from '../../protocol/types.js';
import { ack, clientId, closeClients, collect, connectVisitor, ok, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { agent, closedRecord, handedOff, take } from './console-helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => closeClients());

describe('note:add', () => {
  it('stores an internal note that agents see and the visitor never receives', async () => {
    const camille = await agent(server.url, 'camille');
    const { visitor, conversationId, token } = await handedOff(server.url, 'fr');
    await take(camille, conversationId);
    const toVisitor = collect<Message>(visitor, SERVER_EVT.messageCreated);

    // 1. The note is acknowledged and broadcast to the agents following the chat.
    const broadcast = waitFor<Message>(camille, SERVER_EVT.messageCreated, (m) => m.internal === true);
    const { message } = await ok<{ message: Message }>(camille, AGENT_CMD.noteAdd, { conversationId, text: 'Client VIP, commande 48213 déjà remboursée une fois' });
    expect(message).toMatchObject({ author: 'agent', authorName: 'Camille', internal: true });
    expect((await broadcast).id).toBe(message.id);

    // 2. A reply sent after it reaches the visitor: by then the note would have arrived too.
    const reply = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'agent');
    await ok(camille, AGENT_CMD.messageSend, { conversationId, clientId: clientId(), text: 'Je regarde ça.' });
    await reply;
    expect(toVisitor.some((m) => m.internal || m.text.includes('VIP'))).toBe(false);

    // 3. Not in the visitor's sync either, from a fresh tab.
    const again = connectVisitor(server.url, { siteId: 'demo', token, languages: ['fr'] });
    await waitFor(again, 'connect');
    const synced = await ok<{ messages: Message[] }>(again, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect(synced.messages.some((m) => m.internal)).toBe(false);
    expect(synced.messages.some((m) => m.text === 'Je regarde ça.')).toBe(true);

    // 4. The agent's history has it, in place.
    const detail = await ok<{ messages: Message[] }>(camille, AGENT_CMD.conversationOpen, { conversationId });
    expect(detail.messages.filter((m) => m.internal).map((m) => m.seq)).toEqual([message.seq]);
  });

  it('stores a resent note once (same clientId)', async () => {
    const camille = await agent(server.url, 'camille');
    const { conversationId } = await handedOff(server.url, 'fr');
    await take(camille, conversationId);
    const id = clientId();
    const a = await ok(camille, AGENT_CMD.noteAdd, { conversationId, text: 'once', clientId: id });
    const b = await ok(camille, AGENT_CMD.noteAdd, { conversationId, text: 'once', clientId: id });
    expect(b.message.id).toBe(a.message.id);
  });

  it('is refused to an agent the chat does not belong to (FORBIDDEN)', async () => {
    const [camille, sam] = [await agent(server.url, 'camille'), await agent(server.url, 'sam')];
    const { conversationId } = await handedOff(server.url, 'fr');
    await take(camille, conversationId);
    expect(await ack(sam, AGENT_CMD.noteAdd, { conversationId, text: 'sneaky' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ack(sam, AGENT_CMD.noteAdd, { conversationId: 'no-such-chat', text: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it.each([
    ['empty text', { text: '' }],
    ['text over 5,000 characters', { text: 'x'.repeat(5001) }],
    ['a forged author', { text: 'hi', author: 'visitor' }],
    ['a forged internal flag', { text: 'hi', internal: false }],
  ])('refuses %s (BAD_PAYLOAD)', async (_name, extra) => {
    const camille = await agent(server.url, 'camille');
    expect(await ack(camille, AGENT_CMD.noteAdd, { conversationId: 'abc', ...extra })).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
  });
});

describe('conversation:set-lang', () => {
  it('corrects the language of my chat, announces it and logs an internal line', async () => {
    const camille = await agent(server.url, 'camille');
    const { visitor, conversationId } = await handedOff(server.url, 'fr');
    await take(camille, conversationId);
    const toVisitor = collect<Message>(visitor, SERVER_EVT.messageCreated);
    const updated = waitFor<ConversationSummary>(camille, SERVER_EVT.conversationUpdated, (c) => c.id === conversationId && c.lang === 'de');
    const res = await ok<{ conversation: ConversationSummary }>(camille, AGENT_CMD.conversationSetLang, { conversationId, lang: 'de' });
    expect(res.conversation).toMatchObject({ id: conversationId, lang: 'de', status: 'assigned' });
    await updated;
    const detail = await ok<{ messages: Message[] }>(camille, AGENT_CMD.conversationOpen, { conversationId });
    const line = detail.messages[detail.messages.length - 1]!;
    expect(line).toMatchObject({ author: 'system', internal: true });
    expect(line.text).toContain('DE');
    expect(toVisitor.some((m) => m.internal)).toBe(false);
  });

  it('moves a waiting chat to the new language queue', async () => {
    // Manual mode, so the chat waits instead of going straight to Camille.
    const alex = await agent(server.url, 'alex');
    await ok(alex, AGENT_CMD.siteMode, { mode: 'manual' });
    try {
      const [camille, sam] = [await agent(server.url, 'camille'), await agent(server.url, 'sam')];
      const { conversationId } = await handedOff(server.url, 'fr');
      const left = waitFor<QueueRemoved>(camille, SERVER_EVT.queueRemoved, (r) => r.conversationId === conversationId);
      const arrived = waitFor<ConversationSummary>(sam, SERVER_EVT.queueAdded, (c) => c.id === conversationId);
      const res = await ok<{ conversation: ConversationSummary }>(camille, AGENT_CMD.conversationSetLang, { conversationId, lang: 'en' });
      expect(res.conversation).toMatchObject({ lang: 'en', status: 'queued' });
      expect((await left).reason).toBe('moved');
      expect((await arrived).lang).toBe('en');
      const samQueue = await ok<{ queue: ConversationSummary[] }>(sam, AGENT_CMD.queueList, {});
      expect(samQueue.queue.map((c) => c.id)).toContain(conversationId);
      // Camille no longer has it in her languages: she may not touch it any more.
      expect(await ack(camille, AGENT_CMD.conversationSetLang, { conversationId, lang: 'fr' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await ok(alex, AGENT_CMD.siteMode, { mode: 'automatic' });
    }
  });

  it('is refused to an agent who neither has the chat nor speaks its language (FORBIDDEN)', async () => {
    const [camille, jonas] = [await agent(server.url, 'camille'), await agent(server.url, 'jonas')];
    const { conversationId } = await handedOff(server.url, 'fr');
    await take(camille, conversationId);
    expect(await ack(jonas, AGENT_CMD.conversationSetLang, { conversationId, lang: 'de' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([
    ['a language the site does not have', 'it'],
    ['not a language tag', 'french!'],
  ])('refuses %s (BAD_PAYLOAD)', async (_name, lang) => {
    const camille = await agent(server.url, 'camille');
    const { conversationId } = await handedOff(server.url, 'fr');
    await take(camille, conversationId);
    expect(await ack(camille, AGENT_CMD.conversationSetLang, { conversationId, lang })).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
  });
});

describe('conversation:close with a tag', () => {
  it('stores one tag and the outcome, and tells the visitor', async () => {
    const camille = await agent(server.url, 'camille');
    const { visitor, conversationId } = await handedOff(server.url, 'fr');
    await take(camille, conversationId);
    const closed = waitFor(visitor, SERVER_EVT.conversationUpdated, (c: { status: string }) => c.status === 'closed');
    const res = await ok<{ conversation: ConversationSummary }>(camille, AGENT_CMD.conversationClose, { conversationId, tag: 'returns', resolved: true });
    expect(res.conversation).toMatchObject({ status: 'closed', tag: 'returns', resolved: true });
    expect(res.conversation.closedAt).toBeGreaterThan(0);
    await closed;
  });

  it('still closes without a tag (older clients)', async () => {
    const camille = await agent(server.url, 'camille');
    const { conversationId } = await handedOff(server.url, 'fr');
    await take(camille, conversationId);
    const res = await ok<{ conversation: ConversationSummary }>(camille, AGENT_CMD.conversationClose, { conversationId });
    expect(res.conversation.status).toBe('closed');
    expect(res.conversation.tag).toBeUndefined();
  });

  it('refuses a tag that is not in the site list, and a malformed one (BAD_PAYLOAD)', async () => {
    const camille = await agent(server.url, 'camille');
    const { conversationId } = await handedOff(server.url, 'fr');
    await take(camille, conversationId);
    for (const tag of ['vip', 'Returns!', '']) {
      expect(await ack(camille, AGENT_CMD.conversationClose, { conversationId, tag, resolved: true })).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    }
    expect(await ack(camille, AGENT_CMD.conversationClose, { conversationId, tag: 'returns', resolved: 'yes' })).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    // Still open: nothing was half-done.
    expect((await ok(camille, AGENT_CMD.conversationOpen, { conversationId })).conversation.status).toBe('assigned');
  });

  it('is refused to another agent (FORBIDDEN)', async () => {
    const [camille, sam] = [await agent(server.url, 'camille'), await agent(server.url, 'sam')];
    const { conversationId } = await handedOff(server.url, 'fr');
    await take(camille, conversationId);
    expect(await ack(sam, AGENT_CMD.conversationClose, { conversationId, tag: 'other', resolved: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('conversations:list (closed)', () => {
  it('pages through closed chats newest first; agents see theirs, admins the whole site', async () => {
    // Lucía alone first: with Alex online too, routing might give the chat to him.
    const lucia = await agent(server.url, 'lucia');
    const { conversationId } = await handedOff(server.url, 'es');
    const { conversation } = await take(lucia, conversationId);
    const [alex, sam] = [await agent(server.url, 'alex'), await agent(server.url, 'sam')];
    const luciaId = conversation.assignedAgentId!;
    await ok(lucia, AGENT_CMD.conversationClose, { conversationId, tag: 'delivery', resolved: true });
    // 30 older closed chats of Lucía, written straight to the store.
    const t0 = Date.now() - 3_600_000;
    for (let i = 0; i < 30; i++) {
      await server.app.store.createConversation(closedRecord(`old-es-${i}`, luciaId, t0 + i * 1000));
    }

    const first = await ok<ConversationsListResult>(lucia, AGENT_CMD.conversationsList, { status: 'closed' });
    expect(first.conversations[0]).toMatchObject({ id: conversationId, tag: 'delivery', resolved: true });
    expect(first.conversations).toHaveLength(25);
    expect(first.nextCursor).toBeTruthy();
    const second = await ok<ConversationsListResult>(lucia, AGENT_CMD.conversationsList, { status: 'closed', cursor: first.nextCursor });
    const all = [...first.conversations, ...second.conversations];
    expect(all.filter((c) => c.id.startsWith('old-es-'))).toHaveLength(30);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    const times = all.map((c) => c.closedAt!);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(second.nextCursor).toBeNull();

    const samList = await ok<ConversationsListResult>(sam, AGENT_CMD.conversationsList, { status: 'closed' });
    expect(samList.conversations.some((c) => c.assignedAgentId === luciaId)).toBe(false);
    const alexList = await ok<ConversationsListResult>(alex, AGENT_CMD.conversationsList, { status: 'closed' });
    expect(alexList.conversations.some((c) => c.assignedAgentId === luciaId)).toBe(true);

    // Any agent of the site may read a closed chat (the customer's history), read-only.
    const read = await ok(sam, AGENT_CMD.conversationOpen, { conversationId: 'old-es-3' });
    expect(read.conversation.status).toBe('closed');
    expect(await ack(sam, AGENT_CMD.messageSend, { conversationId: 'old-es-3', clientId: clientId(), text: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([
    ['another status', { status: 'assigned' }],
    ['a malformed cursor', { status: 'closed', cursor: 'abc' }],
    ['an unknown field', { status: 'closed', siteId: 'other' }],
  ])('refuses %s (BAD_PAYLOAD)', async (_name, payload) => {
    const sam = await agent(server.url, 'sam');
    expect(await ack(sam, AGENT_CMD.conversationsList, payload)).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
  });
});
