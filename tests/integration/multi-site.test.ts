// One agent, several sites, on real sockets: an agent who works on the demo site and on "shop2"
// is given shop2's chats, replies, and the visitor reads it; their chats on both sites share one
// capacity. A colleague of the demo site only never sees shop2's chats: not in their queue, not
// pushed to them, and opening or claiming one is refused as if it did not exist.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { AgentsListResult, ConversationSummary, Message, QueueListResult, TagsListResult, VisitorHandoffResult } from '../../protocol/types.js';
import type { AgentRecord } from '../../server/storage/records.js';
import { ack, clientId, closeClients, collect, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { addSite, closeRawSockets, visitorSocket } from '../security/fixtures.js';
import { closeConsoles, handOff, next, openConsole } from './routing-helpers.js';
import { hashPassword, newId } from '../../server/services/secrets.js';

const SHOP2 = 'https://shop2.example';
let server: TestServer;

async function agent(name: string, siteIds: string[], maxChats: number): Promise<AgentRecord & { password: string }> {
  const password = `pw-${name}-multi`;
  const record: AgentRecord = {
    id: newId(),
    siteId: 'demo',
    siteIds,
    name,
    email: `${name.toLowerCase()}@multi.test`,
    languages: ['en'],
    role: 'agent',
    maxChats,
    passwordHash: await hashPassword(password),
    createdAt: Date.now(),
  };
  await server.app.store.putAgent(record);
  return { ...record, password };
}

/** A shop2 visitor (from the shop's own origin) asks for a person. */
async function shop2HandOff(): Promise<{ socket: ReturnType<typeof visitorSocket>; conversationId: string }> {
  const socket = visitorSocket(server.url, { siteId: 'shop2', languages: ['en'] }, { origin: SHOP2 });
  await waitFor(socket, 'connect');
  const res = await ok<VisitorHandoffResult>(socket, VISITOR_CMD.handoffRequest, { page });
  return { socket, conversationId: res.conversation.id };
}

beforeAll(async () => {
  server = await startServer({ routingGraceMs: 300, anyAgentAfterMs: 600_000, anyAgentAfterLoginMs: 0 });
  await addSite(server.app, 'shop2', [SHOP2]);
});
afterAll(() => server.close());
afterEach(() => {
  closeClients();
  closeRawSockets();
  closeConsoles();
});

describe('an agent of several sites', () => {
  it('takes the other site\'s chats and replies; a one-site colleague never sees them', async () => {
    const both = await openConsole(server, await agent('Both', ['demo', 'shop2'], 1));
    const demoOnly = await openConsole(server, await agent('Solo', ['demo'], 1));
    const pushedToSolo = collect<ConversationSummary>(demoOnly.socket, SERVER_EVT.queueAdded);

    // 1. A shop2 visitor asks for a person: only Both works on shop2, so it is theirs.
    const v1 = await shop2HandOff();
    const given = await next(both, SERVER_EVT.conversationAssigned, (a) => a.conversation.id === v1.conversationId, 30_000);
    expect(given.conversation.siteId).toBe('shop2');

    // 2. Both replies; the shop2 visitor reads it.
    const heard = waitFor<Message>(v1.socket, SERVER_EVT.messageCreated, (m) => m.author === 'agent' && m.text === 'Hello from both shops');
    await ok(both.socket, AGENT_CMD.messageSend, { conversationId: v1.conversationId, text: 'Hello from both shops', clientId: clientId() });
    expect((await heard).authorName).toBe('Both');

    // 3. One capacity across sites: Both is full (1 chat), so a demo chat in English goes to Solo…
    const d1 = await handOff(server, 'en');
    await next(demoOnly, SERVER_EVT.conversationAssigned, (a) => a.conversation.id === d1.conversationId, 30_000);
    // …and a second shop2 chat waits: nobody free works on shop2.
    const v2 = await shop2HandOff();
    const mine = await ok<QueueListResult>(both.socket, AGENT_CMD.queueList, {});
    expect(mine.mine.map((c) => c.id)).toEqual([v1.conversationId]);
    expect(mine.queue.find((c) => c.id === v2.conversationId)?.siteId).toBe('shop2');

    // 4. Solo never sees shop2's chats: not listed, not pushed, and opening or claiming one is
    //    NOT_FOUND (as for any site an agent does not work on: no hint that it exists).
    const solo = await ok<QueueListResult>(demoOnly.socket, AGENT_CMD.queueList, {});
    expect([...solo.queue, ...solo.mine].some((c) => c.siteId !== 'demo')).toBe(false);
    expect(pushedToSolo.some((c) => c.siteId === 'shop2')).toBe(false);
    for (const event of [AGENT_CMD.conversationOpen, AGENT_CMD.conversationClaim]) {
      expect(await ack(demoOnly.socket, event, { conversationId: v2.conversationId }), event).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }

    // 5. Transfer targets are the chat's site's agents; a site one does not work on is NOT_FOUND.
    const targets = await ok<AgentsListResult>(both.socket, AGENT_CMD.agentsList, { siteId: 'shop2' });
    expect(targets.agents.map((a) => a.name)).toContain('Both');
    expect(targets.agents.map((a) => a.name)).not.toContain('Solo');
    expect(await ack(demoOnly.socket, AGENT_CMD.agentsList, { siteId: 'shop2' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // 6. Both closes the first shop2 chat (with one of shop2's tags): the waiting one is theirs at once.
    const tags = await ok<TagsListResult>(both.socket, AGENT_CMD.tagsList, {});
    expect(Object.keys(tags.bySite ?? {})).toEqual(['demo', 'shop2']);
    await ok(both.socket, AGENT_CMD.conversationClose, { conversationId: v1.conversationId, tag: tags.bySite!.shop2![0] });
    await next(both, SERVER_EVT.conversationAssigned, (a) => a.conversation.id === v2.conversationId, 30_000);

    // 7. Both's closed list has the shop2 chat; Solo's has none of it.
    const closed = await ok<{ conversations: ConversationSummary[] }>(both.socket, AGENT_CMD.conversationsList, { status: 'closed' });
    expect(closed.conversations.map((c) => c.id)).toContain(v1.conversationId);
    const soloClosed = await ok<{ conversations: ConversationSummary[] }>(demoOnly.socket, AGENT_CMD.conversationsList, { status: 'closed' });
    expect(soloClosed.conversations.some((c) => c.siteId === 'shop2')).toBe(false);
  });
});
