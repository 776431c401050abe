// Every client → server event goes through here: schema check at the edge, then the handler,
// then exactly one ack `{ ok: true, data } | { ok: false, error: { code, message } }`.
// A malformed payload, a missing ack callback, an unknown event or a thrown error never
// crashes the process (STYLE.md habits 3 and 4).
import type { Socket } from 'socket.io';
import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ERR } from '../protocol/events.js';
import type { Ack } from '../protocol/types.js';
import { AppError } from '../services/app-error.js';

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

/**
 * "<namespace> <event>" → the schema its payload is checked against: static metadata filled as
 * handlers are registered, read by the fuzz tests (tests/security/fuzz.test.ts) so that every
 * command is fuzzed from its own schema without a second list to keep in step.
 */
export const commandSchemas = new Map<string, TSchema>();
function checker<S extends TSchema>(schema: S): TypeCheck<S> {
  let c = compiled.get(schema);
  if (!c) compiled.set(schema, (c = TypeCompiler.Compile(schema)));
  return c as TypeCheck<S>;
}

export type Logger = { error: (obj: unknown, msg?: string) => void; warn: (obj: unknown, msg?: string) => void };
type AckFn = (ack: Ack<unknown>) => void;

export function ackError(err: unknown, log: Logger): Ack<never> {
  if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
  log.error({ err }, 'unexpected error in a socket handler');
  return { ok: false, error: { code: ERR.internal, message: 'Something went wrong on our side; please retry.' } };
}

/** Validate a payload against its schema; throws AppError(BAD_PAYLOAD) naming the first bad field. */
export function validate<S extends TSchema>(schema: S, payload: unknown): Static<S> {
  const check = checker(schema);
  if (check.Check(payload)) return payload;
  const first = check.Errors(payload).First();
  const where = first?.path ? first.path : 'payload';
  throw new AppError(ERR.badPayload, `${where}: ${first?.message ?? 'invalid'}`);
}

/** Register `event` on the socket with its schema; remembers the name for the unknown-event guard. */
export function command<S extends TSchema>(
  socket: Socket,
  event: string,
  schema: S,
  handler: (payload: Static<S>) => Promise<unknown> | unknown,
  log: Logger,
): void {
  known(socket).add(event);
  commandSchemas.set(`${socket.nsp.name} ${event}`, schema);
  socket.on(event, async (...args: unknown[]) => {
    const ack: AckFn = typeof args[args.length - 1] === 'function' ? (args.pop() as AckFn) : () => {};
    try {
      const data = await handler(validate(schema, args[0] ?? {}));
      ack({ ok: true, data: data ?? {} });
    } catch (err) {
      ack(ackError(err, log));
    }
  });
}

/** Events nobody registered (e.g. a visitor trying agent commands) get a clear error ack. */
export function rejectUnknownEvents(socket: Socket): void {
  socket.onAny((event: string, ...args: unknown[]) => {
    if (known(socket).has(event)) return;
    const ack = args[args.length - 1];
    if (typeof ack === 'function') {
      (ack as AckFn)({ ok: false, error: { code: ERR.notFound, message: `Unknown event "${String(event).slice(0, 60)}"` } });
    }
  });
}

const registry = new WeakMap<Socket, Set<string>>();
function known(socket: Socket): Set<string> {
  let set = registry.get(socket);
  if (!set) registry.set(socket, (set = new Set()));
  return set;
}

/** A connect error that the client sees as `err.data = { code, message }`. */
export function connectError(code: (typeof ERR)[keyof typeof ERR], message: string): Error {
  return Object.assign(new Error(message), { data: { code, message } });
}
