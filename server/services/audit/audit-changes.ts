// What an audit entry says a change was: each changed field before → after, shortened, and
// never the value of a password, hash, secret or token (only that it changed).
import type { AuditChange } from '../../../protocol/types.js';

/** Field names whose values never enter the log. */
const SECRET = /password|secret|token|hash|key/i;
/** Longest string kept, and most items of a list: a log entry says what changed, it is no copy. */
const MAX_CHARS = 120;
const MAX_ITEMS = 20;

const clip = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);

/** A value as the log keeps it: short strings and lists, other objects as shortened JSON. */
export function shortValue(v: unknown): unknown {
  if (v === undefined || v === null || typeof v === 'number' || typeof v === 'boolean') return v ?? null;
  if (typeof v === 'string') return clip(v);
  if (Array.isArray(v) && v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x))) {
    const items = v.slice(0, MAX_ITEMS).map((x) => (typeof x === 'string' ? clip(x) : x));
    return v.length > MAX_ITEMS ? [...items, `…${v.length - MAX_ITEMS} more`] : items;
  }
  return clip(JSON.stringify(v) ?? '');
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields of `fields` that differ between `before` and `after` (a created thing: `before`
 * undefined; only the fields it has). Undefined when nothing differs.
 */
export function changesBetween<T extends object>(before: T | undefined, after: T, fields: readonly (keyof T & string)[]): Record<string, AuditChange> | undefined {
  const out: Record<string, AuditChange> = {};
  for (const field of fields) {
    const [a, b] = [before?.[field], after[field]];
    if (same(a, b) || (!before && b === undefined)) continue;
    out[field] = SECRET.test(field) ? { changed: true } : { ...(before ? { from: shortValue(a) } : {}), to: shortValue(b) };
  }
  return Object.keys(out).length ? out : undefined;
}

/** Any changes given by hand, with secret-named fields reduced to "changed" and values shortened. */
export function scrubChanges(changes: Record<string, AuditChange> | undefined): Record<string, AuditChange> | undefined {
  if (!changes) return undefined;
  const out: Record<string, AuditChange> = {};
  for (const [field, c] of Object.entries(changes)) {
    out[field] = SECRET.test(field) ? { changed: true } : { ...('from' in c ? { from: shortValue(c.from) } : {}), ...('to' in c ? { to: shortValue(c.to) } : {}) };
  }
  return Object.keys(out).length ? out : undefined;
}
