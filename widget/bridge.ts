// The one seam between the loader (on the merchant's page, framework-free) and the app (loaded
// on the first click). The app registers a single global holding only `mount`; the loader calls
// nothing else, so the host page gets no API to misuse.
export const APP_GLOBAL = '__bulleApp';

/** What the loader hands the app: its shadow root, its bubble, and where to connect. */
export interface MountOptions {
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  siteId: string;
  /** Origin of the Bulle server, taken from the loader's own `src`. */
  origin: string;
  /** false = "badge mode": connect and count unread replies, but keep the panel closed. */
  open: boolean;
}

export interface BulleApp {
  mount(options: MountOptions): void;
}

/**
 * Where the visitor token lives (localStorage). Site-scoped so two shops on one origin never share a
 * visitor. The app writes it after the first message and reads it once mounted; the loader never
 * touches localStorage (a synchronous read that can block the merchant's page).
 */
export const tokenKey = (siteId: string): string => `bulle:${siteId}:token`;

/**
 * The loader's sign of a returning visitor: an empty IndexedDB database named tokenKey(siteId)
 * exists while a token is stored. The loader lists database names (asynchronous, creates nothing);
 * the app keeps the sign in step with the token.
 */
export function markReturning(siteId: string, returning: boolean): void {
  try {
    if (!returning) indexedDB.deleteDatabase(tokenKey(siteId));
    else {
      const open = indexedDB.open(tokenKey(siteId));
      open.onsuccess = () => open.result.close();
    }
  } catch {
    // IndexedDB blocked (some privacy modes): the loader treats every visit as a first one.
  }
}
