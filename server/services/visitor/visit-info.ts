// The visit around a conversation: the pages seen, oldest first and
// capped, where the visitor came from, their time zone, the page language and the browser.
// Pure merges: the visitor service decides when to store the result.
import type { PageInfo, VisitInfo } from '../../../protocol/types.js';

export const MAX_VISIT_PAGES = 20;

export interface VisitDetails {
  referrer?: string;
  timeZone?: string;
  pageLang?: string;
  userAgent?: string;
}

/** A page view; the same URL twice in a row (every message of one page) is one view. */
export function withPage(visit: VisitInfo | undefined, page: PageInfo, at: number): VisitInfo {
  const pages = visit?.pages ?? [];
  const last = pages[pages.length - 1];
  if (last?.url === page.url) {
    return last.title === page.title ? (visit ?? { pages }) : { ...visit, pages: [...pages.slice(0, -1), { ...last, title: page.title }] };
  }
  return { ...visit, pages: [...pages, { url: page.url, title: page.title, at }].slice(-MAX_VISIT_PAGES) };
}

/**
 * The first referrer is kept (how they reached the shop; later ones are the shop's own pages);
 * the rest follow the latest report.
 */
export function withDetails(visit: VisitInfo | undefined, d: VisitDetails): VisitInfo {
  const next: VisitInfo = { ...visit, pages: visit?.pages ?? [] };
  if (d.referrer && !next.referrer) next.referrer = d.referrer;
  if (d.timeZone) next.timeZone = d.timeZone;
  if (d.pageLang) next.pageLang = d.pageLang;
  if (d.userAgent) next.userAgent = d.userAgent;
  return next;
}

export const sameVisit = (a: VisitInfo | undefined, b: VisitInfo): boolean => JSON.stringify(a) === JSON.stringify(b);
