// The visitor's side of routing on real sockets: nobody available → leave an e-mail,
// the answer is there when they come back; the visit around the chat reaches the agent; an
// admin (only) switches the site to picking by hand; business hours close the queue.
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { AGENT_CMD, NS, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { ConversationDetail, Message, ModeChanged, QueuePosition, VisitorConversation, VisitorSyncResult } from '../../protocol/types.js';
import { ack, clientId, connectVisitor, ok, waitFor, type TestServer } from '../helpers/server.js';
import { addAgent, assignedTo, handOff, next, openConsole, useRoutingServer, type Console } from './routing-helpers.js';

let server: TestServer;
useRoutingServer({ anyAgentAfterMs: 60_000 }, (s) => (server = s));

describe('nobody available', () => {
  it('lets the visitor leave an e-mail; the answer is there when they come back', async () => {
    // 1. No agent online: the visitor is told, with no wait to promise.
    const chat = await handOff(server, 'fr');
    expect(chat.queue).toEqual({ conversationId: chat.conversationId, position: 1, estimatedWaitMs: null, available: false });

    // 2. An e-mail: checked, stored lowercase, shown back to the visitor.
    for (const email of ['not-an-email', 'a@b', `${'x'.repeat(250)}@example.fr`]) {
      expect(await ack(chat.socket, VISITOR_CMD.contactSet, { email })).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    }
    const set = await ok<{ conversation: VisitorConversation }>(chat.socket, VISITOR_CMD.contactSet, { email: 'Marie.Dupont@Example.fr' });
    expect(set.conversation).toMatchObject({ status: 'queued', email: 'marie.dupont@example.fr' });
    chat.socket.close();

    // 3. Later, a French speaker logs in: the chat is theirs, with the e-mail.
    const nina = await openConsole(server, await addAgent(server, 'Nina', ['fr']));
    const got = await assignedTo(nina, chat.conversationId);
    expect(got.conversation).toMatchObject({ contactEmail: 'marie.dupont@example.fr' });
    // Typed by the visitor, not verified: it links no other conversation until an agent attaches it.
    expect(got.conversation.customer?.emails ?? []).toEqual([]);
    expect(got.messages.some((m) => m.internal && m.text.includes('marie.dupont@example.fr'))).toBe(true);
    await ok(nina.socket, AGENT_CMD.messageSend, { conversationId: chat.conversationId, clientId: clientId(), text: 'Bonjour Marie, votre colis part demain.' });

    // 4. The visitor comes back (same token): the reply is there, unread.
    const back = connectVisitor(server.url, { siteId: 'demo', token: chat.token, languages: ['fr'] });
    await waitFor(back, 'connect');
    const synced = await ok<VisitorSyncResult>(back, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    const reply = synced.messages.find((m) => m.author === 'agent')!;
    expect(reply).toMatchObject({ authorName: 'Nina', text: 'Bonjour Marie, votre colis part demain.' });
    expect(synced.conversation).toMatchObject({ status: 'assigned', agentName: 'Nina', email: 'marie.dupont@example.fr' });
    expect(synced.conversation!.visitorReadSeq).toBeLessThan(reply.seq);
    expect(synced.queue).toBeNull();
    expect(synced.messages.some((m) => m.internal)).toBe(false);
  });

  it('says so outside business hours even with agents online', async () => {
    const loaded = server.app.sites.get('demo')!;
    const admin = await openConsole(server, await addAgent(server, 'Oscar', ['en'], { role: 'admin' }));
    await ok(admin.socket, AGENT_CMD.siteMode, { mode: 'manual' }); // so the chat waits while Oscar is online
    try {
      const open = await handOff(server, 'en');
      expect(open.queue).toMatchObject({ available: true });
      loaded.site.businessHours = { timeZone: 'Europe/Paris', days: {} }; // closed every day
      const closed = await handOff(server, 'en');
      expect(closed.queue).toMatchObject({ position: 2, available: false });
    } finally {
      delete loaded.site.businessHours;
      await ok(admin.socket, AGENT_CMD.siteMode, { mode: 'automatic' });
    }
  });
});

describe('the visit', () => {
  it('reaches the agent: pages in order, referrer, time zone, page language, browser', async () => {
    const visitor = io(server.url + NS.visitor, {
      transports: ['websocket'],
      auth: { siteId: 'demo', languages: ['en'] },
      extraHeaders: { 'user-agent': 'Mozilla/5.0 (TestBrowser)' },
      reconnection: false,
      forceNew: true,
    });
    try {
      await waitFor(visitor, 'connect');
      const home = { url: 'http://shop.test/', title: 'Home' };
      const ring = { url: 'http://shop.test/ring', title: 'Moon ring' };
      const checkout = { url: 'http://shop.test/checkout', title: 'Checkout' };
      // 1. Before any message: remembered for the conversation to come.
      await ok(visitor, VISITOR_CMD.visitUpdate, { page: home, referrer: 'https://search.example/?q=rings', timeZone: 'Europe/Paris', pageLang: 'en_GB' });
      expect(await ack(visitor, VISITOR_CMD.visitUpdate, { page: home, timeZone: 'Paris; DROP' })).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
      await ok(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Do you resize rings?', page: ring });
      await ok(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'I want to talk to a person please', page: ring });
      // 2. A later page: a new connection in a real browser, the same command.
      await ok(visitor, VISITOR_CMD.visitUpdate, { page: checkout, referrer: 'http://shop.test/ring' });

      const sam = await openConsole(server, await addAgent(server, 'Pia', ['en']));
      const synced = await ok<VisitorSyncResult>(visitor, VISITOR_CMD.conversationSync, { afterSeq: 0 });
      const got = await assignedTo(sam, synced.conversation!.id);
      const detail = await ok<ConversationDetail>(sam.socket, AGENT_CMD.conversationOpen, { conversationId: got.conversation.id });
      expect(detail.conversation.visit).toMatchObject({
        pages: [home, ring, checkout].map((p) => ({ ...p, at: expect.any(Number) })),
        referrer: 'https://search.example/?q=rings',
        timeZone: 'Europe/Paris',
        pageLang: 'en_GB',
        userAgent: 'Mozilla/5.0 (TestBrowser)',
      });
    } finally {
      visitor.close();
    }
  });
});

describe('manual mode', () => {
  it('only an admin switches it; chats then wait to be picked, and go out again when switched back', async () => {
    const rita = await openConsole(server, await addAgent(server, 'Rita', ['es']));
    const alex = await openConsole(server, await addAgent(server, 'Sol', ['es', 'fr'], { role: 'admin' }));
    await ok(alex.socket, AGENT_CMD.presenceSet, { status: 'away' }); // keep the admin out of the automatic offers

    // 1. An agent may not; the admin may, and every agent hears it; it is stored with the site.
    expect(await ack(rita.socket, AGENT_CMD.siteMode, { mode: 'manual' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const heard = waitFor<ModeChanged>(rita.socket, SERVER_EVT.modeChanged);
    expect(await ok(alex.socket, AGENT_CMD.siteMode, { mode: 'manual' })).toEqual({ mode: 'manual' });
    expect(await heard).toEqual({ siteId: 'demo', mode: 'manual' });
    expect((await server.app.store.getSite('demo'))!.assignment).toBe('manual');

    try {
      // 2. A chat waits although Rita is online, and she picks it by hand.
      const first = await handOff(server, 'es');
      const second = await handOff(server, 'es');
      expect(first.queue).toMatchObject({ position: 1, available: true });
      const joined = waitFor<Message>(first.socket, SERVER_EVT.messageCreated, (m) => m.text === 'Rita se ha unido al chat.');
      const picked = await ok<ConversationDetail>(rita.socket, AGENT_CMD.conversationClaim, { conversationId: first.conversationId });
      expect(picked.conversation).toMatchObject({ status: 'assigned', assignedAgentName: 'Rita' });
      await joined;
      expect(await waitFor<QueuePosition>(second.socket, SERVER_EVT.queuePosition, (p) => p.position === 1)).toMatchObject({ available: true });

      // 3. Back to automatic: the waiting chat goes to Rita at once.
      await ok(alex.socket, AGENT_CMD.siteMode, { mode: 'automatic' });
      expect((await assignedTo(rita, second.conversationId)).via).toBe('auto');
    } finally {
      await ok(alex.socket, AGENT_CMD.siteMode, { mode: 'automatic' });
    }
  });
});
