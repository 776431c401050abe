// Proactive rule matching, pure functions over one rule (protocol/loader-config.ts), unit-tested
// in Node. The loader runs onPage on the shop's page with no app and no socket (the cheap, frequent
// part: is this the page); what is checked only once a rule matched (the event's data, frequency
// caps, quiet while typing, returning visitors) is the app's (app/proactive-admit.ts).
import type { LoaderRule } from '../protocol/loader-config.js';

/**
 * May a rule run on this page: its URL pattern (the server folds the site's quiet pages into it)
 * and the pages seen in the visit. `path` is the page's path and query.
 */
export const onPage = (r: LoaderRule, path: string, pages: number): boolean => RegExp(r.u || '').test(path) && !(pages < r.p!);

/** Does a Bulle.track call set this rule off: same name, and each value the rule asks for. */
export const onEvent = (r: LoaderRule, name: string, data: Record<string, unknown>): boolean =>
  r.e == name && !Object.keys(r.d || {}).some((k) => r.d![k] !== data[k]);
