// Routing on real sockets: transfer to an agent or to a language queue with a note the
// visitor never sees, and an agent who leaves: back within the grace period, they keep their
// chats; gone past it, their chats go back to the head of their queues.
import { describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { ConversationSummary, Message, QueuePosition, VisitorConversation, VisitorSyncResult } from '../../protocol/types.js';
import { ack, clientId, collect, ok, waitFor, type TestServer } from '../helpers/server.js';
import { addAgent, assignedTo, handOff, next, openConsole, useRoutingServer, until, type Console } from './routing-helpers.js';

let server: TestServer;
useRoutingServer({ anyAgentAfterMs: 60_000 }, (s) => (server = s));

describe('transfer', () => {
  it('hands a chat to another agent with a note only agents see', async () => {
    const gus = await openConsole(server, await addAgent(server, 'Gus', ['en']));
    const chat = await handOff(server, 'en');
    await assignedTo(gus, chat.conversationId);
    const hana = await openConsole(server, await addAgent(server, 'Hana', ['en']));
    const toVisitor = collect<Message>(chat.socket, SERVER_EVT.messageCreated);
    const joined = waitFor<Message>(chat.socket, SERVER_EVT.messageCreated, (m) => m.text === 'Hana joined the chat.');

    // 1. Refused: to someone away, by someone who does not have the chat, to the one who has it.
    const ivy = await openConsole(server, await addAgent(server, 'Ivy', ['en']));
    await ok(ivy.socket, AGENT_CMD.presenceSet, { status: 'away' });
    const transfer = (c: Console, payload: object) => ack(c.socket, AGENT_CMD.conversationTransfer, { conversationId: chat.conversationId, ...payload });
    expect(await transfer(hana, { toAgentId: ivy.agent.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await transfer(gus, { toAgentId: gus.agent.id })).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    expect(await transfer(gus, { toAgentId: 'no-such-agent' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Away agents can still be handed a chat (they are there); one who never logged in cannot.
    const camille = (await server.app.store.findAgentByEmail('sam@demo.bulle.chat'))!;
    expect(await transfer(gus, { toAgentId: camille.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // 2. Gus hands it to Hana with a note.
    const note = 'VIP: second broken parcel, refund already approved';
    const res = await ok<{ conversation: ConversationSummary }>(gus.socket, AGENT_CMD.conversationTransfer, { conversationId: chat.conversationId, toAgentId: hana.agent.id, note });
    expect(res.conversation).toMatchObject({ status: 'assigned', assignedAgentName: 'Hana' });
    const got = await assignedTo(hana, chat.conversationId);
    expect(got).toMatchObject({ via: 'transfer', fromAgentId: gus.agent.id });
    expect(got.messages.find((m) => m.internal)).toMatchObject({ author: 'agent', authorName: 'Gus', text: note });

    // 3. The visitor is told Hana joined, and never gets the note, live or on sync.
    await joined;
    expect(toVisitor.some((m) => m.internal || m.text.includes('VIP'))).toBe(false);
    const synced = await ok<VisitorSyncResult>(chat.socket, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect(synced.messages.some((m) => m.internal || m.text.includes('VIP'))).toBe(false);
    expect(synced.conversation).toMatchObject({ status: 'assigned', agentName: 'Hana' });

    // 4. Gus may no longer reply; Hana may.
    expect(await ack(gus.socket, AGENT_CMD.messageSend, { conversationId: chat.conversationId, clientId: clientId(), text: 'hi' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok(hana.socket, AGENT_CMD.messageSend, { conversationId: chat.conversationId, clientId: clientId(), text: 'Hana here.' });
  });

  it('sends a chat to another language queue with a note; it keeps its age and skips the sender', async () => {
    const ivo = await openConsole(server, await addAgent(server, 'Ivo', ['en', 'fr'], { maxChats: 5 }));
    const older = await handOff(server, 'en');
    await assignedTo(ivo, older.conversationId);
    // A French chat arrives later and waits: nobody but Ivo speaks French yet, and he is not offered it twice.
    await ok(ivo.socket, AGENT_CMD.presenceSet, { status: 'away' });
    const later = await handOff(server, 'fr');
    await ok(ivo.socket, AGENT_CMD.presenceSet, { status: 'online' });
    await assignedTo(ivo, later.conversationId);
    await ok(ivo.socket, AGENT_CMD.conversationTransfer, { conversationId: later.conversationId, toLang: 'fr', note: 'Wants a French speaker' });

    // 1. The English chat goes to the French queue: ahead of the later one (it is older).
    const toVisitor = collect<Message>(older.socket, SERVER_EVT.messageCreated);
    const requeued = waitFor<VisitorConversation>(older.socket, SERVER_EVT.conversationUpdated, (c) => c.status === 'queued');
    const res = await ok<{ conversation: ConversationSummary }>(ivo.socket, AGENT_CMD.conversationTransfer, { conversationId: older.conversationId, toLang: 'fr', note: 'Parle seulement français' });
    // The queue is French; the chat's language stays the visitor's.
    expect(res.conversation).toMatchObject({ status: 'queued', lang: 'en', queueLang: 'fr' });
    expect(await requeued).toMatchObject({ lang: 'en' });
    const synced = await ok<VisitorSyncResult>(older.socket, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect(synced.queue).toMatchObject({ position: 1 });

    // 2. A French speaker comes online: the older chat first, with the note; the visitor still hears English.
    const joined = waitFor<Message>(older.socket, SERVER_EVT.messageCreated, (m) => m.text === 'Jade joined the chat.');
    const jade = await openConsole(server, await addAgent(server, 'Jade', ['fr'], { maxChats: 1 }));
    const got = await assignedTo(jade, older.conversationId);
    expect(got.messages.filter((m) => m.internal).map((m) => m.text)).toEqual(['Parle seulement français']);
    await joined;
    expect(toVisitor.some((m) => m.internal)).toBe(false);
    // Ivo had it once, at the start; the router never offered it back to him.
    expect(ivo.events.filter(([e, p]) => e === SERVER_EVT.conversationAssigned && p.conversation.id === older.conversationId)).toHaveLength(1);
  });
});

describe('an agent who leaves', () => {
  it('keeps their chats through a reload within the grace period', async () => {
    const record = await addAgent(server, 'Kai', ['es']);
    const first = await openConsole(server, record);
    const chat = await handOff(server, 'es');
    await assignedTo(first, chat.conversationId);
    const second = await openConsole(server, record);

    // 1. Closing one of two tabs changes nothing; closing the last starts the grace period.
    first.socket.close();
    second.socket.close();
    const back = await openConsole(server, record);
    await new Promise((r) => setTimeout(r, 700)); // past the 300 ms grace and a tick
    const sync = await ok<VisitorSyncResult>(chat.socket, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect(sync.conversation).toMatchObject({ status: 'assigned', agentName: 'Kai' });
    await ok(back.socket, AGENT_CMD.messageSend, { conversationId: chat.conversationId, clientId: clientId(), text: 'Sigo aquí.' });
  });

  it('past the grace period, their chats go back to the head of their queue', async () => {
    const lou = await openConsole(server, await addAgent(server, 'Lou', ['de'], { maxChats: 1 }));
    const first = await handOff(server, 'de');
    await assignedTo(lou, first.conversationId);
    const second = await handOff(server, 'de');
    expect(second.queue).toMatchObject({ position: 1 });

    // 1. Lou's console goes: after the grace period the older chat is first in line again.
    const headAgain = waitFor<QueuePosition>(first.socket, SERVER_EVT.queuePosition, (p) => p.position === 1);
    const pushedBack = waitFor<QueuePosition>(second.socket, SERVER_EVT.queuePosition, (p) => p.position === 2);
    lou.socket.close();
    await Promise.all([headAgain, pushedBack]);
    const { store } = server.app;
    expect(await store.getConversation(first.conversationId)).toMatchObject({ status: 'queued' });
    expect((await store.getConversation(first.conversationId))!.assignedAgentId).toBeUndefined();

    // 2. The next German speaker gets the older chat first.
    const max = await openConsole(server, await addAgent(server, 'Max', ['de'], { maxChats: 1 }));
    await assignedTo(max, first.conversationId);
    await until(async () => (await store.getConversation(second.conversationId))?.status === 'queued');
  });
});
