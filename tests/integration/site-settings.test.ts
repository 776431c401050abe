// A site's settings as an admin edits them on the Sites page (PATCH /api/admin/sites/:id), taking
// effect at once on a running server: the closing tags (a removed tag is refused when closing, a
// new one accepted, a chat closed earlier keeps its old tag) and the bot's thresholds (the same
// question is answered or only gets "did you mean" buttons, with no restart).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { ConversationAssigned, ConversationSummary, Message, VisitorHandoffResult } from '../../protocol/types.js';
import { ack, clientId, closeClients, connectAgent, connectVisitor, loginCookie, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';

let server: TestServer;
let admin = '';
beforeAll(async () => {
  server = await startServer();
  admin = await loginCookie(server.url, 'alex@demo.bulle.chat', 'demo-alex');
});
afterAll(() => server.close());
afterEach(() => closeClients());

async function patchDemo(body: unknown): Promise<void> {
  const res = await fetch(server.url + '/api/admin/sites/demo', { method: 'PATCH', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** An English visitor asks for a person; Sam (online, English) is given the chat. */
async function chatWithSam(sam: Socket): Promise<string> {
  const v = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
  await waitFor(v, 'connect');
  const given = waitFor<ConversationAssigned>(sam, SERVER_EVT.conversationAssigned);
  const { conversation } = await ok<VisitorHandoffResult>(v, VISITOR_CMD.handoffRequest, { page });
  expect((await given).conversation.id).toBe(conversation.id);
  return conversation.id;
}

/** What the bot decides on `text` for a new visitor of the demo site. */
async function outcomeOf(text: string): Promise<string | undefined> {
  const v = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
  await waitFor(v, 'connect');
  const reply = waitFor<Message>(v, SERVER_EVT.messageCreated, (m) => m.author === 'bot', 60_000);
  await ok(v, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
  const outcome = (await reply).bot?.outcome;
  v.close();
  return outcome;
}

describe('site settings from the Sites page', () => {
  it('closing tags: a removed tag is refused, a new one accepted, an old chat keeps its tag', async () => {
    const sam = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    // 1. Closed with "returns" while it is still on the list.
    const before = await chatWithSam(sam);
    await ok(sam, AGENT_CMD.conversationClose, { conversationId: before, tag: 'returns' });

    // 2. The admin replaces the list: "returns" goes, "late-delivery" comes.
    await patchDemo({ tags: ['order-status', 'late-delivery', 'other'] });
    expect((await ok<{ tags: string[] }>(sam, AGENT_CMD.tagsList, {})).tags).toEqual(['order-status', 'late-delivery', 'other']);
    // The audit log has who changed the list, from what to what.
    const audit = await server.app.audit.page({ siteIds: ['demo'], limit: 5 });
    expect(audit?.entries.find((e) => e.action === 'site.update' && e.changes?.tags)?.changes?.tags).toMatchObject({ to: ['order-status', 'late-delivery', 'other'] });

    // 3. Closing with the removed tag is BAD_PAYLOAD (the chat stays open); with the new one it closes.
    const after = await chatWithSam(sam);
    expect(await ack(sam, AGENT_CMD.conversationClose, { conversationId: after, tag: 'returns' })).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    const closed = await ok<{ conversation: ConversationSummary }>(sam, AGENT_CMD.conversationClose, { conversationId: after, tag: 'late-delivery' });
    expect(closed.conversation).toMatchObject({ status: 'closed', tag: 'late-delivery' });

    // 4. The chat closed before keeps the tag it was closed with.
    const list = await ok<{ conversations: ConversationSummary[] }>(sam, AGENT_CMD.conversationsList, { status: 'closed' });
    expect(list.conversations.find((c) => c.id === before)?.tag).toBe('returns');
  });

  it('bot thresholds: the same question is answered or only suggested, without a restart', { timeout: 240_000 }, async () => {
    // "account" is a borderline question on the demo FAQ (about 0.8).
    await patchDemo({ thresholds: { answer: 0.99, suggest: 0.05 } });
    expect(await outcomeOf('account')).toBe('suggest');
    await patchDemo({ thresholds: { answer: 0.3, suggest: 0.1 } });
    expect(await outcomeOf('account')).toBe('answer');
    // Back to the bot's defaults.
    await patchDemo({ thresholds: null });
    expect((await server.app.store.getSite('demo'))?.thresholds).toBeUndefined();
  });
});
