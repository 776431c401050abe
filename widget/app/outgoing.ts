// What travels with a visitor's message: a resend-safe id and the page it was written on.
import type { VisitUpdate } from '../../protocol/schemas.js';
import { MAX_MESSAGE_CHARS, MAX_PAGE_TITLE_CHARS, MAX_PAGE_URL_CHARS } from '../../protocol/limits.js';
import type { PageInfo } from '../../protocol/types.js';

export { MAX_MESSAGE_CHARS };

/** ~25 random base-36 characters: the server dedupes resends by it, so it must not collide. */
export const newClientId = (): string =>
  Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36).padStart(7, '0')).join('');

/** Within the schema's limits, so a long URL never fails a send. */
export const currentPage = (): PageInfo => ({
  url: location.href.slice(0, MAX_PAGE_URL_CHARS),
  title: document.title.slice(0, MAX_PAGE_TITLE_CHARS),
});

const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** `visit:update` within the schema's limits; what does not fit is left out, not sent to fail. */
export function visit(): VisitUpdate {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const pageLang = document.documentElement.lang;
  return {
    page: currentPage(),
    ...(document.referrer ? { referrer: document.referrer.slice(0, MAX_PAGE_URL_CHARS) } : {}),
    ...(/^[\w+/-]{1,64}$/.test(timeZone) ? { timeZone } : {}),
    ...(/^[\w-]{1,35}$/.test(pageLang) ? { pageLang } : {}),
  };
}

/** navigator.languages as the handshake schema accepts them (a bad tag would refuse the connection). */
export const browserLanguages = (): string[] =>
  (navigator.languages || [navigator.language]).filter((l) => LANG_TAG.test(l)).slice(0, 10);
