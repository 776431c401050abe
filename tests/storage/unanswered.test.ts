// The unanswered-question list in the store: newest first, per site, capped, and
// still there after a restart.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbChatStore } from '../../server/storage/lowdb-chat-store.js';
import type { UnansweredRecord } from '../../server/storage/records.js';
import { readLogsSync } from '../../server/storage/wal.js';
import { tempDir } from '../helpers/temp-dir.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const record = (i: number, siteId = 'shop'): UnansweredRecord => ({
  id: `u${i}`,
  siteId,
  text: `question ${i}`,
  lang: 'en',
  at: 1000 + i,
  conversationId: `c${i}`,
  reason: i % 2 ? 'unhelpful' : 'stepped-aside',
  ...(i % 2 ? { best: { faqId: 'faq', confidence: 0.7 } } : {}),
});

describe('ChatStore: unanswered questions', () => {
  it('lists a site\'s questions newest first, never another site\'s, and keeps at most 500', async () => {
    const store = new LowdbChatStore({ dir: null });
    await store.open();
    for (let i = 0; i < 505; i++) await store.addUnanswered(record(i));
    await store.addUnanswered(record(999, 'other'));
    const list = await store.listUnanswered('shop', 1000);
    expect(list).toHaveLength(500);
    expect(list[0]).toEqual(record(504));
    expect(list.at(-1)!.id).toBe('u5');
    expect(await store.listUnanswered('shop', 2)).toEqual([record(504), record(503)]);
    expect((await store.listUnanswered('other')).map((r) => r.id)).toEqual(['u999']);
  });

  it('survives a restart', async () => {
    const t = await tempDir();
    cleanups.push(t.remove);
    const first = new LowdbChatStore({ dir: t.dir, flushIntervalMs: 5 });
    await first.open();
    await first.addUnanswered(record(1));
    await first.close();
    const second = new LowdbChatStore({ dir: t.dir });
    await second.open();
    expect(await second.listUnanswered('shop')).toEqual([record(1)]);
    await second.close();
  });
});

describe('unanswered questions in the write-ahead log', () => {
  it('each question is one small log record, not the whole core record, and is replayed after a crash', async () => {
    const t = await tempDir();
    cleanups.push(t.remove);
    const store = new LowdbChatStore({ dir: t.dir, flushIntervalMs: 2 });
    await store.open();
    await store.compacted();
    // A core record holding 300 questions: what each new question used to rewrite into the log.
    for (let i = 0; i < 300; i++) await store.addUnanswered(record(i));
    const before = statSync(join(t.dir, 'wal.log')).size;
    await store.addUnanswered(record(300));
    const added = statSync(join(t.dir, 'wal.log')).size - before;
    expect(added).toBeLessThan(1000);
    const kinds = readLogsSync(t.dir).flat().map((r) => r.k);
    expect(kinds).not.toContain('core');
    expect(kinds.filter((k) => k === 'unanswered')).toHaveLength(301);
    // No close: as after kill -9, only the log has them.
    const reopened = new LowdbChatStore({ dir: t.dir });
    await reopened.open();
    const list = await reopened.listUnanswered('shop', 1000);
    expect(list).toHaveLength(301);
    expect(new Set(list.map((r) => r.id)).size).toBe(301);
    await reopened.close();
  });
});
