import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMemo, releaseBuildMemos } from '../../faq/build-memo.js';
import { fullCollection } from '../../server/bot/full-collection.js';

describe('buildMemo', () => {
  afterEach(() => vi.useRealTimers());

  it('computes once per key while the key is in use, then lets the value go', () => {
    vi.useFakeTimers();
    let computed = 0;
    const memo = buildMemo((_key: object) => ({ n: ++computed }), 1_000);
    const a = {};
    const b = {};
    expect(memo(a)).toBe(memo(a));
    expect(memo(b).n).toBe(2);
    // Each use keeps it another second.
    vi.advanceTimersByTime(900);
    memo(a);
    vi.advanceTimersByTime(900);
    expect(memo(a).n).toBe(1);
    // A second without use: computed again.
    vi.advanceTimersByTime(1_001);
    expect(memo(a).n).toBe(3);
    expect(computed).toBe(3);
  });

  it('lets every value go at once when released, although their timers had not run', async () => {
    const memo = buildMemo((_key: object) => ({ big: new Array(100_000).fill(1) }), 60_000);
    const key = {};
    let ref: WeakRef<object> | undefined = new WeakRef(memo(key));
    expect(ref.deref()).toBeDefined();
    releaseBuildMemos();
    // Out of this tick: nothing on the stack may still point at it.
    await new Promise((r) => setTimeout(r, 0));
    expect(fullCollection()).toBe(true);
    expect(ref.deref()).toBeUndefined();
    ref = undefined;
    // The key still in use gets a fresh value.
    expect(memo(key).big).toHaveLength(100_000);
    releaseBuildMemos();
  });
});
