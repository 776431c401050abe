// Messages leave memory past `maxMessagesInMemory` (their shard holds them) and come back on
// demand: every read returns each message once, in order, before and after a restart or a crash.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LowdbChatStore } from '../../server/storage/lowdb-chat-store.js';
import type { ConversationRecord } from '../../server/storage/records.js';
import { tempDir } from '../helpers/temp-dir.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function onDisk(): Promise<string> {
  const t = await tempDir();
  cleanups.push(t.remove);
  return t.dir;
}

function store(dir: string, maxMessagesInMemory = 4): LowdbChatStore {
  const s = new LowdbChatStore({ dir, flushIntervalMs: 2, maxMessagesInMemory });
  cleanups.unshift(async () => {
    await s.close().catch(() => {});
  });
  return s;
}

/** The process dies: its log file is closed by the kernel, nothing else happens. */
const dies = (s: LowdbChatStore) => (s as unknown as { wal: { close(): Promise<void> } }).wal.close();
const held = (s: LowdbChatStore) => (s as unknown as { conversations: { messagesInMemory: number } }).conversations.messagesInMemory;
/** Evictions run in the background: wait until what stays in memory fits the cap. */
const evicted = (s: LowdbChatStore, cap: number) => vi.waitFor(() => expect(held(s)).toBeLessThanOrEqual(cap), { timeout: 30_000, interval: 20 });

const conversation = (id: string): ConversationRecord => ({
  id,
  siteId: 'shop',
  visitorId: 'v1',
  status: 'bot',
  lang: 'en',
  langConfidence: 1,
  createdAt: 1,
  updatedAt: 1,
  lastSeq: 0,
  visitorReadSeq: 0,
  visitorLanguages: ['en'],
});

const texts = (n: number, id: string) => Array.from({ length: n }, (_, i) => `${id} m${i + 1}`);

async function fill(s: LowdbChatStore, id: string, n: number) {
  await s.createConversation(conversation(id));
  for (let i = 1; i <= n; i++) await s.appendMessage(id, { author: 'visitor', text: `${id} m${i}`, clientId: `${id}-client-${i}` });
}

async function expectWhole(s: LowdbChatStore, id: string, n: number) {
  const all = await s.listMessages(id);
  expect(all.map((m) => m.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  expect(all.map((m) => m.text)).toEqual(texts(n, id));
  expect(all.every((m) => m.conversationId === id)).toBe(true);
  expect((await s.getConversation(id))!.lastSeq).toBe(n);
}

describe('messages out of memory, read back on demand', () => {
  it('an evicted conversation is read back whole, in order, once; pages and dedup reach the shard', async () => {
    const dir = await onDisk();
    const s = store(dir);
    await s.open();
    await fill(s, 'c1', 10);
    await fill(s, 'c2', 10);
    await evicted(s, 4);
    // c1 left memory first: its shard holds all of it.
    const shard = JSON.parse(await readFile(join(dir, 'conversations', 'c1.json'), 'utf8'));
    expect(shard.messages).toHaveLength(10);

    expect((await s.listMessages('c1', 4, 3)).map((m) => m.seq)).toEqual([5, 6, 7]);
    await expectWhole(s, 'c1', 10);
    await expectWhole(s, 'c2', 10);
    // A resend of a message that is only on disk: the stored original, not a new seq.
    await evicted(s, 4);
    const again = await s.appendMessage('c2', { author: 'visitor', text: 'resent', clientId: 'c2-client-3' });
    expect([again.created, again.message.seq, again.message.text]).toEqual([false, 3, 'c2 m3']);
    // Appending to a conversation whose messages are on disk continues its seq.
    await evicted(s, 4);
    const next = await s.appendMessage('c1', { author: 'visitor', text: 'c1 m11', clientId: 'c1-client-11' });
    expect(next.message.seq).toBe(11);
    await expectWhole(s, 'c1', 11);
  });

  it('concurrent appends while conversations are evicted lose and duplicate nothing, live and after a crash', async () => {
    const dir = await onDisk();
    const s = store(dir, 6);
    await s.open();
    const ids = Array.from({ length: 12 }, (_, i) => `c${i}`);
    for (const id of ids) await s.createConversation(conversation(id));
    // 12 conversations × 15 messages, interleaved and all in flight at once, 6 held at most.
    for (let round = 1; round <= 15; round++) {
      await Promise.all(ids.map((id) => s.appendMessage(id, { author: 'visitor', text: `${id} m${round}`, clientId: `${id}-client-${round}` })));
    }
    for (const id of ids) await expectWhole(s, id, 15);
    await evicted(s, 6);
    await dies(s);

    const second = store(dir, 6);
    await second.open();
    for (const id of ids) await expectWhole(second, id, 15);
    expect((await second.appendMessage('c5', { author: 'visitor', text: 'again', clientId: 'c5-client-9' })).created).toBe(false);
    expect((await second.appendMessage('c5', { author: 'visitor', text: 'c5 m16' })).message.seq).toBe(16);
    await second.close();

    const third = store(dir, 6);
    await third.open();
    await expectWhole(third, 'c5', 16);
    await expectWhole(third, 'c11', 15);
  });

  it('a restart after eviction starts with the recent messages only, and reads the rest from the shards', async () => {
    const dir = await onDisk();
    const first = store(dir, 1000);
    await first.open();
    for (let i = 0; i < 8; i++) await fill(first, `c${i}`, 5);
    await first.close();

    const second = store(dir, 10);
    await second.open();
    // Their shards hold them all: they leave memory without a write.
    await evicted(second, 10);
    for (let i = 0; i < 8; i++) await expectWhole(second, `c${i}`, 5);
    await evicted(second, 10);
  });

  it('compaction writes a conversation whose messages are on disk whole (head from the shard, tail from memory)', async () => {
    const dir = await onDisk();
    const s = new LowdbChatStore({ dir, flushIntervalMs: 2, maxMessagesInMemory: 3, compactLogBytes: 1500 });
    cleanups.unshift(() => s.close().catch(() => {}));
    await s.open();
    await fill(s, 'c1', 6);
    await fill(s, 'c2', 6);
    await evicted(s, 3);
    for (let i = 7; i <= 30; i++) await s.appendMessage('c1', { author: 'visitor', text: `c1 m${i}`, clientId: `c1-client-${i}` });
    await s.compacted();
    await expectWhole(s, 'c1', 30);
    await dies(s);
    const second = store(dir);
    await second.open();
    await expectWhole(second, 'c1', 30);
    await expectWhole(second, 'c2', 6);
  });

  it('a shard deleted while its messages are out of memory: notes stand in for them, and compaction goes on', async () => {
    const dir = await onDisk();
    const warnings: string[] = [];
    const s = new LowdbChatStore({ dir, flushIntervalMs: 2, maxMessagesInMemory: 3, compactLogBytes: 1500, log: { warn: (_, msg) => void warnings.push(msg) } });
    cleanups.unshift(() => s.close().catch(() => {}));
    await s.open();
    await fill(s, 'c1', 5);
    await fill(s, 'c2', 5);
    await evicted(s, 3);
    await rm(join(dir, 'conversations', 'c1.json'));
    await s.appendMessage('c1', { author: 'visitor', text: 'c1 m6', clientId: 'c1-client-6' });
    const history = await s.listMessages('c1');
    expect(history.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(history.slice(0, 5).every((m) => m.internal && m.author === 'system')).toBe(true);
    expect(history[5]!.text).toBe('c1 m6');
    expect(warnings.some((w) => w.includes('c1.json'))).toBe(true);
    // Compactions still complete: the rotated logs go.
    for (let i = 6; i <= 30; i++) await s.appendMessage('c2', { author: 'visitor', text: `c2 m${i}`, clientId: `c2-client-${i}` });
    await s.compacted();
    await vi.waitFor(async () => expect((await readdir(dir)).filter((n) => /^wal\.\d+\.log$/.test(n))).toEqual([]), { timeout: 30_000, interval: 50 });
    await expectWhole(s, 'c2', 30);
  });
});
