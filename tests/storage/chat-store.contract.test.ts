// One contract, run against every ChatStore implementation.
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ChatStore } from '../../server/storage/chat-store.js';
import { LowdbChatStore } from '../../server/storage/lowdb-chat-store.js';
import type { ConversationRecord, FaqAdditionRecord, FaqVersionRecord } from '../../server/storage/records.js';
import { readLogsSync } from '../../server/storage/wal.js';
import { PgChatStore } from '../../server/storage/postgres/pg-chat-store.js';
import { postgresAvailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp-dir.js';
import { orderEvent, orderEventsContract } from './order-events-contract.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const implementations: Array<[string, () => Promise<ChatStore>]> = [
  ['lowdb in memory', async () => new LowdbChatStore({ dir: null })],
  [
    'lowdb on disk',
    async () => {
      const t = await tempDir();
      cleanups.push(t.remove);
      const store = new LowdbChatStore({ dir: t.dir, flushIntervalMs: 5 });
      cleanups.unshift(() => store.close()); // before the folder goes
      return store;
    },
  ],
];

// The same contract on PostgreSQL wherever it is installed (CI installs it).
let postgres: Promise<TestPostgres> | undefined;
afterAll(async () => {
  if (postgres) await (await postgres).stop();
});
if (postgresAvailable()) {
  implementations.push([
    'postgres',
    async () => {
      postgres ??= startPostgres();
      const store = new PgChatStore({ connectionString: await (await postgres).newDatabase() });
      cleanups.unshift(() => store.close());
      return store;
    },
  ]);
}

const conversation = (id: string, over: Partial<ConversationRecord> = {}): ConversationRecord => ({
  id,
  siteId: 'shop',
  visitorId: 'v1',
  status: 'bot',
  lang: 'fr',
  langConfidence: 1,
  createdAt: Date.now(),
  updatedAt: Date.now(),
  lastSeq: 0,
  visitorReadSeq: 0,
  visitorLanguages: ['fr'],
  ...over,
});

const faqAddition = (id: string, over: Partial<FaqAdditionRecord> = {}): FaqAdditionRecord => ({
  id,
  siteId: 'shop',
  kind: 'phrasing',
  status: 'active',
  lang: 'en',
  faqId: 'payment-methods',
  text: 'can i pay later',
  source: 'agent',
  at: 1,
  ...over,
});

describe.each(implementations)('ChatStore contract: %s', (_name, make) => {
  it('appends with monotonic seq and lists after a seq', async () => {
    const store = await make();
    await store.open();
    await store.createConversation(conversation('c1'));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.appendMessage('c1', { author: 'visitor', text: `m${i}`, clientId: `client-${i}` })),
    );
    expect(results.map((r) => r.message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const after = await store.listMessages('c1', 45);
    expect(after.map((m) => m.seq)).toEqual([46, 47, 48, 49, 50]);
    expect((await store.getConversation('c1'))!.lastSeq).toBe(50);
  });

  it('deduplicates by clientId and returns the original', async () => {
    const store = await make();
    await store.open();
    await store.createConversation(conversation('c1'));
    const first = await store.appendMessage('c1', { author: 'visitor', text: 'hello', clientId: 'same-client-id' });
    const again = await store.appendMessage('c1', { author: 'visitor', text: 'hello (resent)', clientId: 'same-client-id' });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.message.id).toBe(first.message.id);
    expect(again.message.text).toBe('hello');
    expect(await store.listMessages('c1')).toHaveLength(1);
  });

  it('hands back the conversation as a new message left it (none for a resend)', async () => {
    const store = await make();
    await store.open();
    await store.createConversation(conversation('c1'));
    await store.appendMessage('c1', { author: 'visitor', text: 'one', clientId: 'client-one' });
    const second = await store.appendMessage('c1', { author: 'visitor', text: 'two', clientId: 'client-two' });
    expect(second.conversation).toEqual(await store.getConversation('c1'));
    expect(second.conversation?.lastSeq).toBe(2);
    expect(second.conversation?.updatedAt).toBe(second.message.createdAt);
    expect((await store.appendMessage('c1', { author: 'visitor', text: 'two', clientId: 'client-two' })).conversation).toBeUndefined();
  });

  it('compare-and-set: only one of two concurrent claims wins', async () => {
    const store = await make();
    await store.open();
    await store.createConversation(conversation('c1', { status: 'queued' }));
    const [a, b] = await Promise.all([
      store.updateConversation('c1', { status: 'assigned', assignedAgentId: 'a' }, { status: 'queued' }),
      store.updateConversation('c1', { status: 'assigned', assignedAgentId: 'b' }, { status: 'queued' }),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect((await store.getConversation('c1'))!.assignedAgentId).toBe(a ? 'a' : 'b');
  });

  it('filters conversations by site, status, language and agent, oldest queued first', async () => {
    const store = await make();
    await store.open();
    await store.createConversation(conversation('late', { status: 'queued', queuedAt: 2000 }));
    await store.createConversation(conversation('early', { status: 'queued', queuedAt: 1000 }));
    await store.createConversation(conversation('es', { status: 'queued', lang: 'es', queuedAt: 500 }));
    await store.createConversation(conversation('other-site', { siteId: 'other', status: 'queued', queuedAt: 1 }));
    const queue = await store.listConversations({ siteId: 'shop', status: ['queued'], langs: ['fr'] });
    expect(queue.map((c) => c.id)).toEqual(['early', 'late']);
  });

  it('returns read-only records: changing one throws, the store is unchanged, an update makes a new record', async () => {
    const store = await make();
    await store.open();
    const input = conversation('c1', { visit: { pages: [{ url: 'https://shop.test/', title: 'Home', at: 1 }] } });
    await store.createConversation(input);
    // The caller's object is not the stored one: changing it later changes nothing.
    input.status = 'closed';
    const got = (await store.getConversation('c1'))!;
    expect(got.status).toBe('bot');
    expect(() => {
      got.status = 'closed';
    }).toThrow(TypeError);
    expect(() => got.visit!.pages.push({ url: 'x', title: 'x', at: 2 })).toThrow(TypeError);
    const updated = (await store.updateConversation('c1', { status: 'queued' }))!;
    expect(updated.status).toBe('queued');
    expect(got.status).toBe('bot');
    await store.createVisitor({ id: 'v1', siteId: 'shop', tokenHash: 'abc', languages: ['fr'], createdAt: 1 });
    const visitor = (await store.getVisitor('v1'))!;
    expect(() => visitor.languages.push('de')).toThrow(TypeError);
    const { message } = await store.appendMessage('c1', { author: 'visitor', text: 'hi', clientId: 'k1' });
    expect(() => {
      message.text = 'changed';
    }).toThrow(TypeError);
    expect((await store.listMessages('c1'))[0]!.text).toBe('hi');
  });

  it('finds visitors by token digest within their site only', async () => {
    const store = await make();
    await store.open();
    await store.createVisitor({ id: 'v1', siteId: 'shop', tokenHash: 'abc', languages: [], createdAt: 1 });
    expect((await store.findVisitorByToken('shop', 'abc'))?.id).toBe('v1');
    expect(await store.findVisitorByToken('other-shop', 'abc')).toBeUndefined();
  });

  it('keeps FAQ additions per site, oldest first, with who added them and when; patches one', async () => {
    const store = await make();
    await store.open();
    const by = { agentId: 'a1', name: 'Sam' };
    const first = faqAddition('f1', { addedBy: by });
    await store.addFaqAddition(first);
    await store.addFaqAddition(faqAddition('f2', { status: 'proposed', source: 'visitor', at: 2 }));
    await store.addFaqAddition(faqAddition('f3', { siteId: 'other' }));
    expect((await store.listFaqAdditions('shop')).map((r) => r.id)).toEqual(['f1', 'f2']);
    expect((await store.listFaqAdditions('shop'))[0]).toEqual(first);
    const admin = { agentId: 'a2', name: 'Alex' };
    const confirmed = await store.updateFaqAddition('shop', 'f2', { status: 'active', decidedBy: admin, decidedAt: 3 });
    expect(confirmed).toMatchObject({ id: 'f2', status: 'active', decidedBy: admin, decidedAt: 3, text: 'can i pay later' });
    expect((await store.listFaqAdditions('shop'))[1]).toEqual(confirmed);
    // Another site's addition is not found from this one.
    expect(await store.updateFaqAddition('shop', 'f3', { status: 'dismissed' })).toBeUndefined();
    expect(await store.updateFaqAddition('shop', 'nope', { status: 'dismissed' })).toBeUndefined();
    expect((await store.listFaqAdditions('other'))[0]!.status).toBe('active');
  });

  it("keeps FAQ entry versions per site, oldest first; a version an entry has already is refused", async () => {
    const store = await make();
    await store.open();
    const saved = faqVersion(1, { entry: { id: 'returns', question: 'Returns?', phrasings: [], keywords: [], answers: ['30 days'] } });
    expect(await store.addFaqVersion(saved)).toBe(true);
    // Two saves of the same version (two admins, or two servers): only the first is kept.
    expect(await store.addFaqVersion(faqVersion(1, { at: 5 }))).toBe(false);
    // The same number for another entry, language or site is another version.
    expect(await store.addFaqVersion(faqVersion(1, { entryId: 'delivery' }))).toBe(true);
    expect(await store.addFaqVersion(faqVersion(1, { lang: 'en' }))).toBe(true);
    expect(await store.addFaqVersion(faqVersion(1, { siteId: 'other' }))).toBe(true);
    expect(await store.addFaqVersion(faqVersion(2, { entry: null, action: 'delete' }))).toBe(true);
    const list = await store.listFaqVersions('shop');
    expect(list.map((v) => [v.lang, v.entryId, v.version])).toEqual([
      ['fr', 'returns', 1],
      ['fr', 'delivery', 1],
      ['en', 'returns', 1],
      ['fr', 'returns', 2],
    ]);
    expect(list[0]).toEqual(saved);
    expect(list[3]).toMatchObject({ entry: null, action: 'delete', by: { name: 'Alex' } });
    expect((await store.listFaqVersions('other')).map((v) => v.siteId)).toEqual(['other']);
  });

  orderEventsContract(make, conversation);
});

describe('LowdbChatStore on disk', () => {
  it('makes its data folder on a fresh install, and writes there', async () => {
    const t = await tempDir();
    cleanups.push(t.remove);
    const dir = join(t.dir, 'fresh', 'data');
    const store = new LowdbChatStore({ dir, flushIntervalMs: 5 });
    await store.open();
    await store.createConversation(conversation('c1'));
    await store.appendMessage('c1', { author: 'visitor', text: 'bonjour', clientId: 'client-fresh' });
    await store.close();
    expect(await readdir(dir)).toContain('conversations');
  });

  it('shards: one file per conversation, and everything survives a reopen', async () => {
    const t = await tempDir();
    cleanups.push(t.remove);
    const store = new LowdbChatStore({ dir: t.dir, flushIntervalMs: 5 });
    await store.open();
    await store.createConversation(conversation('c1'));
    await store.createConversation(conversation('c2'));
    await store.appendMessage('c1', { author: 'visitor', text: 'bonjour', clientId: 'client-aaaa' });
    await store.appendMessage('c2', { author: 'visitor', text: 'hola', clientId: 'client-bbbb' });
    await store.createVisitor({ id: 'v1', siteId: 'shop', tokenHash: 'abc', languages: [], createdAt: 1 });
    await store.close();
    expect((await readdir(join(t.dir, 'conversations'))).sort()).toEqual(['c1.json', 'c2.json']);
    const c1 = JSON.parse(await readFile(join(t.dir, 'conversations', 'c1.json'), 'utf8'));
    expect(c1.messages.map((m: { text: string }) => m.text)).toEqual(['bonjour']);

    const reopened = new LowdbChatStore({ dir: t.dir });
    await reopened.open();
    expect((await reopened.listMessages('c2')).map((m) => m.text)).toEqual(['hola']);
    expect((await reopened.findVisitorByToken('shop', 'abc'))?.id).toBe('v1');
    // Dedup state is rebuilt from disk too.
    expect((await reopened.appendMessage('c1', { author: 'visitor', text: 'x', clientId: 'client-aaaa' })).created).toBe(false);
  });

  it('drops temp files a crash left behind mid-write, keeping the last complete version', async () => {
    const t = await tempDir();
    cleanups.push(t.remove);
    const first = new LowdbChatStore({ dir: t.dir, flushIntervalMs: 5 });
    await first.open();
    await first.createConversation(conversation('c1'));
    await first.appendMessage('c1', { author: 'visitor', text: 'kept', clientId: 'client-kept' });
    await first.close();
    await writeFile(join(t.dir, 'conversations', 'c1.json.dead.tmp'), '{"half":');
    const reopened = new LowdbChatStore({ dir: t.dir });
    await reopened.open();
    expect((await reopened.listMessages('c1')).map((m) => m.text)).toEqual(['kept']);
    expect((await readdir(join(t.dir, 'conversations'))).sort()).toEqual(['c1.json']);
  });

  it('coalesces: a burst of appends resolves only after being written, in few writes', async () => {
    const t = await tempDir();
    cleanups.push(t.remove);
    const store = new LowdbChatStore({ dir: t.dir, flushIntervalMs: 20 });
    await store.open();
    await store.createConversation(conversation('c1'));
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.appendMessage('c1', { author: 'visitor', text: `m${i}` })));
    // Every append has resolved, so every message must already be in the log, in few batches.
    const batches = readLogsSync(t.dir);
    expect(batches.flat().filter((r) => r.k === 'msg')).toHaveLength(200);
    expect(batches.length).toBeLessThan(20);
    await store.close();
  });

  it('FAQ additions survive a reopen', async () => {
    const t = await tempDir();
    cleanups.push(t.remove);
    const store = new LowdbChatStore({ dir: t.dir, flushIntervalMs: 5 });
    await store.open();
    await store.addFaqAddition(faqAddition('f1'));
    await store.updateFaqAddition('shop', 'f1', { status: 'dismissed', decidedAt: 9 });
    await store.close();
    const reopened = new LowdbChatStore({ dir: t.dir });
    await reopened.open();
    expect(await reopened.listFaqAdditions('shop')).toEqual([{ ...faqAddition('f1'), status: 'dismissed', decidedAt: 9 }]);
    await reopened.close();
  });
});

describe('LowdbChatStore FAQ versions', () => {
  it('survive a reopen', async () => {
    const t = await tempDir();
    cleanups.push(t.remove);
    const store = new LowdbChatStore({ dir: t.dir, flushIntervalMs: 5 });
    await store.open();
    await store.addFaqVersion(faqVersion(1));
    await store.close();
    const reopened = new LowdbChatStore({ dir: t.dir });
    await reopened.open();
    expect(await reopened.listFaqVersions('shop')).toEqual([faqVersion(1)]);
    expect(await reopened.addFaqVersion(faqVersion(1))).toBe(false);
    await reopened.close();
  });
});

const faqVersion = (version: number, over: Partial<FaqVersionRecord> = {}): FaqVersionRecord => ({
  siteId: 'shop',
  lang: 'fr',
  entryId: 'returns',
  version,
  entry: { id: 'returns', question: 'Retours ?', phrasings: ['renvoyer'], keywords: [], answers: ['Sous 30 jours.'] },
  action: 'save',
  by: { agentId: 'a2', name: 'Alex' },
  at: version,
  ...over,
});

describe('LowdbChatStore write-ahead log', () => {
  /** The process dies: its log file is closed by the kernel, nothing else happens. */
  const dies = (store: LowdbChatStore) => (store as unknown as { wal: { close(): Promise<void> } }).wal.close();
  const onDisk = async () => {
    const t = await tempDir();
    cleanups.push(t.remove);
    return t.dir;
  };

  it('a crash (no close) loses nothing acknowledged: a second store replays the log', async () => {
    const dir = await onDisk();
    const first = new LowdbChatStore({ dir, flushIntervalMs: 2 });
    await first.open();
    await first.createVisitor({ id: 'v1', siteId: 'shop', tokenHash: 'abc', languages: [], createdAt: 1 });
    await first.createConversation(conversation('c1'));
    await first.updateVisitor('v1', { currentConversationId: 'c1' });
    await Promise.all(Array.from({ length: 30 }, (_, i) => first.appendMessage('c1', { author: 'visitor', text: `m${i}`, clientId: `client-${i}` })));
    await first.updateConversation('c1', { status: 'queued' });
    await first.putSite({ id: 'shop', name: 'Shop', languages: ['fr'], defaultLanguage: 'fr', allowedOrigins: [], faqDir: 'x', createdAt: 1 });
    // No close(): the process "dies" here; nothing was compacted into the shards.
    expect(await readdir(join(dir, 'conversations')).catch(() => [])).toEqual([]);
    await dies(first);

    const second = new LowdbChatStore({ dir });
    await second.open();
    expect((await second.listMessages('c1')).map((m) => m.text)).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`));
    const c1 = (await second.getConversation('c1'))!;
    expect([c1.status, c1.lastSeq]).toEqual(['queued', 30]);
    expect((await second.findVisitorByToken('shop', 'abc'))?.currentConversationId).toBe('c1');
    expect((await second.getSite('shop'))?.name).toBe('Shop');
    expect((await second.appendMessage('c1', { author: 'visitor', text: 'again', clientId: 'client-3' })).created).toBe(false);
    expect((await second.appendMessage('c1', { author: 'visitor', text: 'next' })).message.seq).toBe(31);
    // open() compacted (in the background): the shards hold everything and the old log is gone.
    await second.compacted();
    expect((await readdir(dir)).filter((n) => n.startsWith('wal'))).toEqual(['wal.log']);
    await second.close();
    expect((await readdir(dir)).filter((n) => n.startsWith('wal'))).toEqual([]);
    const file = JSON.parse(await readFile(join(dir, 'conversations', 'c1.json'), 'utf8'));
    expect(file.messages).toHaveLength(31);
  });

  it('ignores a torn last batch (kill -9 mid-append) and keeps the complete ones', async () => {
    const dir = await onDisk();
    const first = new LowdbChatStore({ dir });
    await first.open();
    await first.createConversation(conversation('c1'));
    await first.appendMessage('c1', { author: 'visitor', text: 'kept' });
    const msg = { k: 'msg', v: { id: 'x', conversationId: 'c1', seq: 2, createdAt: 1, author: 'visitor', text: 'torn' } };
    await dies(first);
    await appendFile(join(dir, 'wal.log'), `${JSON.stringify(msg)}\n{"k":"end","n":1`);
    const second = new LowdbChatStore({ dir });
    await second.open();
    expect((await second.listMessages('c1')).map((m) => m.text)).toEqual(['kept']);
    expect((await second.getConversation('c1'))!.lastSeq).toBe(1);
    await second.close();
  });

  it('compaction rotates the log in the background and loses nothing; replay never duplicates', async () => {
    const dir = await onDisk();
    const store = new LowdbChatStore({ dir, flushIntervalMs: 1, compactLogBytes: 2000 });
    await store.open();
    await store.createConversation(conversation('c1'));
    for (let i = 0; i < 60; i++) await store.appendMessage('c1', { author: 'visitor', text: `message number ${i}`, clientId: `client-${i}` });
    await new Promise((r) => setTimeout(r, 50)); // let the last background compaction end
    const conversationFile = JSON.parse(await readFile(join(dir, 'conversations', 'c1.json'), 'utf8'));
    expect(conversationFile.messages.length).toBeGreaterThan(30); // compacted into the shard meanwhile
    expect((await readdir(dir)).filter((n) => /^wal\.\d+\.log$/.test(n))).toEqual([]); // rotated logs dropped
    // Crash now: the shard and the log overlap (the shard was written after some logged batches).
    await dies(store);
    const second = new LowdbChatStore({ dir });
    await second.open();
    const messages = await second.listMessages('c1');
    expect(messages.map((m) => m.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(messages.map((m) => m.text)).toEqual(Array.from({ length: 60 }, (_, i) => `message number ${i}`));
    await second.close();
  });

  it('order events and their sent and shown marks survive a crash and a reopen', async () => {
    const dir = await onDisk();
    const first = new LowdbChatStore({ dir, flushIntervalMs: 2 });
    await first.open();
    await first.addOrderEvent(orderEvent('e1'));
    await first.addOrderEvent(orderEvent('e2', { orderNumber: '7' }));
    await first.updateOrderEvent('shop', 'e1', { sentAt: 5, shownAt: 6 });
    await dies(first);
    const second = new LowdbChatStore({ dir });
    await second.open();
    const who = { id: 'x', email: 'claire@example.com' };
    expect((await second.listOrderEvents('shop', who)).map((e) => [e.eventId, e.shownAt])).toEqual([['e1', 6], ['e2', undefined]]);
    await second.close();
    const third = new LowdbChatStore({ dir });
    await third.open();
    expect(await third.listOrderEvents('shop', who)).toHaveLength(2);
    expect((await third.addOrderEvent(orderEvent('e2'))).created).toBe(false);
    await third.close();
  });

  it('replaying a log the shards already hold changes nothing', async () => {
    const dir = await onDisk();
    const first = new LowdbChatStore({ dir });
    await first.open();
    await first.createConversation(conversation('c1'));
    await first.appendMessage('c1', { author: 'visitor', text: 'one', clientId: 'client-one' });
    await first.appendMessage('c1', { author: 'visitor', text: 'two', clientId: 'client-two' });
    const log = await readFile(join(dir, 'wal.log'), 'utf8');
    await first.close(); // shards written, log gone
    await writeFile(join(dir, 'wal.log'), log); // as if the crash came between shard write and log removal
    const second = new LowdbChatStore({ dir });
    await second.open();
    expect((await second.listMessages('c1')).map((m) => [m.seq, m.text])).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
    await second.close();
  });

  it("'background' writes resolve at once and are made durable by the next awaited one", async () => {
    const dir = await onDisk();
    const first = new LowdbChatStore({ dir, flushIntervalMs: 50 });
    await first.open();
    await first.createConversation(conversation('c1'));
    const t0 = Date.now();
    const updated = await first.updateConversation('c1', { lastPage: { url: 'https://shop.example/a' } } as Partial<ConversationRecord>, undefined, { persist: 'background' });
    expect(Date.now() - t0).toBeLessThan(40);
    expect(updated?.lastPage).toEqual({ url: 'https://shop.example/a' });
    await first.appendMessage('c1', { author: 'visitor', text: 'hi' });
    await dies(first);
    const second = new LowdbChatStore({ dir });
    await second.open();
    expect((await second.getConversation('c1'))?.lastPage).toEqual({ url: 'https://shop.example/a' });
    await second.close();
  });
});
