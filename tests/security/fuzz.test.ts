// Property-based fuzzing of every client → server event on both namespaces. Payloads
// are derived from each command's own schema (as the server registered it: commandSchemas in
// sockets/command.ts): valid ones with real ids, near-valid ones (one field wrong, an extra key
// such as `__proto__` or `author`, a key missing), garbage, and extra arguments. Whatever
// arrives, the server answers exactly one valid ack ({ ok: true, data } or { ok: false, error:
// { code, message } } with a known code), never INTERNAL, keeps the connection and keeps
// serving. Bounded: 150 runs per event and 0.8 s per event at most (under 30 s in all).
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, NS, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorSendResult } from '../../protocol/types.js';
import { VisitorAuthSchema } from '../../protocol/schemas.js';
import { commandSchemas } from '../../server/sockets/command.js';
import { clientId, connectAgent, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { KNOWN_CODES, outcome, visitorSocket } from './fixtures.js';
import { nearValidFor, validFor } from './schema-arbitrary.js';

const RUNS = 150;
// Time caps bound the file on a busy machine; they are generous because fast-check counts a
// property cut off before its first run as a failure, and one slow handshake is not a bug.
const TIME_CAP_MS = 2_500;
const HANDSHAKE_RUNS = 60;
const HANDSHAKE_CAP_MS = 10_000;

let server: TestServer;
let visitor: Socket;
let agents: Socket[];
const conversationIds: string[] = [];
let agentIds: string[] = [];

beforeAll(async () => {
  // Flood control off here: the point is to reach the handlers (bad-input.test.ts covers the limits).
  server = await startServer({ visitorMessagesPerSecond: 10_000, visitorMessageBurst: 10_000 });
  for (const [text, languages] of [['Where is my order?', ['en']], ['Je veux parler à un humain', ['fr']], ['I want a human', ['en']]] as const) {
    const v = connectVisitor(server.url, { siteId: 'demo', languages: [...languages] });
    await waitFor(v, 'connect');
    const bot = waitFor(v, SERVER_EVT.messageCreated, (m: { author: string }) => m.author !== 'visitor');
    const sent = await ok<VisitorSendResult>(v, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
    await bot;
    conversationIds.push(sent.message.conversationId);
    visitor = v;
  }
  agents = [await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam'), await connectAgent(server.url, 'alex@demo.bulle.chat', 'demo-alex')];
  agentIds = (await server.app.store.listAgents('demo')).map((a) => a.id);
});
afterAll(async () => {
  visitor?.close();
  for (const a of agents ?? []) a.close();
  await server?.close();
});

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'author', 'siteId', 'status', 'role', 'visitorId', 'agentId', 'conversationId', 'seq', 'links'];
const garbage = fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: true, withObjectString: true, withSparseArray: true, withBoxedValues: true });
const wrong = fc.oneof(
  garbage,
  fc.constantFrom({ $ne: null }, { $regex: '.*' }, [], {}, null, '', 'x'.repeat(5001), -1, 1e308, '../core', 'javascript:alert(1)'),
);

function argsFor(key: string) {
  const schema = commandSchemas.get(key);
  const bias = {
    conversationId: fc.constantFrom(...conversationIds, 'no-such-conversation'),
    toAgentId: fc.constantFrom(...agentIds, 'no-such-agent'),
    lang: fc.constantFrom('fr', 'en', 'es', 'de', 'xx'),
    toLang: fc.constantFrom('fr', 'en', 'es', 'de', 'xx'),
    text: fc.constantFrom('Where is my order?', 'I want a human', 'ok', '<img src=x onerror=alert(1)>'),
  };
  const one = schema
    ? fc.oneof(
        { weight: 4, arbitrary: validFor(schema, bias) },
        { weight: 4, arbitrary: nearValidFor(schema, EXTRA_KEYS, wrong, bias) },
        { weight: 1, arbitrary: garbage },
      )
    : garbage;
  return fc.oneof({ weight: 8, arbitrary: one.map((p) => [p]) }, { weight: 1, arbitrary: fc.array(one, { maxLength: 3 }) });
}

function isValidAck(a: unknown): boolean {
  if (!a || typeof a !== 'object') return false;
  const r = a as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'data' in r && r.data !== undefined;
  return r.ok === false && typeof r.error?.message === 'string' && KNOWN_CODES.has(String(r.error.code));
}

/** Codes seen per event, to check the fuzzer reaches the handlers and not only the schema check. */
const outcomes = new Map<string, Map<string, number>>();

async function fuzz(nsp: string, event: string, socket: () => Socket): Promise<void> {
  const key = `${nsp} ${event}`;
  const seen = outcomes.set(key, new Map()).get(key)!;
  const internal: unknown[] = [];
  await fc.assert(
    fc.asyncProperty(argsFor(key), async (args) => {
      const s = socket();
      const res = await s.timeout(3000).emitWithAck(event, ...args);
      if (!isValidAck(res)) throw new Error(`invalid ack ${JSON.stringify(res)}`);
      const code = res.ok ? 'ok' : res.error.code;
      seen.set(code, (seen.get(code) ?? 0) + 1);
      if (code === 'INTERNAL') internal.push(args);
      if (!s.connected) throw new Error('the server dropped the connection');
    }),
    { numRuns: RUNS, interruptAfterTimeLimit: TIME_CAP_MS, markInterruptAsFailure: false },
  );
  expect(internal, `INTERNAL for ${JSON.stringify(internal.slice(0, 3))}`).toEqual([]);
}

describe('fuzzing every event payload', () => {
  it('every command has a schema registered', () => {
    const missing = [
      ...Object.values(VISITOR_CMD).map((e) => `${NS.visitor} ${e}`),
      ...Object.values(AGENT_CMD).map((e) => `${NS.agent} ${e}`),
    ].filter((k) => !commandSchemas.has(k));
    expect(missing).toEqual([]);
  });

  const visitorEvents = [...Object.values(VISITOR_CMD), AGENT_CMD.conversationClaim, 'admin:reset', 'constructor', '__proto__'];
  const agentEvents = [...Object.values(AGENT_CMD), 'toString', 'hasOwnProperty'];

  it.each(visitorEvents)('/visitor %s', (event) => fuzz(NS.visitor, event, () => visitor), 30_000);
  it.each(agentEvents)('/agent %s (an agent and an admin)', async (event) => {
    let i = 0;
    await fuzz(NS.agent, event, () => agents[i++ % 2]!);
  }, 30_000);

  it('/visitor handshake auth', async () => {
    const auth = fc.oneof(
      { weight: 4, arbitrary: validFor(VisitorAuthSchema, { siteId: fc.constantFrom('demo', 'nope') }) },
      { weight: 4, arbitrary: nearValidFor(VisitorAuthSchema, EXTRA_KEYS, wrong, { siteId: fc.constant('demo') }) },
      { weight: 1, arbitrary: garbage },
    );
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(auth, async (a) => {
        const s = visitorSocket(server.url, (a && typeof a === 'object' ? a : { value: a }) as object);
        try {
          const code = await outcome(s);
          codes.add(code);
          // An auth that is not a plain object is not a valid CONNECT packet: Socket.IO closes
          // the connection (no code to give); anything else must get a connect or a known code.
          const protocolError = Object.prototype.toString.call(a) !== '[object Object]' && code.startsWith('engine: closed');
          if (code !== 'connect' && !KNOWN_CODES.has(code) && !protocolError) throw new Error(`unexpected handshake outcome ${code} for ${JSON.stringify(a)}`);
          if (code === 'INTERNAL') throw new Error(`INTERNAL for ${JSON.stringify(a)}`);
        } finally {
          s.close();
        }
      }),
      { numRuns: HANDSHAKE_RUNS, interruptAfterTimeLimit: HANDSHAKE_CAP_MS, markInterruptAsFailure: false },
    );
    // The time cap can cut the random runs short on a busy machine, so the two outcomes that
    // prove both paths were exercised are also checked once each, deterministically.
    for (const [a, expected] of [[{ siteId: 'demo' }, 'connect'], [{ siteId: { $ne: null } }, 'BAD_PAYLOAD']] as const) {
      const s = visitorSocket(server.url, a);
      try {
        codes.add(await outcome(s));
      } finally {
        s.close();
      }
      expect(codes.has(expected), `${JSON.stringify(a)} → ${expected}`).toBe(true);
    }
  }, 30_000);

  it('reached past the schema check, and the server is still up and serving', async () => {
    const passed = [...outcomes].filter(([k, codes]) => commandSchemas.has(k) && [...codes.keys()].some((c) => c !== 'BAD_PAYLOAD'));
    // Most commands saw at least one payload reach their handler (ok, NOT_FOUND, FORBIDDEN…).
    expect(passed.length).toBeGreaterThan(commandSchemas.size * 0.8);
    expect(visitor.connected && agents.every((a) => a.connected)).toBe(true);
    expect((await server.app.inject({ url: '/health' })).json()).toMatchObject({ ok: true });
    const fresh = connectVisitor(server.url, { siteId: 'demo' });
    await waitFor(fresh, 'connect');
    expect((await ok<VisitorSendResult>(fresh, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'still there?' })).message.seq).toBe(1);
    fresh.close();
  });
});
