// The whole loop on real sockets: a visitor asks, the bot answers or hands off, an agent who
// speaks the language takes it and replies, the visitor sees it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { ConversationAssigned, ConversationSummary, Message, VisitorSendResult } from '../../protocol/types.js';
import { ack, clientId, closeClients, collect, connectAgent, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => closeClients());

async function newVisitor(languages: string[]) {
  const visitor = connectVisitor(server.url, { siteId: 'demo', languages });
  await waitFor(visitor, 'connect');
  return visitor;
}

describe('visitor ↔ bot', () => {
  it('answers a FAQ question from the FAQ, with its decision and scores', async () => {
    const visitor = await newVisitor(['en-GB']);
    const botMsg = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
    const sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Where is my order? I want to track my parcel', page });
    expect(sent.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(sent.message).toMatchObject({ author: 'visitor', seq: 1, page });
    const answer = await botMsg;
    expect(answer.bot).toEqual({ outcome: 'answer' });
    // The whole decision, with its scores, is stored for agents.
    const [stored] = await server.app.store.listMessages(answer.conversationId, answer.seq - 1, 1);
    expect(stored!.bot).toMatchObject({ outcome: 'answer', faqId: 'order-tracking', lang: 'en' });
    expect(stored!.bot!.confidence).toBeGreaterThan(0);
    expect(answer.text.length).toBeGreaterThan(10);
  });

  it('detects the visitor language and answers from that FAQ', async () => {
    const visitor = await newVisitor(['en-US']);
    const botMsg = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
    await ok(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: '¿Cuánto tarda el envío de mi pedido a Madrid?', page });
    const answer = await botMsg;
    expect(answer.lang).toBe('es');
    expect(answer.bot?.outcome).toBe('answer');
  });

  it('starts the chat in the browser language and moves it to the written one, telling the widget', async () => {
    const visitor = await newVisitor(['en-US']);
    const moved = waitFor<{ lang: string }>(visitor, SERVER_EVT.conversationUpdated, (c) => c.lang === 'de');
    const sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Wie lange dauert der Versand nach Berlin?', page });
    // The ack does not wait for the bot: the language is the browser's until detection settles it.
    expect(sent.conversation.lang).toBe('en');
    await moved;
    const stored = await server.app.store.getConversation(sent.message.conversationId);
    expect(stored).toMatchObject({ lang: 'de' });
    expect(stored!.langConfidence).toBeGreaterThan(0);
  });

  it('settles the confidence of a first message written in the browser language', async () => {
    const visitor = await newVisitor(['fr-FR']);
    const botMsg = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
    const sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Quels sont les délais de livraison ?', page });
    expect((await botMsg).lang).toBe('fr');
    const stored = await server.app.store.getConversation(sent.message.conversationId);
    expect(stored).toMatchObject({ lang: 'fr' });
    expect(stored!.langConfidence).toBeGreaterThan(0);
  });

  it('does not give the same answer variation twice in a row', async () => {
    const visitor = await newVisitor(['en']);
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const botMsg = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
      await ok(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'How can I track my order?', page });
      texts.push((await botMsg).text);
    }
    expect(texts[1]).not.toBe(texts[0]);
    expect(texts[2]).not.toBe(texts[1]);
  });
});

describe('several tabs of one visitor', () => {
  it('a sent message reaches the other tabs once; the sending tab has it from its ack only', async () => {
    const first = await newVisitor(['en']);
    const { token } = await ok<VisitorSendResult>(first, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'How can I track my order?', page });
    const second = connectVisitor(server.url, { siteId: 'demo', languages: ['en'], token });
    await waitFor(second, 'connect');
    const seenByFirst = collect<Message>(first, SERVER_EVT.messageCreated);
    const seenBySecond = collect<Message>(second, SERVER_EVT.messageCreated);
    const botMsg = waitFor<Message>(first, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
    const sent = await ok<VisitorSendResult>(first, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'How much is shipping?', page });
    await botMsg;
    await waitFor(second, SERVER_EVT.messageCreated, (m: Message) => m.seq === sent.message.seq + 1).catch(() => undefined);
    expect(seenBySecond.filter((m) => m.seq === sent.message.seq)).toHaveLength(1);
    expect(seenByFirst.filter((m) => m.seq === sent.message.seq)).toHaveLength(0);
    // Both tabs get the bot's answer.
    expect(seenByFirst.some((m) => m.author === 'bot' && m.seq > sent.message.seq)).toBe(true);
    expect(seenBySecond.some((m) => m.author === 'bot' && m.seq > sent.message.seq)).toBe(true);
  });
});

describe('hand-off to a person who speaks the language', () => {
  it('routes a French request to the French agent only; the reply reaches the visitor', async () => {
    const camille = await connectAgent(server.url, 'camille@demo.bulle.chat', 'demo-camille');
    const sam = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    const samQueue = collect<ConversationSummary>(sam, SERVER_EVT.queueAdded);
    const visitor = await newVisitor(['fr-FR', 'fr']);

    // 1. The visitor asks for a person in French: the bot steps aside at once, and the router
    //    gives the chat to Camille, the French speaker online (automatic assignment).
    const queued = waitFor<ConversationSummary>(camille, SERVER_EVT.queueAdded);
    const assigned = waitFor<ConversationAssigned>(camille, SERVER_EVT.conversationAssigned);
    const joined = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'system' && m.text.includes('Camille'));
    const sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, {
      clientId: clientId(),
      text: 'Bonjour, je voudrais parler à un conseiller, ma commande est arrivée cassée',
      page,
    });
    const item = await queued;
    expect(item).toMatchObject({ id: sent.message.conversationId, lang: 'fr', status: 'queued', lastPage: page });
    expect(item.firstMessage).toContain('conseiller');

    // 2. Sam (English only) neither got the event nor sees it in his queue.
    const samView = await ok(sam, AGENT_CMD.queueList, {});
    expect(samView.queue.map((c: ConversationSummary) => c.id)).not.toContain(item.id);
    expect(samQueue.map((c) => c.id)).not.toContain(item.id);
    // …and cannot claim it.
    const samClaim = await ack(sam, AGENT_CMD.conversationClaim, { conversationId: item.id });
    expect(samClaim).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // 3. Camille has it, with the whole history, including the system hand-off line.
    const detail = await assigned;
    expect(detail).toMatchObject({ via: 'auto', conversation: { id: item.id, status: 'assigned', assignedAgentName: 'Camille' } });
    expect(detail.flagged).toBeUndefined();
    expect(detail.messages.map((m: Message) => m.author)).toEqual(['visitor', 'system', 'system']);
    await joined;

    // 4. A claim by hand (by the multilingual admin) loses: it is taken.
    const alex = await connectAgent(server.url, 'alex@demo.bulle.chat', 'demo-alex');
    expect(await ack(alex, AGENT_CMD.conversationClaim, { conversationId: item.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // 5. Camille's reply reaches the visitor, who sees the agent's name in the status.
    const reply = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'agent');
    await ok(camille, AGENT_CMD.messageSend, { conversationId: item.id, clientId: clientId(), text: 'Bonjour ! Je regarde votre commande tout de suite.' });
    expect(await reply).toMatchObject({ author: 'agent', authorName: 'Camille', text: 'Bonjour ! Je regarde votre commande tout de suite.' });

    // 6. The visitor's next message reaches Camille, not the bot.
    const toCamille = waitFor<Message>(camille, SERVER_EVT.messageCreated, (m) => m.author === 'visitor' && m.seq > 1);
    await ok(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Merci beaucoup', page });
    expect((await toCamille).text).toBe('Merci beaucoup');

    // 7. Closing tells the visitor.
    const closed = waitFor(visitor, SERVER_EVT.conversationUpdated, (c: { status: string }) => c.status === 'closed');
    await ok(camille, AGENT_CMD.conversationClose, { conversationId: item.id });
    await closed;
  });

  it('the "talk to a person" button queues a visitor who has not written yet', async () => {
    const jonas = await connectAgent(server.url, 'jonas@demo.bulle.chat', 'demo-jonas');
    const visitor = await newVisitor(['de-DE']);
    const queued = waitFor<ConversationSummary>(jonas, SERVER_EVT.queueAdded);
    const res = await ok(visitor, VISITOR_CMD.handoffRequest, { page });
    expect(res.token).toBeTruthy();
    // Jonas, the German speaker, is online: it is his at once.
    expect(res.conversation.status).toBe('assigned');
    expect((await queued).lang).toBe('de');
  });

  it('a question the bot cannot answer goes to a person, with the bot saying so', async () => {
    const lucia = await connectAgent(server.url, 'lucia@demo.bulle.chat', 'demo-lucia');
    const visitor = await newVisitor(['es-ES']);
    const queued = waitFor<ConversationSummary>(lucia, SERVER_EVT.queueAdded);
    const fallback = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
    await ok(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: '¿Me puedes recomendar una receta de paella con mariscos?', page });
    expect((await fallback).bot).toMatchObject({ outcome: 'fallback' });
    expect((await queued).lang).toBe('es');
  });
});

describe('resume and identity', () => {
  it('a reload with the token resumes the conversation with its history', async () => {
    const first = await newVisitor(['en']);
    const botMsg = waitFor<Message>(first, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
    const sent = await ok<VisitorSendResult>(first, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'What payment methods do you accept?', page });
    await botMsg;
    first.close();

    const again = connectVisitor(server.url, { siteId: 'demo', token: sent.token, languages: ['en'] });
    await waitFor(again, 'connect');
    const synced = await ok(again, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect(synced.site).toMatchObject({ id: 'demo', name: 'Atelier Lune' });
    expect(synced.conversation.id).toBe(sent.message.conversationId);
    expect(synced.messages.map((m: Message) => m.author)).toEqual(['visitor', 'bot']);
    // Only what is missing when the client says what it has.
    expect((await ok(again, VISITOR_CMD.conversationSync, { afterSeq: 1 })).messages).toHaveLength(1);
  });

  it('an unknown token is refused at the handshake with UNAUTHORIZED', async () => {
    const socket = connectVisitor(server.url, { siteId: 'demo', token: 'x'.repeat(32) });
    const err = await waitFor<Error & { data?: { code: string } }>(socket, 'connect_error');
    expect(err.data?.code).toBe('UNAUTHORIZED');
  });

  it('an unknown site is refused with UNKNOWN_SITE', async () => {
    const socket = connectVisitor(server.url, { siteId: 'nope' });
    expect((await waitFor<Error & { data?: { code: string } }>(socket, 'connect_error')).data?.code).toBe('UNKNOWN_SITE');
  });

  it('a resent message (same clientId) is stored once', async () => {
    const visitor = await newVisitor(['en']);
    const id = clientId();
    const a = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: id, text: 'Do you ship to Canada?', page });
    const b = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: id, text: 'Do you ship to Canada?', page });
    expect(b.message.id).toBe(a.message.id);
    const synced = await ok(visitor, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect(synced.messages.filter((m: Message) => m.author === 'visitor')).toHaveLength(1);
  });
});
