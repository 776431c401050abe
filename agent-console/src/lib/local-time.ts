// The visitor's local time from their browser's IANA time zone.

/** "14:05" in that zone, with the weekday when it is not the agent's day; null for a bad zone. */
export function localTime(timeZone: string | undefined, now: number): string | null {
  if (!timeZone) return null;
  try {
    const clock = new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' }).format(now);
    const day = (tz?: string) => new Intl.DateTimeFormat('en', { timeZone: tz, weekday: 'short' }).format(now);
    const theirs = day(timeZone);
    return theirs === day() ? clock : `${theirs} ${clock}`;
  } catch {
    return null;
  }
}
