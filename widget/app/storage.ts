// What the widget keeps in the browser, site-scoped. Written only after the visitor acted
// (a message or the hand-off button): the loader promises no storage before the first click.
// Storage can be blocked (privacy modes, sandboxed frames); then the widget forgets on reload.
import type { PageInfo } from '../../protocol/types.js';
import { markReturning, tokenKey } from '../bridge.js';

/** A message typed but not yet acknowledged by the server. */
export interface Outgoing {
  clientId: string;
  text: string;
  page: PageInfo;
  /** Answers this proactive rule's message. */
  proactive?: string;
  /** Set when the server refused it (shown with a retry button), never for a mere timeout. */
  failed?: boolean;
}

function guarded<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

// Each keeps the loader's sign of a returning visitor in step (bridge.ts markReturning); reading a
// token also sets it, for tokens stored before the sign existed.
export function readToken(siteId: string): string | undefined {
  const token = guarded(() => localStorage.getItem(tokenKey(siteId))) || undefined;
  if (token) markReturning(siteId, true);
  return token;
}
export function writeToken(siteId: string, token: string): void {
  guarded(() => localStorage.setItem(tokenKey(siteId), token));
  markReturning(siteId, true);
}
export function dropToken(siteId: string): void {
  guarded(() => localStorage.removeItem(tokenKey(siteId)));
  markReturning(siteId, false);
}

// Per tab: a reload keeps unsent messages, another tab does not send them twice.
const outboxKey = (siteId: string) => `bulle:${siteId}:outbox`;

export function readOutbox(siteId: string): Outgoing[] {
  const raw = guarded(() => sessionStorage.getItem(outboxKey(siteId)));
  const parsed = raw ? guarded(() => JSON.parse(raw) as unknown) : undefined;
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (o): o is Outgoing => !!o && typeof o.clientId == 'string' && typeof o.text == 'string' && !!o.page,
  );
}

export function writeOutbox(siteId: string, outbox: Outgoing[]): void {
  guarded(() =>
    outbox.length
      ? sessionStorage.setItem(outboxKey(siteId), JSON.stringify(outbox.map(({ failed: _, ...o }) => o)))
      : sessionStorage.removeItem(outboxKey(siteId)),
  );
}
