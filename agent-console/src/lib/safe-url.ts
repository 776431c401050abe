// Which of a visitor's reported pages the console shows as a link.
import { safeHref } from '../../../protocol/links.js';

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
