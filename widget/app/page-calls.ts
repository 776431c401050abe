// The shop page's calls (window.Bulle, through the loader, which allowed the method and copied
// the arguments): checked here, each field's type, before anything is done with them. A bad call
// is reported in the console, naming it, and does nothing; the others still run.
import type { Identity } from './chat-state.js';

const EVENTS = ['ready', 'open', 'close', 'message', 'handoff'];
const IDENTITY_STRINGS = ['email', 'name', 'signature'] as const;

/** What a page call may act on. */
export interface CallTargets {
  setOpen(open: boolean | undefined): void;
  identify(identity: Identity): void;
  setLanguage(lang: string): void;
  on(event: string, handler: (data?: object) => unknown): void;
  page(): void;
}

/** Bulle.identify's argument as the server's schema takes it, or the reason it is not. */
export function checkIdentity(value: unknown): Identity | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not an object';
  const v = value as Record<string, unknown>;
  const out: Identity = {};
  for (const key of Object.keys(v)) {
    if (key === 'orders') {
      const orders = v.orders;
      if (!Array.isArray(orders) || orders.some((o) => typeof o !== 'string')) return 'orders';
      out.orders = orders.slice();
    } else if ((IDENTITY_STRINGS as readonly string[]).includes(key)) {
      if (typeof v[key] !== 'string') return key;
      out[key as (typeof IDENTITY_STRINGS)[number]] = v[key] as string;
    } else return key;
  }
  return out;
}

/** Run one page call; false (and a console error) when its arguments are wrong. */
export function runPageCall(method: string, args: unknown[], to: CallTargets): boolean {
  const problem = ((): string | null => {
    switch (method) {
      case 'open':
      case 'close':
      case 'toggle':
        to.setOpen(method === 'toggle' ? undefined : method === 'open');
        return null;
      case 'identify': {
        const identity = checkIdentity(args[0]);
        if (typeof identity === 'string') return identity;
        to.identify(identity);
        return null;
      }
      case 'setLanguage': {
        const lang = args[0];
        if (typeof lang !== 'string' || !/^[a-z]{2}$/.test(lang)) return 'language';
        to.setLanguage(lang);
        return null;
      }
      case 'on': {
        const [event, handler] = args;
        if (typeof event !== 'string' || !EVENTS.includes(event)) return 'event';
        if (typeof handler !== 'function') return 'handler';
        to.on(event, handler as (data?: object) => unknown);
        return null;
      }
      case 'page':
        to.page();
        return null;
      default:
        return 'method';
    }
  })();
  if (problem) console.error(`Bulle.${method}: bad ${problem}`);
  return !problem;
}
