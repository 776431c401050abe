// The bot's three outcomes on real sockets: answer (with its scores stored), "did you
// mean" quick replies, step aside; "Did this help?"; the unanswered list; the visitor's language.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { AGENT_CMD, ERR, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message, UnansweredItem, VisitorConversation, VisitorSendResult } from '../../protocol/types.js';
import type { SiteRecord } from '../../server/storage/records.js';
import { ack, clientId, closeClients, connectAgent, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  // A site with a language that has no FAQ file (it), and its own thresholds.
  const site: SiteRecord = {
    id: 'shop-it',
    name: 'Negozio',
    languages: ['en', 'it'],
    defaultLanguage: 'en',
    allowedOrigins: [],
    faqDir: 'faq/data/demo',
    thresholds: { answer: 0.9, suggest: 0.3 },
    createdAt: Date.now(),
  };
  await server.app.store.putSite(site);
  await server.app.sites.add(site);
});
afterAll(() => server.close());
afterEach(() => closeClients());

async function visitor(siteId = 'demo', languages = ['en-GB']): Promise<Socket> {
  const v = connectVisitor(server.url, { siteId, languages });
  await waitFor(v, 'connect');
  return v;
}

/**
 * Send `text` and resolve with the bot's reply as stored (with its whole decision) and as the
 * visitor received it (the decision reduced to its outcome).
 */
async function ask(v: Socket, text: string): Promise<{ sent: VisitorSendResult; reply: Message; seen: Message }> {
  const seenP = waitFor<Message>(v, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
  const sent = await ok<VisitorSendResult>(v, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
  const seen = await seenP;
  const [reply] = await server.app.store.listMessages(seen.conversationId, seen.seq - 1, 1);
  return { sent, reply: reply!, seen };
}

async function unanswered(): Promise<UnansweredItem[]> {
  const alex = await connectAgent(server.url, 'alex@demo.bulle.chat', 'demo-alex');
  return (await ok<{ items: UnansweredItem[] }>(alex, AGENT_CMD.unansweredList, {})).items;
}

describe('answer, suggest, step aside', () => {
  it('stores an answer with its component scores and top candidates', async () => {
    const v = await visitor();
    const { reply, seen } = await ask(v, 'How can I track my order?');
    expect(reply.bot).toMatchObject({ outcome: 'answer', faqId: 'order-tracking' });
    // The visitor learns that it was an answer, not how the bot scored it.
    expect(seen.bot).toEqual({ outcome: 'answer' });
    expect(seen.text).toBe(reply.text);
    expect(Object.keys(reply.bot!.scores!).length).toBeGreaterThan(0);
    expect(reply.bot!.candidates![0]).toMatchObject({ faqId: 'order-tracking' });
    expect(reply.bot!.candidates!.length).toBeLessThanOrEqual(3);
  });

  it('offers up to three "did you mean" quick replies and keeps the chat with the bot', async () => {
    const v = await visitor();
    const { reply } = await ask(v, 'delivery');
    expect(reply.bot?.outcome).toBe('suggest');
    expect(reply.text).toBe('Did you mean one of these?');
    expect(reply.quickReplies!.length).toBeGreaterThan(0);
    expect(reply.quickReplies!.length).toBeLessThanOrEqual(3);
    expect(reply.bot!.suggestions!.map((s) => s.question)).toEqual(reply.quickReplies!.map((q) => q.label));
    const sync = await ok(v, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect(sync.conversation.status).toBe('bot');
    // Pressing a button sends its question as a message: the bot answers it.
    const { reply: answer } = await ask(v, reply.quickReplies![0]!.text);
    expect(answer.bot?.outcome).toBe('answer');
  });

  it('steps aside honestly, hands off, and records the question as unanswered', async () => {
    const v = await visitor();
    const { sent, reply } = await ask(v, 'Can you explain quantum entanglement to me?');
    expect(reply.bot?.outcome).toBe('fallback');
    const items = await unanswered();
    expect(items[0]).toMatchObject({ reason: 'stepped-aside', conversationId: sent.message.conversationId, lang: 'en' });
    expect(items[0]!.text).toContain('quantum');
  });
});

describe('"Did this help?"', () => {
  it('stores "yes" on the conversation and says nothing more', async () => {
    const v = await visitor();
    const { reply } = await ask(v, 'How can I track my order?');
    const res = await ok<{ conversation: VisitorConversation }>(v, VISITOR_CMD.feedbackSend, { seq: reply.seq, helpful: true });
    expect(res.conversation.feedback).toEqual({ [reply.seq]: 'helpful' });
  });

  it('on "no": offers a person at once, stores it, and lists the question as unanswered', async () => {
    const v = await visitor();
    const { sent, reply } = await ask(v, 'How long does delivery take?');
    expect(reply.bot?.outcome).toBe('answer');
    const offer = waitFor<Message>(v, SERVER_EVT.messageCreated, (m) => m.author === 'bot' && !!m.quickReplies);
    const res = await ok<{ conversation: VisitorConversation }>(v, VISITOR_CMD.feedbackSend, { seq: reply.seq, helpful: false });
    expect(res.conversation.feedback).toEqual({ [reply.seq]: 'unhelpful' });
    const line = await offer;
    expect(line.quickReplies).toEqual([{ label: 'Talk to a person', text: 'I want to talk to a person' }]);
    // The quick reply's words hand off to a person.
    const queued = waitFor<VisitorConversation>(v, SERVER_EVT.conversationUpdated, (c) => c.status !== 'bot');
    await ok(v, VISITOR_CMD.messageSend, { clientId: clientId(), text: line.quickReplies![0]!.text, page });
    expect((await queued).status).toMatch(/queued|assigned/);
    const item = (await unanswered()).find((i) => i.conversationId === sent.message.conversationId);
    expect(item).toMatchObject({ reason: 'unhelpful', text: 'How long does delivery take?', best: { faqId: reply.bot!.faqId } });
  });

  it('refuses feedback on a seq that is not a bot answer in the caller\'s own conversation', async () => {
    const alice = await visitor();
    const { reply } = await ask(alice, 'How can I track my order?');
    const bob = await visitor();
    // No conversation yet: nothing to rate.
    expect((await ack(bob, VISITOR_CMD.feedbackSend, { seq: reply.seq, helpful: false })).ok).toBe(false);
    await ask(bob, 'delivery');
    // Bob's seq 2 is a suggestion, seq 1 his own message, seq 9 does not exist.
    for (const seq of [1, 2, 9]) {
      const res = await ack(bob, VISITOR_CMD.feedbackSend, { seq, helpful: false });
      expect(res).toMatchObject({ ok: false, error: { code: ERR.notFound } });
    }
    expect((await ack(bob, VISITOR_CMD.feedbackSend, { seq: 'x', helpful: 1 })).ok).toBe(false);
  });
});

describe('the visitor picks the language', () => {
  it('locks it against detection, and answers from the default FAQ when that language has none', async () => {
    const v = await visitor('shop-it', ['en']);
    // Custom thresholds: "account" (≈ 0.8, answered on the demo site) only gets buttons here.
    const first = await ask(v, 'account');
    expect(first.reply.bot?.outcome).toBe('suggest');
    const bad = await ack(v, VISITOR_CMD.conversationSetLang, { lang: 'fr' });
    expect(bad).toMatchObject({ ok: false, error: { code: ERR.badPayload } });
    const set = await ok<{ conversation: VisitorConversation }>(v, VISITOR_CMD.conversationSetLang, { lang: 'it' });
    expect(set.conversation).toMatchObject({ lang: 'it', langLocked: true });
    // English text, Italian chosen: the language stays, the FAQ used is the default (en), and it says so.
    const { reply } = await ask(v, 'refund');
    expect(reply.lang).toBe('it');
    expect(reply.bot).toMatchObject({ outcome: 'answer', lang: 'it', faqLang: 'en', faqId: 'refund-timing' });
    expect(reply.note).toContain('EN');
    const sync = await ok(v, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect(sync.conversation.lang).toBe('it');
  });

  it('the agent\'s correction locks the language too', async () => {
    const v = await visitor('demo', ['en']);
    const { sent } = await ask(v, 'How can I track my order?');
    const alex = await connectAgent(server.url, 'alex@demo.bulle.chat', 'demo-alex');
    await ok(alex, AGENT_CMD.conversationSetLang, { conversationId: sent.message.conversationId, lang: 'de' });
    const { reply } = await ask(v, 'Where is my parcel? I want to track my order');
    expect(reply.lang).toBe('de');
    expect(reply.bot?.lang).toBe('de');
  });
});
