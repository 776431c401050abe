// Rooms follow assignment: an agent who opened a waiting chat stops receiving its visitor's
// messages and its internal notes once another agent has claimed it (opening it again is
// FORBIDDEN, and so is listening); its new agent and the site's admins keep following it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message } from '../../protocol/types.js';
import { ack, clientId, closeClients, collect, connectAgent, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { handedOff } from '../integration/console-helpers.js';
import { addAgent, manualMode } from './fixtures.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  await manualMode(server.url);
  await addAgent(server.app, { siteId: 'demo', name: 'Léa', email: 'lea@demo.bulle.chat', languages: ['fr'], role: 'agent', password: 'lea-pass-1' });
});
afterAll(() => server.close());
afterEach(() => closeClients());

describe('rooms follow assignment', () => {
  it('after a claim, only the new agent and admins hear the chat', async () => {
    const chat = await handedOff(server.url, 'fr');
    const camille = await connectAgent(server.url, 'camille@demo.bulle.chat', 'demo-camille');
    const lea = await connectAgent(server.url, 'lea@demo.bulle.chat', 'lea-pass-1');
    const alex = await connectAgent(server.url, 'alex@demo.bulle.chat', 'demo-alex');
    // 1. Camille and the admin open the waiting chat; Léa claims it.
    for (const s of [camille, alex]) await ok(s, AGENT_CMD.conversationOpen, { conversationId: chat.conversationId });
    await ok(lea, AGENT_CMD.conversationClaim, { conversationId: chat.conversationId });
    const toCamille = collect<Message>(camille, SERVER_EVT.messageCreated);

    // 2. The visitor writes and Léa adds a note: Léa and the admin get both, Camille nothing.
    const [leaGot, alexGot] = [
      waitFor<Message>(lea, SERVER_EVT.messageCreated, (m) => m.internal === true),
      waitFor<Message>(alex, SERVER_EVT.messageCreated, (m) => m.internal === true),
    ];
    await ok(chat.visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Mon colis est en retard', page });
    await ok(lea, AGENT_CMD.noteAdd, { conversationId: chat.conversationId, text: 'Client pressé' });
    await Promise.all([leaGot, alexGot]);
    // A later fact both followers receive marks the point by which anything for Camille would have come.
    const done = waitFor(alex, SERVER_EVT.messageCreated, (m: Message) => m.text === 'Bonjour !');
    await ok(lea, AGENT_CMD.messageSend, { conversationId: chat.conversationId, clientId: clientId(), text: 'Bonjour !' });
    await done;
    expect(toCamille.map((m) => m.text)).toEqual([]);
    expect((await ack(camille, AGENT_CMD.conversationOpen, { conversationId: chat.conversationId })).ok).toBe(false);
  });
});
