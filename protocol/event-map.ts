// How a namespace's typed map (visitor-events.ts, agent-events.ts) becomes Socket.IO's event
// maps, and the ack every command answers with (type-only).
import type { Ack } from './types.js';

/** The data of an ack that carries nothing (the handler returned nothing: the server sends `{}`). */
export type Empty = Record<string, never>;

/** A command map: event → payload and the data of its ok ack. */
export type CommandMap<M> = { [E in keyof M]: { payload: unknown; ack: unknown } };

/** Socket.IO ClientToServerEvents: every command takes its payload and an ack callback. */
export type ClientEvents<M extends CommandMap<M>> = {
  [E in keyof M]: (payload: M[E]['payload'], ack: (res: Ack<M[E]['ack']>) => void) => void;
};

/** Socket.IO ServerToClientEvents: every fact takes its payload. */
export type ServerEvents<F> = { [E in keyof F]: (payload: F[E]) => void };

/** `true` only when A and B are the same set of names. */
export type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** A compile-time check: `Expect<false>` is a type error (nothing at run time). */
export type Expect<T extends true> = T;
