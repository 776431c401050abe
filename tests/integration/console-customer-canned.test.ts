// The agent console on real sockets: attaching e-mails and order numbers, the
// customer's earlier conversations, canned replies and the tag list.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD } from '../../protocol/events.js';
import type { CannedReply, ConversationSummary, CustomerHistoryItem } from '../../protocol/types.js';
import { ack, closeClients, ok, startServer, type TestServer } from '../helpers/server.js';
import { agent, closedRecord, handedOff, take } from './console-helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => closeClients());

const refused = (code: string) => ({ ok: false, error: { code } });

describe('conversation:link', () => {
  it('attaches e-mails and order numbers once, normalised', async () => {
    const camille = await agent(server.url, 'camille');
    const { conversationId } = await handedOff(server.url, 'fr');
    await take(camille, conversationId);
    await ok(camille, AGENT_CMD.conversationLink, { conversationId, email: 'Marie.Dupont@Example.fr' });
    await ok(camille, AGENT_CMD.conversationLink, { conversationId, email: 'marie.dupont@example.fr' });
    const res = await ok<{ conversation: ConversationSummary }>(camille, AGENT_CMD.conversationLink, { conversationId, order: 'a-48213' });
    expect(res.conversation.customer).toEqual({ emails: ['marie.dupont@example.fr'], orders: ['A-48213'] });
  });

  it('is refused to an agent the chat does not belong to (FORBIDDEN)', async () => {
    const [camille, sam] = [await agent(server.url, 'camille'), await agent(server.url, 'sam')];
    const { conversationId } = await handedOff(server.url, 'fr');
    await take(camille, conversationId);
    expect(await ack(sam, AGENT_CMD.conversationLink, { conversationId, order: '12345' })).toMatchObject(refused('FORBIDDEN'));
  });

  it.each([
    ['both an e-mail and an order', { email: 'a@b.fr', order: '12345' }],
    ['neither', {}],
    ['a malformed e-mail', { email: 'not-an-email' }],
    ['an order number with spaces', { order: '12 345' }],
  ])('refuses %s (BAD_PAYLOAD)', async (_name, extra) => {
    const camille = await agent(server.url, 'camille');
    expect(await ack(camille, AGENT_CMD.conversationLink, { conversationId: 'abc', ...extra })).toMatchObject(refused('BAD_PAYLOAD'));
  });
});

describe('customer:history', () => {
  it('finds earlier conversations by visitor token, e-mail and order number', async () => {
    const [camille, sam] = [await agent(server.url, 'camille'), await agent(server.url, 'sam')];
    const { conversationId } = await handedOff(server.url, 'fr');
    const { conversation } = await take(camille, conversationId);
    const current = (await server.app.store.getConversation(conversationId))!;
    const t0 = Date.now() - 86_400_000;
    // 1. Earlier: one from the same browser, one with the same e-mail, one with the same order, one unrelated.
    const store = server.app.store;
    await store.createConversation(closedRecord('h-visitor', 'x', t0, { visitorId: current.visitorId, tag: 'delivery' }));
    await store.createConversation(closedRecord('h-email', 'x', t0 + 1000, { customer: { emails: ['marie@example.fr'], orders: [] } }));
    await store.createConversation(closedRecord('h-order', 'x', t0 + 2000, { customer: { emails: [], orders: ['48213'] } }));
    await store.createConversation(closedRecord('h-other', 'x', t0 + 3000, { customer: { emails: ['someone@else.fr'], orders: ['99999'] } }));

    const before = await ok<{ conversations: CustomerHistoryItem[] }>(camille, AGENT_CMD.customerHistory, { conversationId });
    expect(before.conversations.map((h) => h.conversation.id)).toEqual(['h-visitor']);
    expect(before.conversations[0]).toMatchObject({ matchedBy: ['visitor'], conversation: { tag: 'delivery', status: 'closed' } });

    // 2. Camille attaches what the visitor gave: the matching ones appear, newest first.
    await ok(camille, AGENT_CMD.conversationLink, { conversationId, email: 'marie@example.fr' });
    await ok(camille, AGENT_CMD.conversationLink, { conversationId, order: '#48213' });
    const after = await ok<{ conversations: CustomerHistoryItem[] }>(camille, AGENT_CMD.customerHistory, { conversationId });
    expect(after.conversations.map((h) => [h.conversation.id, h.matchedBy])).toEqual([
      ['h-order', ['order']],
      ['h-email', ['email']],
      ['h-visitor', ['visitor']],
    ]);
    expect(after.conversations.some((h) => h.conversation.id === conversationId)).toBe(false);

    // 3. Another agent may not look into Camille's open chat.
    expect(conversation.assignedAgentName).toBe('Camille');
    expect(await ack(sam, AGENT_CMD.customerHistory, { conversationId })).toMatchObject(refused('FORBIDDEN'));
  });

  it('refuses a missing or malformed conversation id (BAD_PAYLOAD) and an unknown one (NOT_FOUND)', async () => {
    const camille = await agent(server.url, 'camille');
    expect(await ack(camille, AGENT_CMD.customerHistory, {})).toMatchObject(refused('BAD_PAYLOAD'));
    expect(await ack(camille, AGENT_CMD.customerHistory, { conversationId: '../x' })).toMatchObject(refused('BAD_PAYLOAD'));
    expect(await ack(camille, AGENT_CMD.customerHistory, { conversationId: 'nope' })).toMatchObject(refused('NOT_FOUND'));
  });
});

describe('canned replies', () => {
  it('lists the demo replies, one text per site language', async () => {
    const sam = await agent(server.url, 'sam');
    const { replies } = await ok<{ replies: CannedReply[] }>(sam, AGENT_CMD.cannedList, {});
    expect(replies.length).toBeGreaterThanOrEqual(6);
    for (const r of replies) expect(Object.keys(r.texts).sort()).toEqual(['de', 'en', 'es', 'fr']);
    expect(replies.map((r) => r.shortcut)).toEqual(expect.arrayContaining(['hello', 'tracking', 'refund', 'bye']));
    expect(replies.find((r) => r.shortcut === 'tracking')!.texts.en).toContain('{{order.number}}');
  });

  it('an admin adds and edits a reply; a duplicate shortcut is a CONFLICT; delete removes it', async () => {
    const [alex, sam] = [await agent(server.url, 'alex'), await agent(server.url, 'sam')];
    const { reply } = await ok<{ reply: CannedReply }>(alex, AGENT_CMD.cannedSave, {
      shortcut: 'size',
      title: 'Size guide',
      texts: { en: 'Our size guide: {{agent.name}}', fr: 'Notre guide des tailles' },
    });
    expect(reply).toMatchObject({ shortcut: 'size', texts: { en: 'Our size guide: {{agent.name}}', fr: 'Notre guide des tailles' } });
    const edited = await ok<{ reply: CannedReply }>(alex, AGENT_CMD.cannedSave, { id: reply.id, shortcut: 'sizes', title: 'Size guide', texts: { en: 'Size guide' } });
    expect(edited.reply).toMatchObject({ id: reply.id, shortcut: 'sizes', texts: { en: 'Size guide' } });
    expect((await ok<{ replies: CannedReply[] }>(sam, AGENT_CMD.cannedList, {})).replies.filter((r) => r.id === reply.id)).toHaveLength(1);

    expect(await ack(alex, AGENT_CMD.cannedSave, { shortcut: 'hello', title: 'Another hello', texts: { en: 'Hi' } })).toMatchObject(refused('CONFLICT'));
    expect(await ack(alex, AGENT_CMD.cannedSave, { id: 'missing', shortcut: 'zz', title: 'x', texts: { en: 'x' } })).toMatchObject(refused('NOT_FOUND'));

    await ok(alex, AGENT_CMD.cannedDelete, { id: reply.id });
    expect((await ok<{ replies: CannedReply[] }>(sam, AGENT_CMD.cannedList, {})).replies.some((r) => r.id === reply.id)).toBe(false);
    expect(await ack(alex, AGENT_CMD.cannedDelete, { id: reply.id })).toMatchObject(refused('NOT_FOUND'));
  });

  it('refuses writes from an agent who is not an admin (FORBIDDEN)', async () => {
    const sam = await agent(server.url, 'sam');
    expect(await ack(sam, AGENT_CMD.cannedSave, { shortcut: 'mine', title: 'Mine', texts: { en: 'Hi' } })).toMatchObject(refused('FORBIDDEN'));
    const { replies } = await ok<{ replies: CannedReply[] }>(sam, AGENT_CMD.cannedList, {});
    expect(await ack(sam, AGENT_CMD.cannedDelete, { id: replies[0]!.id })).toMatchObject(refused('FORBIDDEN'));
  });

  it.each([
    ['a language the site does not have', { shortcut: 'x1', title: 'x', texts: { it: 'Ciao' } }],
    ['no text at all', { shortcut: 'x2', title: 'x', texts: {} }],
    ['an empty text', { shortcut: 'x3', title: 'x', texts: { en: '' } }],
    ['an odd key in texts', JSON.parse('{"shortcut":"x4","title":"x","texts":{"en":"hi","__proto__":{"admin":true}}}')],
    ['a shortcut with a slash or spaces', { shortcut: '/hello there', title: 'x', texts: { en: 'x' } }],
    ['a missing title', { shortcut: 'x5', texts: { en: 'x' } }],
  ])('refuses %s (BAD_PAYLOAD)', async (_name, payload) => {
    const alex = await agent(server.url, 'alex');
    expect(await ack(alex, AGENT_CMD.cannedSave, payload)).toMatchObject(refused('BAD_PAYLOAD'));
  });

  it('canned:list takes no payload fields (BAD_PAYLOAD)', async () => {
    const sam = await agent(server.url, 'sam');
    expect(await ack(sam, AGENT_CMD.cannedList, { siteId: 'other' })).toMatchObject(refused('BAD_PAYLOAD'));
  });
});

describe('tags:list', () => {
  it("gives the site's closing tags", async () => {
    const sam = await agent(server.url, 'sam');
    expect((await ok<{ tags: string[] }>(sam, AGENT_CMD.tagsList, {})).tags).toEqual([
      'order-status',
      'returns',
      'delivery',
      'payment',
      'product-question',
      'complaint',
      'other',
    ]);
    expect(await ack(sam, AGENT_CMD.tagsList, { all: true })).toMatchObject(refused('BAD_PAYLOAD'));
  });
});
