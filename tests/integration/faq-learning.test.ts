// The FAQ learns from the console, on real sockets: a question the bot stepped aside on is added
// as a phrasing of an entry in one action, and the next visitor who asks it gets that entry's
// answer (the bot thread reloads the site's FAQ, no restart); new entries wait for an admin; a
// helpful "did you mean" choice is proposed, never added silently; all of it survives a restart.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { AGENT_CMD, ERR, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { FaqAddition, FaqEntrySummary, Message, UnansweredListResult } from '../../protocol/types.js';
import { ack, clientId, closeClients, connectAgent, connectVisitor, ok, page, startServer, tempDir, waitFor, type TestServer } from '../helpers/server.js';
import { agent } from './console-helpers.js';
import { addAgent, addSite } from '../security/fixtures.js';
import type { Worker } from 'node:worker_threads';
import type { Bots } from '../../server/bot/bots.js';

const WAIT = 30_000;
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => closeClients());

/** A new visitor asks `text`; resolves with the bot's reply as stored (its whole decision). */
async function ask(on: TestServer, text: string, v?: Socket): Promise<{ reply: Message; visitor: Socket }> {
  const visitor = v ?? connectVisitor(on.url, { siteId: 'demo', languages: ['en-GB'] });
  if (!v) await waitFor(visitor, 'connect', () => true, WAIT);
  const seen = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot', WAIT);
  await ok(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
  const m = await seen;
  const [reply] = await on.app.store.listMessages(m.conversationId, m.seq - 1, 1);
  return { reply: reply!, visitor };
}

const list = (s: Socket) => ok<UnansweredListResult>(s, AGENT_CMD.unansweredList, {});

describe('adding a visitor question to the FAQ', () => {
  const question = 'Do you sell replacement lids for teapots?';

  it('one action makes the next visitor asking it get that entry, at once', async () => {
    const { reply } = await ask(server, question);
    expect(reply.bot?.outcome).toBe('fallback');

    const sam = await agent(server.url, 'sam');
    const before = await list(sam);
    const group = before.groups.find((g) => g.text === question)!;
    expect(group).toMatchObject({ lang: 'en', count: 1, reasons: ['stepped-aside'] });
    expect(group.attached).toBeUndefined();
    // The bot's candidates are stored with the question, for the console's entry search.
    expect(group.candidates ?? []).toEqual(reply.bot?.candidates ?? []);

    const { addition } = await ok<{ addition: FaqAddition }>(sam, AGENT_CMD.faqAttach, { unansweredId: group.id, faqId: 'stock-availability' });
    expect(addition).toMatchObject({
      kind: 'phrasing',
      status: 'active',
      lang: 'en',
      faqId: 'stock-availability',
      text: question,
      source: 'agent',
      addedBy: { name: 'Sam' },
    });
    expect(addition.at).toBeGreaterThan(0);

    // Asked again, in other words' case and punctuation, by a new visitor.
    const again = await ask(server, 'do you sell replacement lids for teapots');
    expect(again.reply.bot).toMatchObject({ outcome: 'answer', faqId: 'stock-availability' });

    // A replacement bot thread (the last one died) knows the addition too.
    await (server.app.bots as Bots & { thread(): Worker | null }).thread()?.terminate();
    expect((await ask(server, question)).reply.bot).toMatchObject({ outcome: 'answer', faqId: 'stock-availability' });

    const after = await list(sam);
    expect(after.groups.find((g) => g.text === question)?.attached).toMatchObject({ faqId: 'stock-availability', status: 'active' });
    expect(after.additions[0]).toMatchObject({ id: addition.id });
    const { entries } = await ok<{ entries: FaqEntrySummary[] }>(sam, AGENT_CMD.faqEntries, {});
    expect(entries.find((e) => e.id === 'stock-availability' && e.lang === 'en')?.phrasings).toContain(question);
  });

  it('answers CONFLICT for a phrasing the FAQ has, NOT_FOUND for an unknown entry or question, BAD_PAYLOAD for junk', async () => {
    const sam = await agent(server.url, 'sam');
    // Near-identical questions are one group, with a count.
    for (const q of ['Can my cat play the piano in 2024?', 'can my cat play the piano in 2025']) {
      expect((await ask(server, q)).reply.bot?.outcome).toBe('fallback');
    }
    const group = (await list(sam)).groups.find((g) => g.key === 'en:can my cat play the piano in #')!;
    expect(group).toMatchObject({ count: 2, text: 'can my cat play the piano in 2025' });
    await ok(sam, AGENT_CMD.faqAttach, { unansweredId: group.id, faqId: 'contact' });
    const dup = await ack(sam, AGENT_CMD.faqAttach, { unansweredId: group.id, faqId: 'contact' });
    expect(dup).toMatchObject({ ok: false, error: { code: ERR.conflict } });
    // …on any entry of that language.
    expect(await ack(sam, AGENT_CMD.faqAttach, { unansweredId: group.id, faqId: 'invoice' })).toMatchObject({ ok: false, error: { code: ERR.conflict } });
    const noEntry = await ack(sam, AGENT_CMD.faqAttach, { unansweredId: group.id, faqId: 'no-such-entry' });
    expect(noEntry).toMatchObject({ ok: false, error: { code: ERR.notFound } });
    const noItem = await ack(sam, AGENT_CMD.faqAttach, { unansweredId: 'nope', faqId: 'contact' });
    expect(noItem).toMatchObject({ ok: false, error: { code: ERR.notFound } });
    for (const bad of [{ unansweredId: group.id }, { unansweredId: group.id, faqId: 'Bad Id' }, { unansweredId: group.id, faqId: 'contact', siteId: 'x' }]) {
      expect(await ack(sam, AGENT_CMD.faqAttach, bad)).toMatchObject({ ok: false, error: { code: ERR.badPayload } });
    }
  });

  it('a new entry is a draft until an admin publishes it; agents may not publish', async () => {
    const q = 'Can I rent a bike for the weekend?';
    expect((await ask(server, q)).reply.bot?.outcome).not.toBe('answer');
    const sam = await agent(server.url, 'sam');
    const group = (await list(sam)).groups.find((g) => g.text === q)!;
    const { addition } = await ok<{ addition: FaqAddition }>(sam, AGENT_CMD.faqDraft, {
      unansweredId: group.id,
      lang: 'en',
      question: q,
      answer: 'We do not rent bikes, but our partner shop next door does.',
    });
    expect(addition).toMatchObject({ kind: 'entry', status: 'draft', faqId: 'can-i-rent-a-bike-for-the-weekend', addedBy: { name: 'Sam' } });
    // Not live yet.
    expect((await ask(server, q)).reply.bot?.outcome).not.toBe('answer');
    expect(await ack(sam, AGENT_CMD.faqConfirm, { id: addition.id })).toMatchObject({ ok: false, error: { code: ERR.forbidden } });
    expect(await ack(sam, AGENT_CMD.faqDraft, { lang: 'xx', question: q, answer: 'a' })).toMatchObject({ ok: false, error: { code: ERR.badPayload } });

    const alex = await agent(server.url, 'alex');
    const published = await ok<{ addition: FaqAddition }>(alex, AGENT_CMD.faqConfirm, { id: addition.id });
    expect(published.addition).toMatchObject({ status: 'active', decidedBy: { name: 'Alex' } });
    const answered = await ask(server, q);
    expect(answered.reply.bot).toMatchObject({ outcome: 'answer', faqId: addition.faqId });
    expect(answered.reply.text).toBe('We do not rent bikes, but our partner shop next door does.');
    expect(await ack(alex, AGENT_CMD.faqConfirm, { id: addition.id })).toMatchObject({ ok: false, error: { code: ERR.conflict } });

    // Dismissing an active addition takes it back from the bot at once.
    await ok(alex, AGENT_CMD.faqDismiss, { id: addition.id });
    expect((await ask(server, q)).reply.bot?.outcome).not.toBe('answer');
    expect(await ack(alex, AGENT_CMD.faqDismiss, { id: 'nope' })).toMatchObject({ ok: false, error: { code: ERR.notFound } });
  });

  it('a helpful "did you mean" choice is proposed to admins, and answers once confirmed', async () => {
    const first = await ask(server, 'delivery');
    expect(first.reply.bot?.outcome).toBe('suggest');
    const pick = first.reply.quickReplies![0]!;
    const chosen = first.reply.bot!.suggestions![0]!.faqId;
    const answer = await ask(server, pick.text, first.visitor);
    expect(answer.reply.bot).toMatchObject({ outcome: 'answer', faqId: chosen });
    await ok(first.visitor, VISITOR_CMD.feedbackSend, { seq: answer.reply.seq, helpful: true });

    const alex = await agent(server.url, 'alex');
    const proposed = (await list(alex)).additions.find((a) => a.status === 'proposed' && a.text === 'delivery')!;
    expect(proposed).toMatchObject({ kind: 'phrasing', faqId: chosen, lang: 'en', source: 'visitor' });
    expect(proposed.addedBy).toBeUndefined();
    // Not added silently.
    expect((await ask(server, 'delivery')).reply.bot?.outcome).toBe('suggest');

    await ok(alex, AGENT_CMD.faqConfirm, { id: proposed.id });
    expect((await ask(server, 'delivery')).reply.bot).toMatchObject({ outcome: 'answer', faqId: chosen });
  });
});

describe('sites', () => {
  it("another site's admin reaches none of it, and that site's bot does not learn it", async () => {
    const q = 'Do you knit scarves for llamas?';
    const asked = await ask(server, q);
    expect(asked.reply.bot?.outcome).toBe('fallback');
    const sam = await agent(server.url, 'sam');
    const group = (await list(sam)).groups.find((g) => g.text === q)!;
    const { addition } = await ok<{ addition: FaqAddition }>(sam, AGENT_CMD.faqAttach, { unansweredId: group.id, faqId: 'contact' });

    await addSite(server.app, 'shop2', []);
    await addAgent(server.app, { siteId: 'shop2', name: 'Bo', email: 'bo@shop2.example', languages: ['en'], role: 'admin', password: 'bo-pass-12' });
    const bo = await connectAgent(server.url, 'bo@shop2.example', 'bo-pass-12');
    const theirs = await list(bo);
    expect(theirs.groups.some((g) => g.id === group.id)).toBe(false);
    expect(theirs.additions).toEqual([]);
    for (const [event, payload] of [
      [AGENT_CMD.faqAttach, { unansweredId: group.id, faqId: 'contact' }],
      [AGENT_CMD.faqConfirm, { id: addition.id }],
      [AGENT_CMD.faqDismiss, { id: addition.id }],
    ] as const) {
      expect(await ack(bo, event, payload), event).toMatchObject({ ok: false, error: { code: ERR.notFound } });
    }
    const visitor = connectVisitor(server.url, { siteId: 'shop2', languages: ['en'] });
    await waitFor(visitor, 'connect', () => true, WAIT);
    expect((await ask(server, q, visitor)).reply.bot?.outcome).toBe('fallback');
    expect((await ask(server, q)).reply.bot).toMatchObject({ outcome: 'answer', faqId: 'contact' });
  }, 60_000);
});

describe('after a restart', () => {
  it('the site FAQ is its files plus the stored additions', async () => {
    const data = await tempDir();
    try {
      // The bot inline: a start on a busy machine is quicker at the server thread's priority.
      const first = await startServer({ dataDir: data.dir, botThread: false });
      const q = 'Do you sell replacement lids for teapots?';
      try {
        const { reply } = await ask(first, q);
        expect(reply.bot?.outcome).not.toBe('answer');
        const sam = await agent(first.url, 'sam');
        const group = (await list(sam)).groups.find((g) => g.text === q)!;
        await ok(sam, AGENT_CMD.faqAttach, { unansweredId: group.id, faqId: 'opening-hours' });
      } finally {
        closeClients();
        await first.close();
      }
      const second = await startServer({ dataDir: data.dir, botThread: false });
      try {
        const { reply } = await ask(second, q);
        expect(reply.bot).toMatchObject({ outcome: 'answer', faqId: 'opening-hours' });
      } finally {
        await second.close();
      }
    } finally {
      await data.remove();
    }
  }, 90_000);
});
