// GET /api/widget/<siteId>?lang=<xx>: what the loader (/widget.js) reads once per page, before it
// draws the bubble: the site's appearance and its proactive rules, in one language. Keys are one
// letter because the loader parses them in its 1.5 KB budget; URL patterns arrive as regular
// expression sources so the loader has no glob code. The server builds it from the site's record
// (server/widget-config/).

/** One proactive rule as the loader evaluates it. Every condition present must hold. */
export interface LoaderRule {
  /** The rule's id (frequency caps are kept per id). */
  id: string;
  /** Seconds on the current page (0 when absent, for URL-only rules). */
  s?: number;
  /** Regular expression source tested on the page's path and query (the site's quiet pages folded in). */
  u?: string;
  /** At least this many pages in the visit (this tab). */
  p?: number;
  /** A Bulle.track event name: the rule fires on that event rather than on a timer… */
  e?: string;
  /** …whose data has each of these values. */
  d?: Record<string, string | number | boolean>;
  /** 1: only a returning visitor (one who wrote before). */
  v?: 1;
  /** Frequency cap: once per visit (v), per day (d), per visitor (u). */
  c: 'v' | 'd' | 'u';
  /** The message, in the requested language (else the site's default). */
  m: string;
  /** Quick replies under it: a press sends `text` as the visitor's first message. */
  q?: { label: string; text: string }[];
}

export interface LoaderConfig {
  /**
   * Appearance: colour (#rrggbb) and position (l = left; right when absent) for the app's panel;
   * the bubble's style declarations (s, built by the server from those checked values and room for
   * a label), the label shown beside its icon (l, may be empty), and its accessible name (t) in the
   * visitor's language.
   */
  a: { c?: string; p?: 'l'; s: string; l: string; t: string };
  r: LoaderRule[];
  /** 1 when a rule counts the pages of the visit: only then does the loader keep the count. */
  p?: 1;
}
