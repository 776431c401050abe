// The numbers' pure parts (server/storage/stats-query.ts): nearest-rank percentiles, the range's
// edges, and first-contact resolution's look-ahead past the range.
import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../../server/storage/records.js';
import { computeStats, conversationsInScope, fcrChecker, percentile } from '../../server/storage/stats-query.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-02T00:00:00Z');
const conv = (id: string, createdAt: number, over: Partial<ConversationRecord> = {}): ConversationRecord => ({
  id,
  siteId: 's',
  visitorId: `v-${id}`,
  status: 'bot',
  lang: 'en',
  langConfidence: 1,
  createdAt,
  updatedAt: createdAt,
  lastSeq: 0,
  visitorReadSeq: 0,
  visitorLanguages: ['en'],
  ...over,
});
const resolved = (closedAt: number): Partial<ConversationRecord> => ({ status: 'closed', endedBy: 'agent', resolved: true, closedAt, firstClosedAt: closedAt });

describe('stats query', () => {
  it('percentiles by nearest rank', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
  });

  it('takes whole UTC days, both ends included', () => {
    const all = [conv('before', T0 - 1), conv('first', T0), conv('last', T0 + 2 * DAY - 1), conv('after', T0 + 2 * DAY), conv('other', T0, { siteId: 'x' })];
    expect(conversationsInScope({ siteId: 's', from: '2026-11-02', to: '2026-11-03' }, all).map((c) => c.id)).toEqual(['first', 'last']);
  });

  it('first-contact resolution looks 7 days past the first close, by visitor, e-mail or order', () => {
    const close = T0 + DAY;
    const a = conv('a', T0, resolved(close));
    const sameVisitorLate = conv('late', close + 7 * DAY + 1, { visitorId: 'v-a' });
    const b = conv('b', T0, { ...resolved(close), customer: { emails: [], orders: ['A-1'] } });
    const sameOrder = conv('again', close + 6 * DAY, { customer: { emails: [], orders: ['A-1'] } });
    const c = conv('c', T0, { ...resolved(close + 2 * DAY), firstClosedAt: close, reopenedAt: close + DAY });
    const d = conv('d', T0, { ...resolved(close), endedBy: 'visitor' });
    const isFcr = fcrChecker([a, sameVisitorLate, b, sameOrder, c, d]);
    expect([a, b, c, d].map(isFcr)).toEqual([true, false, false, false]);
    const s = computeStats({ siteId: 's', from: '2026-11-02', to: '2026-11-02' }, { conversations: [a, sameVisitorLate, b, sameOrder, c, d], messages: () => [], unanswered: [] });
    expect(s).toMatchObject({ conversations: 4, closedByAgent: 3, firstContactResolved: 1 });
    expect(s.fcrRate).toBeCloseTo(1 / 3, 10);
  });
});
