// Business hours: a time zone and, per day, ranges like "09:00-12:30, 14:00-18:00". A range that
// ends before it starts ("22:00-02:00") runs past midnight into the next day.
import { DAYS, type Day, type Hours } from './sites-api.js';

const DAY_NAMES: Record<Day, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;

export interface HoursDraft {
  timeZone: string;
  days: Record<Day, string>;
}

export const hoursDraft = (hours: Hours | null): HoursDraft => ({
  timeZone: hours?.timeZone ?? '',
  days: Object.fromEntries(DAYS.map((d) => [d, (hours?.days[d] ?? []).map(([a, b]) => `${a}-${b}`).join(', ')])) as Record<Day, string>,
});

/** The hours to save (null: always open), or what is wrong with what was typed. */
export function parseHours(draft: HoursDraft): { hours: Hours | null } | { problem: string } {
  if (!draft.timeZone.trim()) return { hours: null };
  const days: Hours['days'] = {};
  for (const d of DAYS) {
    const ranges = draft.days[d].split(',').map((r) => r.trim()).filter(Boolean);
    const parsed = ranges.map((r) => r.split('-').map((t) => t.trim()));
    const bad = parsed.find((p) => p.length !== 2 || !TIME.test(p[0]!) || !TIME.test(p[1]!));
    if (bad) return { problem: `${DAY_NAMES[d]}: "${bad.join('-')}" is not a range like 09:00-18:00` };
    if (parsed.length) days[d] = parsed as [string, string][];
  }
  return { hours: { timeZone: draft.timeZone.trim(), days } };
}

export function HoursField({ siteId, draft, onChange }: { siteId: string; draft: HoursDraft; onChange(d: HoursDraft): void }) {
  return (
    <fieldset class="sites__group" data-bulle="site-hours">
      <legend>Business hours</legend>
      <p class="muted" id={`hours-help-${siteId}`}>
        Empty time zone: always open. Ranges such as 09:00-12:30, 14:00-18:00; 22:00-02:00 runs past midnight. An empty day is closed.
      </p>
      <label class="sites__field">
        Time zone
        <input data-bulle="hours-tz" value={draft.timeZone} placeholder="Europe/Paris" maxLength={64} onInput={(e) => onChange({ ...draft, timeZone: e.currentTarget.value })} />
      </label>
      <div class="sites__days">
        {DAYS.map((d) => (
          <label key={d} class="sites__field">
            {DAY_NAMES[d]}
            <input
              data-bulle="hours-day"
              data-day={d}
              aria-describedby={`hours-help-${siteId}`}
              value={draft.days[d]}
              placeholder="closed"
              onInput={(e) => onChange({ ...draft, days: { ...draft.days, [d]: e.currentTarget.value } })}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
