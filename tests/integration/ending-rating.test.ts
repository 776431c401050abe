// Ending a chat (the visitor's conversation:end, an agent's close) and rating it once (rating:send).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { ConversationSummary, StatsResult, VisitorConversation, VisitorSyncResult } from '../../protocol/types.js';
import { ack, closeClients, loginCookie, ok, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { agent, handedOff, take } from './console-helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => closeClients());

const refused = (code: string) => ({ ok: false, error: { code } });
type Res = { conversation: VisitorConversation };

describe('conversation:end and rating:send', () => {
  it('the visitor ends a chat with an agent, the agent is told, and the rating is taken once', async () => {
    const camille = await agent(server.url, 'camille');
    const { visitor, conversationId } = await handedOff(server.url, 'fr');
    await take(camille, conversationId);
    // Not over yet: nothing to rate.
    expect(await ack(visitor, VISITOR_CMD.ratingSend, { score: 4 })).toMatchObject(refused('CONFLICT'));
    const told = waitFor<ConversationSummary>(camille, SERVER_EVT.conversationUpdated, (c) => c.id === conversationId && c.status === 'closed');
    const ended = await ok<Res>(visitor, VISITOR_CMD.conversationEnd, {});
    expect(ended.conversation).toMatchObject({ status: 'closed', endedBy: 'visitor' });
    expect((await told).endedBy).toBe('visitor');
    expect(await ack(visitor, VISITOR_CMD.conversationEnd, {})).toMatchObject(refused('CONFLICT'));
    const rated = await ok<Res>(visitor, VISITOR_CMD.ratingSend, { score: 4, comment: '  Merci !  ' });
    expect(rated.conversation.rating).toMatchObject({ score: 4, comment: 'Merci !' });
    expect(await ack(visitor, VISITOR_CMD.ratingSend, { score: 5 })).toMatchObject(refused('CONFLICT'));
    // The console sees it on the conversation.
    const detail = await ok<{ conversation: ConversationSummary }>(camille, AGENT_CMD.conversationOpen, { conversationId });
    expect(detail.conversation.rating).toMatchObject({ score: 4, comment: 'Merci !' });
    const stored = (await server.app.store.getConversation(conversationId))!;
    expect(stored).toMatchObject({ endedBy: 'visitor', firstClosedAt: stored.closedAt });
  });

  it('an agent close ends it too, and the first reply and hand-off times are kept', async () => {
    const sam = await agent(server.url, 'sam');
    const { visitor, conversationId } = await handedOff(server.url, 'en');
    await take(sam, conversationId);
    await ok(sam, AGENT_CMD.messageSend, { conversationId, clientId: 'reply-000001', text: 'Hello!' });
    const closed = waitFor<VisitorConversation>(visitor, SERVER_EVT.conversationUpdated, (c) => c.status === 'closed');
    await ok(sam, AGENT_CMD.conversationClose, { conversationId, tag: 'delivery', resolved: true });
    expect(await closed).toMatchObject({ endedBy: 'agent' });
    await ok(visitor, VISITOR_CMD.ratingSend, { score: 5 });
    const c = (await server.app.store.getConversation(conversationId))!;
    expect(c.handedOffAt).toBeTypeOf('number');
    expect(c.firstAgentReplyAt! >= c.handedOffAt!).toBe(true);
    // Today's numbers hold it.
    const admin = await loginCookie(server.url, 'alex@demo.bulle.chat', 'demo-alex');
    const s = (await (await fetch(`${server.url}/api/admin/stats`, { headers: { cookie: admin } })).json()) as StatsResult;
    expect(s.rating.count).toBeGreaterThanOrEqual(2);
    expect(s.rating.distribution['5']).toBeGreaterThanOrEqual(1);
    expect(s.firstResponseMs.p50).not.toBeNull();
  });

  it.each([
    [{ score: 0 }],
    [{ score: 6 }],
    [{ score: 3.5 }],
    [{ score: '4' }],
    [{ score: 4, comment: 'x'.repeat(1001) }],
    [{ score: 4, extra: 1 }],
  ])('refuses %j (BAD_PAYLOAD)', async (payload) => {
    const { visitor } = await handedOff(server.url, 'fr');
    expect(await ack(visitor, VISITOR_CMD.ratingSend, payload)).toMatchObject(refused('BAD_PAYLOAD'));
  });

  it('without a conversation there is nothing to end or rate (NOT_FOUND)', async () => {
    const { connectVisitor } = await import('../helpers/server.js');
    const visitor = connectVisitor(server.url);
    await waitFor(visitor, 'connect');
    expect(await ack(visitor, VISITOR_CMD.conversationEnd, {})).toMatchObject(refused('NOT_FOUND'));
    expect(await ack(visitor, VISITOR_CMD.ratingSend, { score: 3 })).toMatchObject(refused('NOT_FOUND'));
  });

  it('without SMTP configured, no transcript is offered or sent (FORBIDDEN)', async () => {
    const { visitor } = await handedOff(server.url, 'en');
    expect((await ok<VisitorSyncResult>(visitor, VISITOR_CMD.conversationSync, { afterSeq: 0 })).features).toEqual({ email: false });
    expect(await ack(visitor, VISITOR_CMD.transcriptSend, { email: 'jo@example.com' })).toMatchObject(refused('FORBIDDEN'));
  });

  it('SMTP_URL needs MAIL_FROM', async () => {
    const { configFromEnv } = await import('../../server/config.js');
    expect(() => configFromEnv({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(/MAIL_FROM: required/);
    expect(() => configFromEnv({ SMTP_URL: 'http://example.com', MAIL_FROM: 'a@b.c' })).toThrow(/SMTP_URL/);
    expect(configFromEnv({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Shop <a@b.c>' })).toMatchObject({ smtpUrl: 'smtp://127.0.0.1:2525' });
  });
});
