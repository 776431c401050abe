// The bot on its own thread (server/bot/): answers like the inline engine, survives its thread
// dying (a new one gets the sites again), and when the bot cannot answer at all the visitor is
// handed to a person instead of waiting for a reply that will not come.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createInlineBots, createThreadBots, type Bots } from '../../server/bot/bots.js';
import type { BotSite } from '../../server/bot/engine.js';
import { SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message, VisitorConversation, VisitorSendResult } from '../../protocol/types.js';
import { clientId, closeClients, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';

const site: BotSite = {
  id: 'demo',
  languages: ['fr', 'en', 'es', 'de'],
  defaultLanguage: 'fr',
  faqDir: join(import.meta.dirname, '..', '..', 'faq', 'data', 'demo'),
};
const ask = (text: string) => ({ siteId: 'demo', text, hints: { browser: ['en-GB'] } });
const QUESTIONS = ['Where is my order?', 'Combien coûte la livraison ?', '¿Cómo puedo devolver un artículo?', 'Kann ich mit PayPal bezahlen?', 'I want to talk to a human', 'what is the meaning of life'];

const opened: Bots[] = [];
afterAll(async () => {
  for (const b of opened) await b.close();
});

describe('bot thread', () => {
  it('decides exactly as the inline engine does', async () => {
    const thread = createThreadBots();
    const inline = createInlineBots();
    opened.push(thread, inline);
    await Promise.all([thread.addSite(site), inline.addSite(site)]);
    for (const q of QUESTIONS) {
      const [a, b] = await Promise.all([thread.think(ask(q)), inline.think(ask(q))]);
      // The answer variation is random; everything else is the same.
      expect({ ...a, reply: { ...a.reply, answer: undefined } }, q).toEqual({ ...b, reply: { ...b.reply, answer: undefined } });
    }
  });

  it.runIf(process.platform === 'linux')('runs below the server thread in the CPU queue (nice 10)', async () => {
    // Field 19 of /proc/<pid>/task/<tid>/stat, after the ")" that ends the thread's name.
    const nice = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    const niced = () => readdirSync('/proc/self/task').filter((tid) => nice(tid) === 10).length;
    const before = niced();
    expect(nice(String(process.pid))).toBe(0);
    const bots = createThreadBots();
    opened.push(bots);
    await bots.addSite(site);
    await bots.think(ask('Where is my order?'));
    expect(niced()).toBe(before + 1);
  });

  it('a new thread replaces one that died, and knows the sites again', async () => {
    const bots = createThreadBots();
    opened.push(bots);
    await bots.addSite(site);
    const first = bots.thread()!;
    expect((await bots.think(ask('Where is my order?'))).reply.decision.outcome).toBe('answer');
    await first.terminate();
    expect((await bots.think(ask('Where is my order?'))).reply.decision.outcome).toBe('answer');
    expect(bots.thread()).not.toBe(first);
  });

  it('rejects a site whose FAQ folder does not load, naming it', async () => {
    const bots = createThreadBots();
    opened.push(bots);
    await expect(bots.addSite({ ...site, id: 'bad', faqDir: '/nonexistent/faq' })).rejects.toThrow(/nonexistent/);
    await expect(bots.think({ ...ask('hello'), siteId: 'bad' })).rejects.toThrow(/unknown site/);
  });
});

describe('when the bot cannot answer', () => {
  let server: TestServer;
  afterEach(() => closeClients());
  afterAll(() => server?.close());

  it('the visitor is told a person will help and the chat joins the queue', async () => {
    const inline = createInlineBots();
    const failing: Bots = { ...inline, think: async () => Promise.reject(new Error('bot down (test)')) };
    server = await startServer({}, { bots: failing });
    const visitor = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(visitor, 'connect');
    const botMsg = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
    const queued = waitFor<VisitorConversation>(visitor, SERVER_EVT.conversationUpdated, (c) => c.status === 'queued');
    const sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Where is my order?', page });
    expect(sent.message.seq).toBe(1);
    expect((await botMsg).bot).toEqual({ outcome: 'fallback' });
    await queued;
  });
});
