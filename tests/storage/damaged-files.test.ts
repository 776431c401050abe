// A damaged shard or log batch found at start: set aside (never deleted), reported with where it
// broke and what it held, and everything else loads.
import { appendFile, mkdir, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbChatStore } from '../../server/storage/lowdb-chat-store.js';
import type { ConversationRecord } from '../../server/storage/records.js';
import { encodeBatch, readLogsSync } from '../../server/storage/wal.js';
import { scanLogText } from '../../server/storage/wal-reader.js';
import { tempDir } from '../helpers/temp-dir.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

interface Warning {
  details: Record<string, unknown>;
  msg: string;
}

async function dataDir(): Promise<string> {
  const t = await tempDir();
  cleanups.push(t.remove);
  return t.dir;
}

/** A store on `dir` whose warnings are kept; closed after the test (before its folder goes). */
function store(dir: string, warnings: Warning[] = []): LowdbChatStore {
  const s = new LowdbChatStore({ dir, flushIntervalMs: 1, log: { warn: (details, msg) => warnings.push({ details, msg }) } });
  cleanups.unshift(() => s.close());
  return s;
}

/** The process dies: its log file is closed by the kernel, nothing else happens. */
const dies = (s: LowdbChatStore) => (s as unknown as { wal: { close(): Promise<void> } }).wal.close();

const conversation = (id: string, visitorId = 'v1'): ConversationRecord => ({
  id,
  siteId: 'shop',
  visitorId,
  status: 'bot',
  lang: 'en',
  langConfidence: 1,
  createdAt: 1,
  updatedAt: 1,
  lastSeq: 0,
  visitorReadSeq: 0,
  visitorLanguages: ['en'],
});

/** Two conversations with two messages each, written to their shards by a clean close. */
async function twoConversations(dir: string): Promise<void> {
  const s = new LowdbChatStore({ dir, flushIntervalMs: 1 });
  await s.open();
  await s.createVisitor({ id: 'v1', siteId: 'shop', tokenHash: 'h1', languages: ['en'], createdAt: 1 });
  for (const id of ['c1', 'c2']) {
    await s.createConversation(conversation(id));
    await s.appendMessage(id, { author: 'visitor', text: `${id} first` });
    await s.appendMessage(id, { author: 'visitor', text: `${id} second` });
  }
  await s.close();
}

const names = async (dir: string) => (await readdir(dir)).sort();

describe('damaged shards at start', () => {
  it('a truncated conversation shard is set aside and reported; the rest loads', async () => {
    const dir = await dataDir();
    await twoConversations(dir);
    const file = join(dir, 'conversations', 'c1.json');
    const size = (await readFile(file)).length;
    await truncate(file, Math.floor(size / 2));
    const warnings: Warning[] = [];
    const s = store(dir, warnings);
    await s.open();
    expect(await s.getConversation('c1')).toBeUndefined();
    expect((await s.listMessages('c2')).map((m) => m.text)).toEqual(['c2 first', 'c2 second']);
    expect(await names(join(dir, 'conversations'))).toEqual(['c1.json.corrupt', 'c2.json']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.details).toMatchObject({ file, movedTo: `${file}.corrupt`, bytes: Math.floor(size / 2), lostConversation: 'c1', visitor: 'v1' });
    expect(warnings[0]!.details.offset).toBe(Math.floor(size / 2));
    expect(warnings[0]!.msg).toMatch(/conversations\/c1\.json is damaged/);
    // Writing goes on, and the next start finds no damage (the set-aside file is left alone).
    await s.appendMessage('c2', { author: 'visitor', text: 'c2 third' });
    await s.close();
    const again: Warning[] = [];
    const next = store(dir, again);
    await next.open();
    expect((await next.listMessages('c2')).map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(again).toEqual([]);
  });

  it('garbage and wrong-shaped shards are set aside too, a second one under a timestamped name', async () => {
    const dir = await dataDir();
    await twoConversations(dir);
    const file = join(dir, 'conversations', 'c1.json');
    await writeFile(file, 'garbage, not JSON');
    const warnings: Warning[] = [];
    const first = store(dir, warnings);
    await first.open();
    await first.close();
    await writeFile(file, JSON.stringify({ hello: 'world' }));
    await writeFile(join(dir, 'visitors', 'b76.json'), JSON.stringify({ visitors: [{ nope: true }] }));
    const second = store(dir, warnings);
    await second.open();
    expect(await second.getConversation('c1')).toBeUndefined();
    expect(await second.getVisitor('v1')).toBeUndefined();
    expect((await second.listMessages('c2')).map((m) => m.text)).toEqual(['c2 first', 'c2 second']);
    const aside = (await names(join(dir, 'conversations'))).filter((n) => n.startsWith('c1.json'));
    expect(aside).toHaveLength(2);
    expect(aside[0]).toMatch(/^c1\.json\.\d{4}-\d\d-\d\dT[\d-]+Z\.corrupt$/);
    expect(aside[1]).toBe('c1.json.corrupt');
    expect(await names(join(dir, 'visitors'))).toEqual(['b76.json.corrupt']);
    expect(warnings.map((w) => w.details.reason)).toEqual([
      expect.stringMatching(/^not valid JSON/),
      expect.stringMatching(/^not a shard: visitor 0 has no id/),
      'not a shard: no conversation record',
    ]);
  });

  it('a damaged core.json is set aside; the log restores what it holds', async () => {
    const dir = await dataDir();
    const s = new LowdbChatStore({ dir, flushIntervalMs: 1 });
    await s.open();
    await s.putSite({ id: 'shop', name: 'Shop', languages: ['en'], defaultLanguage: 'en', allowedOrigins: [], faqDir: 'x', createdAt: 1 });
    await s.close();
    const log = encodeBatch([JSON.stringify({ k: 'core', v: { sites: [{ id: 'shop', name: 'Shop again' }], agents: [], sessions: [] } })]);
    await writeFile(join(dir, 'core.json'), '{"sites":[{"id":"sh');
    await writeFile(join(dir, 'wal.log'), log);
    const warnings: Warning[] = [];
    const next = store(dir, warnings);
    await next.open();
    expect((await next.getSite('shop'))?.name).toBe('Shop again');
    expect(warnings.map((w) => w.details.file)).toEqual([join(dir, 'core.json')]);
  });
});

describe('damaged write-ahead log at start', () => {
  /** c1 with messages m1…m4, each in a batch of its own, left in the log by a crash. */
  async function crashedLog(dir: string): Promise<string> {
    const s = new LowdbChatStore({ dir, flushIntervalMs: 1 });
    await s.open();
    await s.createConversation(conversation('c1'));
    await s.createConversation(conversation('c2', 'v2'));
    for (let i = 1; i <= 4; i++) await s.appendMessage('c1', { author: 'visitor', text: `m${i} of c1` });
    await s.appendMessage('c2', { author: 'visitor', text: 'c2 keeps its message' });
    await dies(s);
    return readFile(join(dir, 'wal.log'), 'utf8');
  }

  it('every batch ends with a CRC-32 that a flipped byte does not match', async () => {
    const dir = await dataDir();
    const text = await crashedLog(dir);
    expect(text.split('\n').filter((l) => l.startsWith('{"k":"end"')).every((l) => /^\{"k":"end","n":\d+,"crc":\d+\}$/.test(l))).toBe(true);
    const flipped = text.replace('m2 of c1', 'm2 of c!');
    const scan = scanLogText(flipped);
    expect(scan.lost).toHaveLength(1);
    expect(scan.lost[0]).toMatchObject({ offset: text.indexOf('{"k":"msg"', text.indexOf('m1 of c1')), messages: ['c1#2'], records: 1, unreadable: 0 });
    expect(scan.batches).toHaveLength(scanLogText(text).batches.length - 1);
  });

  it('a flipped byte in a batch: that batch is skipped and reported, the log is kept aside, the rest is restored', async () => {
    const dir = await dataDir();
    const text = await crashedLog(dir);
    const at = text.indexOf('m3 of c1');
    await writeFile(join(dir, 'wal.log'), text.slice(0, at) + 'X' + text.slice(at + 1));
    const warnings: Warning[] = [];
    const s = store(dir, warnings);
    await s.open();
    // m1, m2 restored; m3 lost, marked by an agents-only note; m4 after it restored.
    const history = await s.listMessages('c1');
    expect(history.map((m) => [m.seq, m.author, m.text])).toEqual([
      [1, 'visitor', 'm1 of c1'],
      [2, 'visitor', 'm2 of c1'],
      [3, 'system', 'A message was lost here (its stored copy was damaged).'],
      [4, 'visitor', 'm4 of c1'],
    ]);
    expect(history[2]!.internal).toBe(true);
    expect((await s.getConversation('c1'))!.lastSeq).toBe(4);
    expect((await s.listMessages('c2')).map((m) => m.text)).toEqual(['c2 keeps its message']);
    const lost = warnings.find((w) => /damaged batch/.test(w.msg))!;
    expect(lost.details).toMatchObject({ file: 'wal.log', messages: ['c1#3'], recordsLost: 1, lines: 2 });
    expect(lost.details.offset).toBe(text.lastIndexOf('\n', at) + 1);
    expect(warnings.find((w) => w.details.conversation === 'c1')!.details.lostSeqs).toEqual([3]);
    await s.compacted();
    // The log that held it is kept for a human, renamed aside; the shards hold the rest.
    expect((await names(dir)).filter((n) => n.startsWith('wal'))).toEqual(['wal.1.log.corrupt']);
    expect(await readFile(join(dir, 'wal.1.log.corrupt'), 'utf8')).toContain('X3 of c1');
    expect(JSON.parse(await readFile(join(dir, 'conversations', 'c2.json'), 'utf8')).messages).toHaveLength(1);
    // Writing goes on after it.
    expect((await s.appendMessage('c1', { author: 'visitor', text: 'next' })).message.seq).toBe(5);
  });

  it('a damaged end line loses only its batch; the batches after it still count', async () => {
    const dir = await dataDir();
    const text = await crashedLog(dir);
    const m2 = text.indexOf('m2 of c1');
    const end = text.indexOf('{"k":"end"', m2);
    await writeFile(join(dir, 'wal.log'), text.slice(0, end + 5) + '#' + text.slice(end + 6));
    const warnings: Warning[] = [];
    const s = store(dir, warnings);
    await s.open();
    expect((await s.listMessages('c1')).map((m) => m.author)).toEqual(['visitor', 'system', 'visitor', 'visitor']);
    expect((await s.listMessages('c2')).map((m) => m.text)).toEqual(['c2 keeps its message']);
    expect(warnings.find((w) => /damaged batch/.test(w.msg))!.details).toMatchObject({ messages: ['c1#2'], unreadableLines: 1 });
  });

  it('a torn tail (crash mid-append) is normal: ignored without a warning, and the log is dropped after compaction', async () => {
    const dir = await dataDir();
    const text = await crashedLog(dir);
    const torn = encodeBatch([JSON.stringify({ k: 'msg', v: { id: 'x', conversationId: 'c2', seq: 2, createdAt: 1, author: 'visitor', text: 'never acked' } })]);
    await appendFile(join(dir, 'wal.log'), torn.subarray(0, torn.length - 9));
    const warnings: Warning[] = [];
    const s = store(dir, warnings);
    await s.open();
    expect((await s.listMessages('c1')).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect((await s.listMessages('c2')).map((m) => m.text)).toEqual(['c2 keeps its message']);
    expect(warnings).toEqual([]);
    await s.compacted();
    expect((await names(dir)).filter((n) => n.startsWith('wal'))).toEqual([]);
    expect(scanLogText(text + torn.subarray(0, 20).toString()).tornBytes).toBe(20);
  });

  it('a complete last batch whose end line is damaged is reported, not taken for a torn tail', async () => {
    const text = encodeBatch([JSON.stringify({ k: 'conv', v: conversation('c1') })]).toString();
    const scan = scanLogText(text.replace('"crc"', '"crx"'));
    expect(scan.batches).toEqual([]);
    expect(scan.lost).toHaveLength(1);
    expect(scan.lost[0]!.conversations).toEqual(['c1']);
    expect(scan.tornBytes).toBe(0);
  });

  it('an old log (end lines without a checksum) still replays', async () => {
    const dir = await dataDir();
    const lines = [
      { k: 'conv', v: conversation('c1') },
      { k: 'msg', v: { id: 'm1', conversationId: 'c1', seq: 1, createdAt: 2, author: 'visitor', text: 'from an old log' } },
    ].map((r) => JSON.stringify(r));
    await writeFile(join(dir, 'wal.3.log'), `${lines.join('\n')}\n{"k":"end","n":2}\n`);
    const warnings: Warning[] = [];
    const s = store(dir, warnings);
    await s.open();
    expect((await s.listMessages('c1')).map((m) => m.text)).toEqual(['from an old log']);
    expect(warnings).toEqual([]);
    expect(readLogsSync(dir).flat()).toHaveLength(2);
  });

  it('a conversation whose shard is damaged comes back from the log when the log holds it', async () => {
    const dir = await dataDir();
    await crashedLog(dir);
    await mkdir(join(dir, 'conversations'), { recursive: true });
    await writeFile(join(dir, 'conversations', 'c1.json'), '{"conversation":');
    const warnings: Warning[] = [];
    const s = store(dir, warnings);
    await s.open();
    expect((await s.listMessages('c1')).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(warnings.map((w) => w.details.lostConversation)).toEqual(['c1']);
  });
});

describe('a shard deleted while the server runs', () => {
  it('is written again from memory by the next compaction (nothing acknowledged is lost)', async () => {
    const dir = await dataDir();
    await twoConversations(dir);
    const s = store(dir);
    await s.open();
    await rm(join(dir, 'conversations'), { recursive: true });
    await rm(join(dir, 'visitors', 'b76.json'));
    expect((await s.listMessages('c1')).map((m) => m.seq)).toEqual([1, 2]);
    await s.appendMessage('c2', { author: 'visitor', text: 'c2 third' });
    await s.close();
    const next = store(dir);
    await next.open();
    expect((await next.listMessages('c1')).map((m) => m.text)).toEqual(['c1 first', 'c1 second']);
    expect((await next.listMessages('c2')).map((m) => m.seq)).toEqual([1, 2, 3]);
    expect((await next.getVisitor('v1'))?.tokenHash).toBe('h1');
  });
});
