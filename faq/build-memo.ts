// What building a site's indexes computes alike for every site of a language (the intent
// library's analyses and its own index): kept while sites are built and reloaded (a FAQ edit
// rebuilds one in a third of the time), then let go, so a server that is answering, not
// building, does not carry a second copy of the library.

/** Values kept this long after their last use. */
const KEEP_MS = 5 * 60_000;

const memos: (() => void)[] = [];

/** `compute(key)` once per key, forgotten KEEP_MS after its last use (or with the key). */
export function buildMemo<K extends object, V>(compute: (key: K) => V, keepMs = KEEP_MS): (key: K) => V {
  type Slot = { value: V; timer: ReturnType<typeof setTimeout> };
  let kept = new WeakMap<K, Slot>();
  // A pending timer holds its slot's map (and through the key, the value): released, they all go.
  const timers = new Set<ReturnType<typeof setTimeout>>();
  memos.push(() => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    kept = new WeakMap();
  });
  return (key) => {
    const old = kept.get(key);
    if (old) {
      clearTimeout(old.timer);
      timers.delete(old.timer);
    }
    const map = kept;
    const timer = setTimeout(() => {
      timers.delete(timer);
      map.delete(key);
    }, keepMs);
    timers.add(timer);
    // Never what keeps a process (or a test) alive.
    timer.unref?.();
    const slot: Slot = { value: old ? old.value : compute(key), timer };
    kept.set(key, slot);
    return slot.value;
  };
}

/** Forget every memo's values now (the bot thread, once the sites it started with are built). */
export function releaseBuildMemos(): void {
  for (const release of memos) release();
}
