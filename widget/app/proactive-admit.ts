// The checks a proactive rule passes once the loader matched it (page and time, or event) and
// before anything is shown: its frequency cap, the visitor not typing in the shop's own page, and
// "returning visitors only". Run by the app before it mounts, so a capped rule opens no socket.
import type { LoaderRule } from '../../protocol/loader-config.js';
import { tokenKey } from '../bridge.js';

/** Not now (0), yes (1), or later (2: the visitor is typing in the shop's page). */
export type Admission = 0 | 1 | 2;

const DAY_MS = 864e5;
/** What this page showed, for browsers that refuse the storage. */
const seen = new Set<string>();

/** Is the visitor typing in the shop's own page (a form, a search box). */
export const typing = (e: Element | null): boolean =>
  !!e && ((e as HTMLElement).isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.tagName));

/** Does a showing at `at` (0: never) still hold the rule back at `now`. */
export const withinCap = (cap: LoaderRule['c'], at: number, now: number): boolean => at > 0 && (cap !== 'd' || now - at < DAY_MS);

/**
 * The frequency cap, checked and recorded in one go: true when the rule was already shown within
 * its cap (this visit: sessionStorage; a day or ever: localStorage).
 */
export function capped(r: LoaderRule, siteId: string, now: number): boolean {
  const key = `bulle:${siteId}:shown:${r.id}`;
  if (seen.has(key)) return true;
  seen.add(key);
  try {
    const store = r.c === 'v' ? sessionStorage : localStorage;
    if (withinCap(r.c, Number(store.getItem(key)), now)) return true;
    store.setItem(key, String(now));
  } catch {
    // Storage refused: `seen` still shows it once per page.
  }
  return false;
}

export function admit(r: LoaderRule, siteId: string, activeElement: Element | null, now = Date.now()): Admission {
  if (typing(activeElement)) return 2;
  if (r.v) {
    let token: string | null = null;
    try {
      token = localStorage.getItem(tokenKey(siteId));
    } catch {}
    if (!token) return 0;
  }
  return capped(r, siteId, now) ? 0 : 1;
}
