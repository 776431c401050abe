// Routing that keeps the language, on real sockets: a backlog of fr/en/es/de chats past the
// any-agent delay with nobody online, then agents logging in one by one: each gets their own
// language first and at most one chat of another language, flagged (and the flag survives a
// reload); the visitor is always spoken to in their own language, whoever answers and
// whichever queue the chat went through.
import { describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT } from '../../protocol/events.js';
import type { ConversationAssigned, ConversationSummary, Message, QueueListResult } from '../../protocol/types.js';
import { ok, waitFor, type TestServer } from '../helpers/server.js';
import { addAgent, handOff, next, openConsole, useRoutingServer, until, type Console, type WaitingVisitor } from './routing-helpers.js';

let server: TestServer;

/** Caps for a busy machine: events normally arrive in milliseconds. */
const LONG = 30_000;

const assigned = (c: Console, conversationId: string) =>
  next<ConversationAssigned>(c, SERVER_EVT.conversationAssigned, (a) => a.conversation.id === conversationId, LONG);
const heard = (v: WaitingVisitor, text: string) => waitFor<Message>(v.socket, SERVER_EVT.messageCreated, (m) => m.text === text, LONG);

async function mine(agentId: string): Promise<string[]> {
  const convs = await server.app.store.listConversations({ siteId: 'demo', status: ['assigned'], assignedAgentId: agentId });
  return convs.map((c) => c.id).sort();
}

describe('fallback chats given at once (no wait after log-in)', () => {
  useRoutingServer({ anyAgentAfterMs: 500 }, (s) => (server = s));

  describe('a backlog past the any-agent delay, agents logging in one by one', () => {
    it('gives each their own language first, one flagged fallback chat at most, and speaks to visitors in theirs', async () => {
      const [camille, sam, lucia, jonas] = await Promise.all([
        addAgent(server, 'Camille', ['fr'], { maxChats: 3 }),
        addAgent(server, 'Sam', ['en'], { maxChats: 3 }),
        addAgent(server, 'Lucía', ['es'], { maxChats: 3 }),
        addAgent(server, 'Jonas', ['de'], { maxChats: 3 }),
      ]);

      // 1. Eight visitors ask for a person, oldest first: en, es, de, fr, en, es, de, fr. Nobody is online.
      const chats: WaitingVisitor[] = [];
      for (const lang of ['en', 'es', 'de', 'fr', 'en', 'es', 'de', 'fr']) chats.push(await handOff(server, lang));
      const [en0, es1, de2, fr3, en4, es5, de6, fr7] = chats.map((c) => c.conversationId) as string[];
      const { router } = server.app.chatRouting;
      await until(() => router.waiting('demo').filter((c) => c.openToAll).length === 8, LONG);

      // 2. Camille (French) first: both French chats, and the oldest other one, flagged. The English
      //    visitor hears it in English.
      const enHeard = heard(chats[0]!, 'Camille joined the chat.');
      const cam = await openConsole(server, camille);
      expect((await assigned(cam, fr3!)).flagged).toBeUndefined();
      expect((await assigned(cam, fr7!)).flagged).toBeUndefined();
      const fallback = await assigned(cam, en0!);
      expect(fallback).toMatchObject({ flagged: true, conversation: { lang: 'en', flagged: true } });
      await enHeard;
      expect(await mine(camille.id)).toEqual([en0, fr3, fr7].sort());

      // 3. A reload keeps the flag: the summary in Mine carries it.
      const reloaded = await openConsole(server, camille);
      const list = await ok<QueueListResult>(reloaded.socket, AGENT_CMD.queueList, {});
      const flags = Object.fromEntries(list.mine.map((c) => [c.id, c.flagged ?? false]));
      expect(flags).toEqual({ [en0!]: true, [fr3!]: false, [fr7!]: false });

      // 4. Sam, Lucía, Jonas: their own language first, then one chat nobody speaking it took.
      const esHeard = heard(chats[1]!, 'Sam se ha unido al chat.');
      const samC = await openConsole(server, sam);
      await assigned(samC, en4!);
      expect(await assigned(samC, es1!)).toMatchObject({ flagged: true });
      await esHeard;
      const luC = await openConsole(server, lucia);
      await assigned(luC, es5!);
      expect(await assigned(luC, de2!)).toMatchObject({ flagged: true });
      const joC = await openConsole(server, jonas);
      expect((await assigned(joC, de6!)).flagged).toBeUndefined();
      expect(await mine(sam.id)).toEqual([en4, es1].sort());
      expect(await mine(lucia.id)).toEqual([es5, de2].sort());
      expect(await mine(jonas.id)).toEqual([de6]);
      expect(router.waiting('demo')).toEqual([]);
    });
  });

  describe('transfers keep the visitor\'s language', () => {
    async function frenchChatWithCamille() {
      const cam = await openConsole(server, await addAgent(server, 'Camille', ['fr'], { maxChats: 3 }));
      const samC = await openConsole(server, await addAgent(server, 'Sam', ['en'], { maxChats: 3 }));
      const chat = await handOff(server, 'fr');
      await assigned(cam, chat.conversationId);
      return { cam, samC, chat };
    }

    it('to an English agent: the French visitor reads "Sam a rejoint la conversation.", Sam sees the chat flagged', async () => {
      const { cam, samC, chat } = await frenchChatWithCamille();
      const joined = heard(chat, 'Sam a rejoint la conversation.');
      await ok(cam.socket, AGENT_CMD.conversationTransfer, { conversationId: chat.conversationId, toAgentId: samC.agent.id });
      expect(await assigned(samC, chat.conversationId)).toMatchObject({ via: 'transfer', flagged: true, conversation: { lang: 'fr', flagged: true } });
      await joined;
    });

    it('to the English queue: the chat is routed to English agents, the visitor keeps French system lines', async () => {
      const { cam, samC, chat } = await frenchChatWithCamille();
      const passed = heard(chat, 'Je transmets votre conversation à un collègue. Restez ici : la réponse arrivera dans cette conversation.');
      const joined = heard(chat, 'Sam a rejoint la conversation.');
      const res = await ok<{ conversation: ConversationSummary }>(cam.socket, AGENT_CMD.conversationTransfer, { conversationId: chat.conversationId, toLang: 'en' });
      expect(res.conversation).toMatchObject({ lang: 'fr', queueLang: 'en' });
      const got = await assigned(samC, chat.conversationId);
      expect(got.via).toBe('auto');
      expect(got.conversation).toMatchObject({ lang: 'fr', queueLang: 'en' });
      await Promise.all([passed, joined]);
      const stored = await server.app.store.getConversation(chat.conversationId);
      expect(stored).toMatchObject({ lang: 'fr', queueLang: 'en', assignedAgentName: 'Sam' });
      const texts = (await server.app.store.listMessages(chat.conversationId)).filter((m) => m.author === 'system' && !m.internal).map((m) => m.text);
      expect(texts.some((t) => /joined|connecting|passing/i.test(t))).toBe(false);
    });
  });
});

describe('with a wait after log-in before fallback chats', () => {
  const AFTER_LOGIN_MS = 6_000;
  useRoutingServer({ anyAgentAfterMs: 500, anyAgentAfterLoginMs: AFTER_LOGIN_MS }, (s) => (server = s));

  it('a shift logging in together gets its own languages; the chat no speaker has room for goes out later, flagged', async () => {
    const team = await Promise.all([
      addAgent(server, 'Camille', ['fr'], { maxChats: 3 }),
      addAgent(server, 'Sam', ['en'], { maxChats: 3 }),
      addAgent(server, 'Lucía', ['es'], { maxChats: 3 }),
      addAgent(server, 'Jonas', ['de'], { maxChats: 3 }),
    ]);
    // 1. A backlog past the delay: more English chats than Sam has slots for.
    const chats: WaitingVisitor[] = [];
    for (const lang of ['en', 'es', 'de', 'fr', 'en', 'en', 'en']) chats.push(await handOff(server, lang));
    const [en0, es1, de2, fr3, en4, en5, en6] = chats.map((c) => c.conversationId) as string[];
    const { router } = server.app.chatRouting;
    await until(() => router.waiting('demo').filter((c) => c.openToAll).length === 7, LONG);

    // 2. Everyone logs in at once: each their own language, nobody a chat they do not speak.
    const loginsFrom = Date.now();
    const [cam, samC, luC, joC] = await Promise.all(team.map((a) => openConsole(server, a)));
    for (const [c, id] of [[cam, fr3], [samC, en0], [samC, en4], [samC, en5], [luC, es1], [joC, de2]] as const) {
      expect((await assigned(c, id!)).flagged).toBeUndefined();
    }

    // 3. The English chat Sam has no room for goes, once the wait is over, to a colleague, flagged.
    const other = await Promise.race([cam, luC, joC].map((c) => assigned(c, en6!).then((a) => ({ a, at: Date.now(), who: c.agent.name }))));
    expect(other.a.flagged).toBe(true);
    expect(other.at - loginsFrom).toBeGreaterThanOrEqual(AFTER_LOGIN_MS);
    expect(['Camille', 'Lucía', 'Jonas']).toContain(other.who);
  });
});
