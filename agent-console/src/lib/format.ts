// How times and languages read in the console.

/** "just now", "3 min", "1 h 05 min": a waiting time an agent takes in at a glance. */
export function formatWaiting(since: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - since) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d`;
}

export function formatClock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

let names: Intl.DisplayNames | undefined;
/** "fr" → "French"; the code itself when the browser does not know it. */
export function languageName(code: string): string {
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'language' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "14:05" today, "12 Mar" this year, "12 Mar 2024" before: when a closed chat ended. */
export function formatDay(at: number, now = Date.now()): string {
  const d = new Date(at);
  const today = new Date(now);
  if (d.toDateString() === today.toDateString()) return formatClock(at);
  const sameYear = d.getFullYear() === today.getFullYear();
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) });
}

/** "14:05" today, "12 Mar 14:05" before: when something happened, with its time printed once. */
export function formatStamp(at: number, now = Date.now()): string {
  const day = formatDay(at, now);
  const clock = formatClock(at);
  return day === clock ? clock : `${day} ${clock}`;
}
