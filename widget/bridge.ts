// The one seam between the loader (on the merchant's page, framework-free) and the app (loaded
// when needed). The app registers a single global holding `mount` and `offer` (a matched proactive
// rule, checked before anything mounts); the loader mounts it once and then calls only the two
// methods of the control it returns. The host page reaches the app only through the loader's
// window.Bulle, which allows the method and copies what the page passes.
import type { LoaderConfig, LoaderRule } from '../protocol/loader-config.js';

export const APP_GLOBAL = '__bulleApp';

/** A Bulle call the loader allowed and copied: the method's name and its arguments. */
export type PageCall = [method: string, args: unknown[]];

/** What the loader may ask of a mounted app. */
export interface AppControl {
  /** A page call, allowed and copied by the loader (as in mount's queue). */
  call(method: string, args: unknown[]): void;
  /** A proactive rule fired and was admitted: show its message (stored only if the visitor answers). */
  proactive(rule: LoaderRule): void;
}

export interface BulleApp {
  /**
   * Mount once into the loader's shadow root, its bubble (`launcher`) and the server's origin (from
   * the loader's own `src`), in the site's look (the loader's one request). `queue`: the page's
   * calls made before the app loaded, in order (open, close, toggle, identify, setLanguage, on,
   * page), which the app replays; none for a returning visitor's badge.
   */
  mount(root: ShadowRoot, launcher: HTMLButtonElement, siteId: string, origin: string, look: LoaderConfig['a'], queue: PageCall[]): AppControl;
  /**
   * Before mounting: a rule matched its page and time, or its event's name (with that event's data).
   * The app checks the rest (the event's data, the cap, quiet while the visitor types, returning
   * visitors) and calls `show` when the rule may show: now, a little later, or never.
   */
  offer(rule: LoaderRule, siteId: string, data: object | undefined, show: () => void): void;
}

/**
 * Where the visitor token lives (localStorage). Site-scoped so two shops on one origin never share a
 * visitor. The app writes it after the first message and reads it once mounted; the loader never
 * touches localStorage at load (a synchronous read that can block the merchant's page).
 */
export const tokenKey = (siteId: string): string => storageKey(siteId, 'token');

/** A key of the widget's own in the page's storage, one site's apart from another's on the same origin. */
export const storageKey = (siteId: string, what: string): string => `bulle:${siteId}:${what}`;

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
