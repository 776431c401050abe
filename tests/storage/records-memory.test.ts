// How stored records are built (freeze.ts, intern.ts): frozen copies with the same content,
// sharing what was shared before, and messages whose repeated strings come from one pool.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/types.js';
import { freezeDeep } from '../../server/storage/freeze.js';
import { StringPool } from '../../server/storage/intern.js';

describe('freezeDeep', () => {
  it('returns a deeply frozen record equal to its input, keeping parts already frozen', () => {
    const shared = Object.freeze({ url: 'https://shop.example/', title: 'Shop' });
    const input = { id: 'c1', status: 'bot', lastPage: shared, visit: { pages: [{ url: 'u', title: 't', at: 1 }] }, tags: ['a'] };
    const out = freezeDeep({ ...input, updatedAt: 2 });
    expect(out).toEqual({ ...input, updatedAt: 2 });
    expect(Object.isFrozen(out) && Object.isFrozen(out.visit) && Object.isFrozen(out.visit.pages[0]) && Object.isFrozen(out.tags)).toBe(true);
    expect(out.lastPage).toBe(shared);
    expect(freezeDeep(out)).toBe(out);
    expect(() => {
      (out as { status: string }).status = 'closed';
    }).toThrow(TypeError);
  });

  it('keeps key order (the log and the shards are written from these records)', () => {
    expect(Object.keys(freezeDeep({ b: 1, a: 2, c: { z: 1, y: 2 } }))).toEqual(['b', 'a', 'c']);
  });
});

describe('StringPool, applied while freezing', () => {
  const bot: Message = {
    id: 'm2', conversationId: 'c9', seq: 2, author: 'bot', text: 'Delivery takes 2–4 days.', createdAt: 1, lang: 'en',
    links: [{ label: 'Track', url: 'https://track.example/' }],
    quickReplies: [{ label: 'Yes', text: 'Yes' }],
    bot: { outcome: 'answer', via: 'keyword', faqId: 'delivery-times', confidence: 0.9, lang: 'en', langConfidence: 1, scores: { keyword: 1 }, candidates: [{ faqId: 'delivery-times', confidence: 0.9 }] },
  };
  const visitor: Message = { id: 'm1', conversationId: 'c9', seq: 1, author: 'visitor', text: 'how long??', clientId: 'client-1', createdAt: 0, page: { url: 'https://shop.example/', title: 'Shop' } };

  it('gives back the same message', () => {
    const pool = new StringPool();
    expect(freezeDeep(bot, pool.share)).toEqual(bot);
    expect(freezeDeep(visitor, pool.share)).toEqual(visitor);
    // The input is left as it was (it may be frozen, or shared).
    expect(Object.isFrozen(bot)).toBe(false);
  });

  it('leaves fields a message lacks absent', () => {
    const out = freezeDeep(visitor, new StringPool().share);
    expect(Object.keys(out).sort()).toEqual(Object.keys(visitor).sort());
  });

  it('pools repeated strings but not ids or what people wrote', () => {
    const pool = new StringPool();
    freezeDeep(visitor, pool.share);
    // author, page url and title; not id, clientId, conversationId or the visitor's text.
    expect(pool.size).toBe(3);
    freezeDeep({ ...visitor, id: 'm3', clientId: 'client-3', text: 'other words' }, pool.share);
    expect(pool.size).toBe(3);
    freezeDeep(bot, pool.share);
    // The bot's text is pooled, as are its FAQ ids, links, languages and outcome words.
    expect(pool.size).toBeGreaterThan(10);
  });
});
