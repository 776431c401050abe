// Links come from FAQ files and visitors' pages: only these schemes become clickable, so a
// `javascript:` or `data:` URL can never run in an agent's session.
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/**
 * A page a visitor reported being on: a link only on the shop's own origins (and this server's),
 * since the page URL is the visitor's word and any other host could be a phishing page.
 */
export function pageHref(url: string | undefined, origins: readonly string[]): string | null {
  const href = safeHref(url);
  if (!href || href.startsWith('mailto:')) return null;
  const origin = new URL(href).origin;
  return origins.some((o) => o.replace(/\/+$/, '').toLowerCase() === origin) ? href : null;
}

export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return ALLOWED.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
