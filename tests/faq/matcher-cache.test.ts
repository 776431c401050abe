// The matcher's cache (faq/matcher.ts) must save time without changing a single answer: every
// regression question, with greetings, case and order numbers varied, gets exactly what an
// uncached matcher gives, however often it is asked and in whatever order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFaqMatcher } from '../../faq/matcher.js';
import { loadFaqDir } from '../../faq/loader.js';
import type { FaqCatalog } from '../../faq/types.js';

const HERE = import.meta.dirname;
const DEMO = join(HERE, '..', '..', 'faq', 'data', 'demo');

let catalog: FaqCatalog;
beforeAll(async () => {
  catalog = await loadFaqDir(DEMO);
});

const variants = (text: string, i: number) => [text, `Hi, ${text}`, text.toUpperCase(), `${text} (order 4${String(1000 + i)})`, `${text} order 4${String(2000 + i)}`];

describe('matcher cache', () => {
  it.each(['fr', 'es', 'de'])('gives what the uncached matcher gives (%s regression set, with variants, twice)', (lang) => {
    const queries: { text: string }[] = JSON.parse(readFileSync(join(HERE, 'regression', `${lang}.json`), 'utf8')).queries;
    const texts = queries.flatMap((q, i) => variants(q.text, i));
    const plain = createFaqMatcher(catalog, { cacheSize: 0 });
    // Small enough that entries are evicted and asked again during the run.
    const cached = createFaqMatcher(catalog, { cacheSize: 50 });
    const expected = texts.map((t) => plain.match(t, lang));
    for (const round of [0, 1]) {
      const order = round === 0 ? texts.map((_, i) => i) : texts.map((_, i) => texts.length - 1 - i);
      for (const i of order) expect(cached.match(texts[i]!, lang), texts[i]).toEqual(expected[i]);
    }
    // Two matchers over four languages each, and ~1,000 queries: generous on a shared machine.
  }, 120_000);

  it('serves a repeated or equivalent question from the cache, as shared read-only candidates', () => {
    const cached = createFaqMatcher(catalog);
    const first = cached.match('Where is my order 48213?', 'en');
    expect(first.length).toBeGreaterThan(0);
    // Another order number analyses the same: the same candidate objects come back.
    const second = cached.match('where is my order 51234 ?', 'en');
    expect(second[0]).toBe(first[0]);
    expect(Object.isFrozen(second[0]!.scores)).toBe(true);
    // The returned list is the caller's own: changing it does not change the cache.
    second.length = 0;
    expect(cached.match('Where is my order 48213?', 'en').length).toBe(first.length);
    // Without the cache, new objects every time.
    const plain = createFaqMatcher(catalog, { cacheSize: 0 });
    expect(plain.match('Where is my order 48213?', 'en')[0]).not.toBe(plain.match('Where is my order 48213?', 'en')[0]);
  });
});
