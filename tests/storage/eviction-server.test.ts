// The real server on a store that keeps few messages in memory: a visitor whose conversation
// left memory syncs it back whole (every message once, in order), before and after a restart.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message, VisitorSendResult, VisitorSyncResult } from '../../protocol/types.js';
import { LowdbChatStore } from '../../server/storage/lowdb-chat-store.js';
import { clientId, closeClients, connectVisitor, ok, page, startServer, tempDir, waitFor, type TestServer } from '../helpers/server.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  closeClients();
  for (const c of cleanups.splice(0)) await c();
});

const CAP = 4;

async function server(dir: string): Promise<{ s: TestServer; store: LowdbChatStore }> {
  const store = new LowdbChatStore({ dir, flushIntervalMs: 2, maxMessagesInMemory: CAP });
  const s = await startServer({ dataDir: dir }, { store });
  cleanups.unshift(() => s.close());
  return { s, store };
}

const held = (s: LowdbChatStore) => (s as unknown as { conversations: { messagesInMemory: number } }).conversations.messagesInMemory;

/** Questions, each answered by the bot; returns the token and the conversation id. */
async function chat(url: string, questions: string[], token?: string) {
  const visitor = connectVisitor(url, { siteId: 'demo', languages: ['en'], ...(token ? { token } : {}) });
  await waitFor(visitor, 'connect', undefined, 30_000);
  let sent: VisitorSendResult | undefined;
  for (const text of questions) {
    const bot = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot', 30_000);
    sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
    // The token comes with the first message only.
    token ??= sent.token;
    await bot;
  }
  visitor.close();
  return { token: token!, conversationId: sent!.conversation.id };
}

/** Every message of the visitor's conversation, page after page. */
async function syncAll(url: string, token: string): Promise<Message[]> {
  const visitor = connectVisitor(url, { siteId: 'demo', token, languages: ['en'] });
  await waitFor(visitor, 'connect', undefined, 30_000);
  const all: Message[] = [];
  for (let afterSeq = 0, pages = 0; pages < 20; pages++) {
    const res = await ok<VisitorSyncResult>(visitor, VISITOR_CMD.conversationSync, { afterSeq });
    all.push(...(res.messages as Message[]));
    if (!res.more) break;
    afterSeq = res.through;
  }
  visitor.close();
  return all;
}

describe('a conversation whose messages left memory', () => {
  it('syncs back whole, in order, once; and again after a restart', async () => {
    const t = await tempDir();
    cleanups.push(t.remove);
    const first = await server(t.dir);
    const questions = ['How long does delivery take?', 'Can I return an item?', 'Which payment methods do you take?'];
    const a = await chat(first.s.url, questions);
    // A second visitor's chat pushes the first one's messages out of memory.
    await chat(first.s.url, ['Where is my order?', 'Do you ship abroad?']);
    await vi.waitFor(() => expect(held(first.store)).toBeLessThanOrEqual(CAP), { timeout: 30_000, interval: 50 });

    const before = await syncAll(first.s.url, a.token);
    const seqs = before.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(before.filter((m) => m.author === 'visitor').map((m) => m.text)).toEqual(questions);
    expect(before.filter((m) => m.author === 'bot').length).toBeGreaterThanOrEqual(questions.length);
    expect(before.every((m) => m.conversationId === a.conversationId)).toBe(true);

    // One more message after it was read back, then a restart on the same folder.
    await chat(first.s.url, ['Thanks!'], a.token);
    await first.s.close();
    const second = await server(t.dir);
    const after = await syncAll(second.s.url, a.token);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.map((m) => m.seq)).toEqual(Array.from({ length: after.length }, (_, i) => i + 1));
    expect(after.filter((m) => m.author === 'visitor').map((m) => m.text)).toEqual([...questions, 'Thanks!']);
  }, 120_000);
});
