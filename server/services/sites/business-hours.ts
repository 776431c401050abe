// A site's opening hours. Evaluated in
// the site's own time zone, so a shop in Paris closes at 18:00 Paris time wherever the server is.
// A range that ends before it starts runs past midnight: Friday's "22:00-02:00" is open from
// 22:00 on Friday until 02:00 on Saturday (the night belongs to the day it started on).
import type { BusinessHours } from '../../storage/records.js';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Day ("mon") and "HH:MM" at `now` in `timeZone`. */
export function localTime(timeZone: string, now: number): { day: (typeof DAYS)[number]; hhmm: string } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(now).map((p) => [p.type, p.value]));
  const day = DAYS.find((d) => d === String(parts.weekday).slice(0, 3).toLowerCase()) ?? 'sun';
  return { day, hhmm: `${parts.hour}:${parts.minute}` };
}

/** No hours = always open. An unknown time zone counts as open rather than silencing the chat. */
export function isOpen(hours: BusinessHours | undefined, now: number): boolean {
  if (!hours) return true;
  try {
    const { day, hhmm } = localTime(hours.timeZone, now);
    const yesterday = DAYS[(DAYS.indexOf(day) + 6) % 7]!;
    const today = (hours.days[day] ?? []).some(([from, to]) => (from < to ? from <= hhmm && hhmm < to : from <= hhmm));
    // Last night's range that crossed midnight is still open until its end.
    return today || (hours.days[yesterday] ?? []).some(([from, to]) => to < from && hhmm < to);
  } catch {
    return true;
  }
}
