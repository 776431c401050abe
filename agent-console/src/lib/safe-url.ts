// Links come from FAQ files and visitors' pages: only these schemes become clickable, so a
// `javascript:` or `data:` URL can never run in an agent's session.
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return ALLOWED.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
