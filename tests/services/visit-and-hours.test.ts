// The pure parts around routing — business hours in the site's time zone, and the
// visit record (pages capped, oldest first; the first referrer kept).
import { describe, expect, it } from 'vitest';
import { isOpen, localTime } from '../../server/services/sites/business-hours.js';
import { MAX_VISIT_PAGES, withDetails, withPage } from '../../server/services/visitor/visit-info.js';

const hours = { timeZone: 'Europe/Paris', days: { mon: [['09:00', '12:30'], ['14:00', '18:00']] as [string, string][], sat: [['10:00', '24:00']] as [string, string][] } };
// Monday 2 June 2025, in Paris (UTC+2 in summer).
const paris = (hhmm: string, day = '02') => Date.parse(`2025-06-${day}T${hhmm}:00+02:00`);

describe('business hours', () => {
  it('reads the day and time in the site time zone', () => {
    expect(localTime('Europe/Paris', paris('08:59'))).toEqual({ day: 'mon', hhmm: '08:59' });
    expect(localTime('America/New_York', paris('08:59'))).toEqual({ day: 'mon', hhmm: '02:59' });
  });
  it('is open inside a range, closed between and outside, [from, to)', () => {
    expect(isOpen(hours, paris('08:59'))).toBe(false);
    expect(isOpen(hours, paris('09:00'))).toBe(true);
    expect(isOpen(hours, paris('12:30'))).toBe(false);
    expect(isOpen(hours, paris('17:59'))).toBe(true);
    expect(isOpen(hours, paris('18:00'))).toBe(false);
    expect(isOpen(hours, paris('23:59', '07'))).toBe(true); // Saturday until midnight
    expect(isOpen(hours, paris('12:00', '03'))).toBe(false); // Tuesday: not listed
  });
  it('runs a range that ends before it starts past midnight, into the next day', () => {
    // Friday 22:00 until Saturday 02:00; Sunday 23:00 until Monday 01:00 (the week wraps).
    const night = { timeZone: 'Europe/Paris', days: { fri: [['22:00', '02:00']] as [string, string][], sun: [['23:00', '01:00']] as [string, string][] } };
    expect(isOpen(night, paris('21:59', '06'))).toBe(false);
    expect(isOpen(night, paris('22:00', '06'))).toBe(true);
    expect(isOpen(night, paris('23:59', '06'))).toBe(true);
    expect(isOpen(night, paris('01:59', '07'))).toBe(true); // Saturday, still Friday's night
    expect(isOpen(night, paris('02:00', '07'))).toBe(false);
    expect(isOpen(night, paris('22:30', '07'))).toBe(false); // Saturday has no hours of its own
    expect(isOpen(night, paris('00:30', '09'))).toBe(true); // Monday, Sunday's night
    expect(isOpen(night, paris('01:00', '09'))).toBe(false);
    expect(isOpen(night, paris('00:30', '02'))).toBe(true); // the Monday before, too
    expect(isOpen(night, paris('00:30', '03'))).toBe(false); // Tuesday: Monday has no night range
  });
  it('is always open without hours, and with a time zone it cannot read', () => {
    expect(isOpen(undefined, 0)).toBe(true);
    expect(isOpen({ timeZone: 'Mars/Olympus', days: {} }, 0)).toBe(true);
  });
});

describe('visit record', () => {
  const page = (n: number) => ({ url: `https://shop.test/p${n}`, title: `Page ${n}` });
  it('adds pages oldest first, once per page in a row, keeping the last 20', () => {
    let visit = withPage(undefined, page(0), 1);
    visit = withPage(visit, page(0), 2);
    expect(visit.pages).toEqual([{ ...page(0), at: 1 }]);
    for (let i = 1; i <= 30; i++) visit = withPage(visit, page(i), i + 10);
    expect(visit.pages).toHaveLength(MAX_VISIT_PAGES);
    expect(visit.pages[0]!.url).toBe(page(11).url);
    expect(visit.pages.at(-1)!.url).toBe(page(30).url);
  });
  it('keeps the first referrer and follows the latest time zone, page language and browser', () => {
    let visit = withDetails(undefined, { referrer: 'https://search.example/', timeZone: 'Europe/Paris', userAgent: 'A' });
    visit = withDetails(visit, { referrer: 'https://shop.test/p1', timeZone: 'Europe/Madrid', pageLang: 'es', userAgent: 'B' });
    expect(visit).toEqual({ pages: [], referrer: 'https://search.example/', timeZone: 'Europe/Madrid', pageLang: 'es', userAgent: 'B' });
  });
});
