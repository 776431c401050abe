// The one seam between the loader (on the merchant's page, framework-free) and the app (loaded
// on the first click). The app registers a single global holding only `mount`; the loader calls
// nothing else, so the host page gets no API to misuse (STYLE.md habit 10).
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
 * Where the visitor token lives. Site-scoped so two shops on one origin never share a visitor.
 * The loader only reads it (a returning visitor); the app writes it after the first message.
 */
export const tokenKey = (siteId: string): string => `bulle:${siteId}:token`;
