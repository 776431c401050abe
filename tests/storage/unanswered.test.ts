// The unanswered-question list in the store: newest first, per site, capped, and
// still there after a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbChatStore } from '../../server/storage/lowdb-chat-store.js';
import type { UnansweredRecord } from '../../server/storage/records.js';
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
