// Every client → server event goes through here: schema check at the edge, then the handler,
// then exactly one ack `{ ok: true, data } | { ok: false, error: { code, message } }`.
// A malformed payload, a missing ack callback, an unknown event or a thrown error never
// crashes the process.
import type { Socket } from 'socket.io';
import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ERR } from '../../protocol/events.js';
import type { CommandMap, Empty } from '../../protocol/event-map.js';
import type { Ack } from '../../protocol/types.js';
import { AppError } from '../services/app-error.js';

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

/**
 * "<namespace> <event>" → the schema its payload is checked against: static metadata filled as
 * command tables are built, read by the fuzz tests (tests/security/fuzz.test.ts) so that every
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

/**
 * One command: the schema its payload must match, and what it does for the socket that sent it.
 * P is the payload its schema gives (held both ways, so a table entry's schema must give exactly
 * the protocol's payload), A what its ack carries.
 */
export interface Command<P = never, A = unknown> {
  schema: TSchema;
  run: (socket: Socket, payload: P) => A | Promise<A>;
  readonly payloadType?: P;
}

/** A command with its payload typed from its schema. */
export function cmd<S extends TSchema, A>(schema: S, run: (socket: Socket, payload: Static<S>) => A | Promise<A>): Command<Static<S>, A> {
  return { schema, run };
}

/** What a handler may return for an ack that carries nothing: nothing (the client gets `{}`). */
type Answer<A> = [A] extends [Empty] ? A | void : A;

/** A namespace's commands as its protocol map says: every command, each payload and ack. */
export type CommandsOf<M extends CommandMap<M>> = { [E in keyof M]: Command<M[E]['payload'], Answer<M[E]['ack']>> };

/** A namespace's commands by event name, built once and shared by every socket of it. */
export type CommandTable = ReadonlyMap<string, Command<never>>;

export function commandTable<M extends CommandMap<M>>(namespace: string, commands: CommandsOf<M>): CommandTable {
  const entries = Object.entries(commands) as [string, Command<never>][];
  for (const [event, c] of entries) commandSchemas.set(`${namespace} ${event}`, c.schema);
  return new Map(entries);
}

/**
 * Serve a command table on a socket: one middleware, after those already there (rate limits),
 * answers every packet: the command's ack, or NOT_FOUND for an event nobody registered (e.g. a
 * visitor trying agent commands). The handlers are the table's, shared by all sockets and
 * reading the caller from `socket.data`: a closure per command per socket was ~2 KB a visitor.
 */
export function serveCommands(socket: Socket, table: CommandTable, log: Logger): void {
  socket.use((packet) => void dispatch(socket, table, packet, log));
}

async function dispatch(socket: Socket, table: CommandTable, packet: unknown[], log: Logger): Promise<void> {
  // Socket.IO drops what arrives after a disconnection; so do we.
  if (!socket.connected) return;
  const [event, ...args] = packet;
  const ack: AckFn = typeof args[args.length - 1] === 'function' ? (args.pop() as AckFn) : () => {};
  const command = typeof event === 'string' ? table.get(event) : undefined;
  if (!command) {
    ack({ ok: false, error: { code: ERR.notFound, message: `Unknown event "${String(event).slice(0, 60)}"` } });
    return;
  }
  try {
    const data = await command.run(socket, validate(command.schema, args[0] ?? {}) as never);
    ack({ ok: true, data: data ?? {} });
  } catch (err) {
    ack(ackError(err, log));
  }
}

/** A connect error that the client sees as `err.data = { code, message }`. */
export function connectError(code: (typeof ERR)[keyof typeof ERR], message: string): Error {
  return Object.assign(new Error(message), { data: { code, message } });
}
