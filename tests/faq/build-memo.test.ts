import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMemo } from '../../faq/build-memo.js';

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
});
