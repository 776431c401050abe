// When something happened, as the console prints it: the time once, the day only when not today.
import { describe, expect, it } from 'vitest';
import { formatClock, formatDay, formatStamp } from '../../agent-console/src/lib/format.js';

describe('formatStamp', () => {
  const now = new Date(2026, 11, 6, 15, 30).getTime();

  it('today: the time alone, printed once', () => {
    const at = new Date(2026, 11, 6, 9, 5).getTime();
    expect(formatStamp(at, now)).toBe(formatClock(at));
  });

  it('another day: the day, then the time', () => {
    const at = new Date(2026, 10, 28, 9, 5).getTime();
    expect(formatStamp(at, now)).toBe(`${formatDay(at, now)} ${formatClock(at)}`);
    expect(formatDay(at, now)).not.toBe(formatClock(at));
  });
});
