// The widget's chat session (widget/app/chat-session.ts) against a fake connection: the rules
// that keep a visitor's view honest without a server or a browser — sync on connect, resend with
// the same clientId until acknowledged, keep the token, never let an older view win.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChatSession } from '../../widget/app/chat-session.js';
import { conversation, fakeBrowser, fakeConnection, message, SITE, type FakeConnection } from './fake-connection.js';

let fake: FakeConnection;
let browser: ReturnType<typeof fakeBrowser>;

function start() {
  const made = fakeConnection();
  fake = made.fake;
  return createChatSession('demo', 'https://chat.example', made.connect);
}

beforeEach(() => {
  browser = fakeBrowser();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('chat session', () => {
  it('on connect: reports the visit, syncs from the start, and shows the site and its welcome', async () => {
    const session = start();
    const welcome = { lang: 'en', text: 'Hello!', topics: [] };
    fake.answer('conversation:sync', () => ({ ok: true, data: { site: SITE, conversation: null, messages: [], through: 0, more: false, welcome } }));
    fake.connect();
    await vi.waitFor(() => expect(session.state.site).toEqual(SITE));
    expect(session.state.link).toBe('online');
    expect(session.state.welcome).toEqual(welcome);
    expect(fake.sent[0]).toMatchObject({ event: 'visit:update', kind: 'signal', payload: { page: { url: 'https://shop.example/orders', title: 'Orders' } } });
    expect(fake.requests('conversation:sync')).toEqual([{ afterSeq: 0 }]);
    expect(fake.options.languages).toEqual(['en-GB', 'en']);
  });

  it('asks for the next page of a long history until the server says there is no more', async () => {
    const session = start();
    fake.answer('conversation:sync', ({ afterSeq }) =>
      afterSeq === 0
        ? { ok: true, data: { site: SITE, conversation: conversation(3), messages: [message(1, 'visitor', 'a'), message(2, 'bot', 'b')], through: 2, more: true } }
        : { ok: true, data: { site: SITE, conversation: conversation(3), messages: [message(3, 'bot', 'c')], through: 3, more: false } },
    );
    fake.connect();
    await vi.waitFor(() => expect(session.state.messages.map((m) => m.seq)).toEqual([1, 2, 3]));
    expect(fake.requests('conversation:sync')).toEqual([{ afterSeq: 0 }, { afterSeq: 2 }]);
  });

  it('keeps a message pending until its ack, then keeps the token the first ack carries', async () => {
    const session = start();
    fake.connect();
    fake.answer('message:send', ({ clientId, text }) => ({
      ok: true,
      data: { message: message(1, 'visitor', text, clientId), conversation: conversation(1), token: 'tok-1' },
    }));
    expect(session.send('  Where is my parcel?  ')).toBe(true);
    await vi.waitFor(() => expect(session.state.messages).toHaveLength(1));
    expect(session.state.messages[0]!.text).toBe('Where is my parcel?');
    expect(session.state.pending).toEqual([]);
    expect(browser.local.get('bulle:demo:token')).toBe('tok-1');
    expect(session.send('   ')).toBe(false);
  });

  it('resends with the same clientId when no ack came back, so the server stores it once', async () => {
    vi.useFakeTimers();
    const session = start();
    fake.connect();
    let calls = 0;
    fake.answer('message:send', ({ clientId, text }) =>
      ++calls === 1 ? 'timeout' : { ok: true, data: { message: message(1, 'visitor', text, clientId), conversation: conversation(1) } },
    );
    session.send('Hello');
    await vi.advanceTimersByTimeAsync(0);
    expect(session.state.pending).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    const [first, second] = fake.requests('message:send') as { clientId: string }[];
    expect(second?.clientId).toBe(first?.clientId);
    expect(session.state.pending).toEqual([]);
    expect(session.state.messages.map((m) => m.text)).toEqual(['Hello']);
  });

  it('marks a refused message failed with the server code; retry sends it again', async () => {
    const session = start();
    fake.connect();
    fake.answer('message:send', () => ({ ok: false, error: { code: 'RATE_LIMITED', message: 'slow down' } }));
    session.send('Hello');
    await vi.waitFor(() => expect(session.state.pending[0]?.failed).toBe(true));
    expect(session.state.problem).toBe('RATE_LIMITED');
    fake.answer('message:send', ({ clientId, text }) => ({ ok: true, data: { message: message(1, 'visitor', text, clientId), conversation: conversation(1) } }));
    session.retry(session.state.pending[0]!.clientId);
    await vi.waitFor(() => expect(session.state.pending).toEqual([]));
    expect(session.state.problem).toBeNull();
  });

  it('a broadcast of its own message drops the pending copy; replies count as unread while closed', async () => {
    const session = start();
    fake.connect();
    fake.answer('message:send', () => 'timeout');
    session.send('Hi');
    await vi.waitFor(() => expect(fake.requests('message:send')).toHaveLength(1));
    const { clientId } = session.state.pending[0]!;
    fake.on.conversationUpdated(conversation(2));
    fake.on.messageCreated(message(1, 'visitor', 'Hi', clientId));
    fake.on.messageCreated(message(2, 'bot', 'Hello! How can I help?'));
    expect(session.state.pending).toEqual([]);
    expect(session.state.unread).toBe(1);
    session.setOpen(true);
    expect(session.state.unread).toBe(0);
    expect(fake.requests('conversation:read')).toEqual([{ seq: 2 }]);
  });

  it('never lets an older view of the conversation replace a newer one', () => {
    const session = start();
    fake.on.conversationUpdated(conversation(5, { status: 'queued' }));
    fake.on.conversationUpdated(conversation(4, { status: 'bot' }));
    expect(session.state.conversation).toMatchObject({ lastSeq: 5, status: 'queued' });
  });

  it('forgets a token the server no longer knows and shakes hands again as a new visitor', () => {
    browser.local.set('bulle:demo:token', 'stale');
    const session = start();
    expect(fake.options.token()).toBe('stale');
    fake.on.rejected('UNAUTHORIZED');
    expect(fake.options.token()).toBeUndefined();
    expect(browser.local.has('bulle:demo:token')).toBe(false);
    expect(fake.reconnects).toBe(1);
    expect(session.state.conversation).toBeNull();
  });

  it('an unknown site is shown as unavailable, not retried', () => {
    const session = start();
    fake.on.rejected('UNKNOWN_SITE');
    expect(session.state).toMatchObject({ link: 'unavailable', problem: 'UNKNOWN_SITE' });
    expect(fake.reconnects).toBe(0);
  });

  it("the agent's typing dots go away by themselves if the 'stopped' signal is lost", async () => {
    vi.useFakeTimers();
    const session = start();
    fake.on.typingChanged({ conversationId: 'c1', author: 'agent', typing: true });
    expect(session.state.agentTyping).toBe(true);
    await vi.advanceTimersByTimeAsync(16_000);
    expect(session.state.agentTyping).toBe(false);
  });
});
