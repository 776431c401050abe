// The real server on a temp data folder: a lost conversation shard degrades to "no conversation"
// instead of INTERNAL, one deleted while running is kept from memory, and a store that takes
// longer to open than Fastify's plugin timeout still starts.
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ERR, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message, VisitorSendResult } from '../../protocol/types.js';
import { LowdbChatStore } from '../../server/storage/lowdb-chat-store.js';
import type { ConversationRecord } from '../../server/storage/records.js';
import { encodeBatch } from '../../server/storage/wal.js';
import { ack, clientId, closeClients, connectVisitor, ok, page, startServer, tempDir, waitFor, type TestServer } from '../helpers/server.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  closeClients();
  for (const c of cleanups.splice(0)) await c();
});

async function dataDir(): Promise<string> {
  const t = await tempDir();
  cleanups.push(t.remove);
  return t.dir;
}

async function server(dir: string): Promise<TestServer> {
  const s = await startServer({ dataDir: dir });
  cleanups.unshift(() => s.close());
  return s;
}

/** A visitor's first message and the bot's answer; returns the token and the conversation id. */
async function chat(url: string): Promise<{ token: string; conversationId: string }> {
  const visitor = connectVisitor(url, { siteId: 'demo', languages: ['en'] });
  await waitFor(visitor, 'connect', undefined, 30_000);
  const bot = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot', 30_000);
  const sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'How long does delivery take?', page });
  await bot;
  visitor.close();
  return { token: sent.token!, conversationId: sent.conversation.id };
}

async function reconnect(url: string, token: string) {
  const visitor = connectVisitor(url, { siteId: 'demo', token, languages: ['en'] });
  await waitFor(visitor, 'connect', undefined, 30_000);
  return visitor;
}

describe('a lost conversation shard', () => {
  it('conversation:read answers NOT_FOUND and sync an empty conversation, not INTERNAL; the next message starts afresh', async () => {
    const dir = await dataDir();
    const first = await startServer({ dataDir: dir });
    const { token, conversationId } = await chat(first.url);
    await first.close();
    await rm(join(dir, 'conversations', `${conversationId}.json`));

    const second = await server(dir);
    const visitor = await reconnect(second.url, token);
    const read = await ack(visitor, VISITOR_CMD.conversationRead, { seq: 2 });
    expect(read).toMatchObject({ ok: false, error: { code: ERR.notFound } });
    const synced = await ok(visitor, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect([synced.conversation, synced.messages]).toEqual([null, []]);
    const again = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Hello again', page });
    expect(again.conversation.id).not.toBe(conversationId);
    expect(again.message.seq).toBe(1);
  });

  it('deleted while the server runs: reads go on from memory, and the shard is written again', async () => {
    const dir = await dataDir();
    const first = await startServer({ dataDir: dir });
    const { token, conversationId } = await chat(first.url);
    await first.app.store.flush();
    await rm(join(dir, 'conversations'), { recursive: true, force: true });
    const visitor = await reconnect(first.url, token);
    expect((await ack(visitor, VISITOR_CMD.conversationRead, { seq: 2 })).ok).toBe(true);
    const synced = await ok(visitor, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect(synced.messages.map((m: Message) => m.seq)).toEqual([1, 2]);
    visitor.close();
    await first.close();
    expect(await readdir(join(dir, 'conversations'))).toEqual([`${conversationId}.json`]);

    const second = await server(dir);
    const back = await reconnect(second.url, token);
    const after = await ok(back, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect(after.messages.map((m: Message) => [m.author, m.seq])).toEqual([
      ['visitor', 1],
      ['bot', 2],
    ]);
  });
});

describe('start-up with a large log', () => {
  /** A store that opens slowly, as a much larger log would on a slow disk. */
  class SlowStore extends LowdbChatStore {
    override async open() {
      // Longer than Fastify's default pluginTimeout (10 s): the failure this test guards against.
      await new Promise((r) => setTimeout(r, 10_500));
      await super.open();
    }
  }

  it('a log of 10,000 conversations and an open slower than the plugin timeout: the server starts with all of it', async () => {
    const dir = await dataDir();
    const conversations = 10_000;
    const records: string[] = [];
    for (let i = 0; i < conversations; i++) {
      const id = `conv-${i}`;
      const conv: ConversationRecord = {
        id,
        siteId: 'demo',
        visitorId: `visitor-${i}`,
        status: 'bot',
        lang: 'en',
        langConfidence: 1,
        createdAt: 1,
        updatedAt: 1,
        lastSeq: 0,
        visitorReadSeq: 0,
        visitorLanguages: ['en'],
      };
      records.push(JSON.stringify({ k: 'conv', v: conv }));
      for (let seq = 1; seq <= 3; seq++) {
        records.push(JSON.stringify({ k: 'msg', v: { id: `${id}-m${seq}`, conversationId: id, seq, author: 'visitor', text: `Message ${seq} of ${id}, long enough to weigh like a question about a delivery.`, createdAt: 1 + seq } }));
      }
    }
    const batches: Buffer[] = [];
    for (let i = 0; i < records.length; i += 200) batches.push(encodeBatch(records.slice(i, i + 200)));
    await writeFile(join(dir, 'wal.log'), Buffer.concat(batches));

    const store = new SlowStore({ dir, flushIntervalMs: 2 });
    const s = await startServer({ dataDir: dir }, { store });
    cleanups.unshift(() => s.close());
    expect((await s.app.store.getConversation('conv-9999'))?.lastSeq).toBe(3);
    expect((await s.app.store.listMessages('conv-0')).map((m) => m.seq)).toEqual([1, 2, 3]);
    const res = await fetch(`${s.url}/health`);
    expect(res.status).toBe(200);
    await store.compacted();
    expect((await readdir(join(dir, 'conversations'))).length).toBe(conversations);
  }, 240_000);
});
