// What travels with a visitor's message: a resend-safe id and the page it was written on.
import type { VisitUpdate } from '../../server/protocol/schemas.js';
import type { PageInfo } from '../../server/protocol/types.js';

/** Same limit as the server's schema (server/protocol/schemas.ts, not importable at run time). */
export const MAX_MESSAGE_CHARS = 5000;

/** ~25 random base-36 characters: the server dedupes resends by it, so it must not collide. */
export const newClientId = (): string =>
  Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36).padStart(7, '0')).join('');

/** Within the schema's limits (url ≤ 2,048, title ≤ 300), so a long URL never fails a send. */
export const currentPage = (): PageInfo => ({
  url: location.href.slice(0, 2048),
  title: document.title.slice(0, 300),
});

const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** `visit:update` within the schema's limits; what does not fit is left out, not sent to fail. */
export function visit(): VisitUpdate {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const pageLang = document.documentElement.lang;
  return {
    page: currentPage(),
    ...(document.referrer ? { referrer: document.referrer.slice(0, 2048) } : {}),
    ...(/^[\w+/-]{1,64}$/.test(timeZone) ? { timeZone } : {}),
    ...(/^[\w-]{1,35}$/.test(pageLang) ? { pageLang } : {}),
  };
}

/** navigator.languages as the handshake schema accepts them (a bad tag would refuse the connection). */
export const browserLanguages = (): string[] =>
  (navigator.languages || [navigator.language]).filter((l) => LANG_TAG.test(l)).slice(0, 10);
