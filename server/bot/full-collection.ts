// A full garbage collection on demand, for the bot thread after it builds a site's indexes.
// Building them allocates several times what they keep; under steady traffic the thread
// allocates too little for V8 to collect that soon, so the garbage would stay resident.
// `gc` is only exposed by a V8 flag: set here, then read from a fresh context (the flag
// applies to contexts created after it), as the `expose-gc` package does.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** Collects now; false where the runtime refuses (then V8 collects when it will). */
export function fullCollection(): boolean {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
  return gc !== null;
}
