// Records leave the embedded store frozen instead of cloned: a read costs nothing, and a caller
// that tries to change one fails loudly (strict mode) instead of silently editing the store.
// Updates build a new record, so a frozen one is never changed under a reader.

/** Freeze `x` and everything it holds; parts frozen already (shared with an older version) are skipped. */
export function freezeDeep<T>(x: T): T {
  if (x === null || typeof x !== 'object' || Object.isFrozen(x)) return x;
  Object.freeze(x);
  for (const key of Object.keys(x)) freezeDeep((x as Record<string, unknown>)[key]);
  return x;
}
