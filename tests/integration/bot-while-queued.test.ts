// While a chat waits in the queue the bot still answers what it is sure of (saying the visitor
// keeps their place); small talk and unsure questions wait for the person, with no second
// hand-off and nothing listed as unanswered; once an agent has the chat, the bot is silent.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message, VisitorConversation, VisitorSendResult } from '../../protocol/types.js';
import { clientId, closeClients, connectAgent, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';

const WAIT_MS = 30_000;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => closeClients());

const send = (v: Socket, text: string) => ok<VisitorSendResult>(v, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });

/**
 * The bot's work on a visitor's message runs in order per visitor, before the next message of
 * theirs is stored: once a later message is acknowledged, whatever the bot said to `seq` is there.
 */
async function saidAfter(v: Socket, seq: number): Promise<Message[]> {
  const marker = await send(v, '…');
  const all = await server.app.store.listMessages(marker.message.conversationId, seq, marker.message.seq - seq - 1);
  return all.filter((m) => m.author === 'bot' || m.author === 'system');
}

it('answers confident questions in the queue, and nothing once an agent has the chat', async () => {
  const v = connectVisitor(server.url, { siteId: 'demo', languages: ['en-GB'] });
  await waitFor(v, 'connect', undefined, WAIT_MS);

  // 1. A hand-off with nobody online: the chat waits in the English queue.
  const queued = waitFor<VisitorConversation>(v, SERVER_EVT.conversationUpdated, (c) => c.status === 'queued', WAIT_MS);
  await send(v, 'I want to talk to a person');
  const conv = await queued;

  // 2. A question the bot is sure of: answered, and the visitor is told they keep their place.
  const answered = waitFor<Message>(v, SERVER_EVT.messageCreated, (m) => m.author === 'bot', WAIT_MS);
  await send(v, 'How can I track my order?');
  const answer = await answered;
  expect(answer.bot?.outcome).toBe('answer');
  expect(answer.note).toBe("You're still in line for a person.");
  expect((await server.app.store.getConversation(conv.id))!.status).toBe('queued');

  // 3. Small talk and an unsure question: no reply, no second hand-off, nothing unanswered.
  const thanks = await send(v, 'thanks');
  expect(await saidAfter(v, thanks.message.seq)).toEqual([]);
  const vague = await send(v, 'hmm my thing with the stuff');
  expect(await saidAfter(v, vague.message.seq)).toEqual([]);
  const all = await server.app.store.listMessages(conv.id, 0);
  expect(all.filter((m) => m.author === 'system' && m.bot?.outcome === 'handoff')).toHaveLength(1);
  expect((await server.app.store.listUnanswered('demo')).filter((u) => u.conversationId === conv.id)).toEqual([]);

  // 4. Sam (English) comes online and gets the chat: from then on the bot says nothing.
  const assigned = waitFor<VisitorConversation>(v, SERVER_EVT.conversationUpdated, (c) => c.status === 'assigned', WAIT_MS);
  await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
  await assigned;
  const after = await send(v, 'How long does delivery take?');
  expect(await saidAfter(v, after.message.seq)).toEqual([]);
});
