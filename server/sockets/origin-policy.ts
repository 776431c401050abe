// Which pages may talk to us. Browsers always send `Origin` on WebSocket
// handshakes and on POSTs, and a page cannot forge it; CORS does not protect a WebSocket, so
// the server checks it itself: on the Socket.IO handshake (allowRequest, before any namespace),
// per site in the /visitor handshake, and on the console's log-in routes and /agent.
// A request without `Origin` is not from a browser page (curl, a server, the tests): nothing
// to protect there — such a client can send any header it likes.
import type { IncomingHttpHeaders } from 'node:http';
import type { SiteRecord } from '../storage/records.js';

export interface OriginPolicy {
  /** The agent console: BULLE_CONSOLE_ORIGINS, or else only the server's own host. */
  console(headers: IncomingHttpHeaders): boolean;
  /** A site's widget: its allowedOrigins (`*` = any page), and always the server's own host. */
  widget(site: SiteRecord, headers: IncomingHttpHeaders): boolean;
  /** Before the namespace is known: the console or at least one site accepts this origin. */
  anywhere(headers: IncomingHttpHeaders): boolean;
}

export interface OriginPolicyOptions {
  consoleOrigins: readonly string[];
  trustProxy: boolean;
  sites: () => Iterable<SiteRecord>;
}

/** "HTTPS://Shop.Example/" → "https://shop.example" (how browsers serialise an origin). */
export const normalizeOrigin = (o: string) => o.trim().toLowerCase().replace(/\/+$/, '');

export function createOriginPolicy(opts: OriginPolicyOptions): OriginPolicy {
  const consoleOrigins = new Set(opts.consoleOrigins.map(normalizeOrigin));
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();
  const ownHost = (h: IncomingHttpHeaders) => ((opts.trustProxy && first(h['x-forwarded-host'])) || h.host || '').toLowerCase();
  const sameHost = (origin: string, h: IncomingHttpHeaders) => {
    try {
      const page = new URL(origin);
      // Parsed with the page's scheme, so "host:80" and "host" compare equal for http.
      return page.host === new URL(`${page.protocol}//${ownHost(h)}`).host;
    } catch {
      return false; // "null" (sandboxed frames, file:) and garbage
    }
  };
  const siteAllows = (site: SiteRecord, origin: string) =>
    site.allowedOrigins.some((o) => o === '*' || normalizeOrigin(o) === origin);

  const policy: OriginPolicy = {
    console(h) {
      const origin = h.origin && normalizeOrigin(h.origin);
      if (!origin) return true;
      return consoleOrigins.size ? consoleOrigins.has(origin) : sameHost(origin, h);
    },
    widget(site, h) {
      const origin = h.origin && normalizeOrigin(h.origin);
      return !origin || sameHost(origin, h) || siteAllows(site, origin);
    },
    anywhere(h) {
      const origin = h.origin && normalizeOrigin(h.origin);
      if (!origin || policy.console(h) || sameHost(origin, h)) return true;
      for (const site of opts.sites()) if (siteAllows(site, origin)) return true;
      return false;
    },
  };
  return policy;
}
