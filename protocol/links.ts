// Links reach visitors' and agents' browsers from FAQ files and visitors' own pages: only these
// schemes ever become clickable, so a `javascript:` or `data:` URL can never run in a session.
// Dependency-free: the widget, the console and the FAQ loader all import it.

export const SAFE_LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** The URL, normalised, when its scheme is safe to render as a link; otherwise null. */
export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return SAFE_LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
