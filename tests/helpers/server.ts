// Start the real server on port 0 and talk to it with real socket.io-client.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { buildServer, type ServerDeps } from '../../server/app.js';
import { createConfig, type Config } from '../../server/config.js';
import { NS } from '../../protocol/events.js';
import type { Ack } from '../../protocol/types.js';
export { tempDir } from './temp-dir.js';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  config: Config;
  close(): Promise<void>;
}

export async function startServer(overrides: Partial<Config> = {}, deps: ServerDeps = {}): Promise<TestServer> {
  const config = createConfig({
    port: 0,
    host: '127.0.0.1',
    dataDir: null,
    distDir: join(tmpdir(), 'bulle-no-dist'),
    logLevel: 'silent',
    flushIntervalMs: 5,
    // Agents reconnect across the tests of a file and keep their chats: room for many, unless a
    // test is about capacity (tests/integration/routing-*.test.ts).
    agentMaxChats: 50,
    // A busy CI machine can take seconds over one bot answer: the tests wait for it, not a person.
    botTimeoutMs: 60_000,
    ...overrides,
  });
  const app = await buildServer(config, deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}`, config, close: () => app.close() };
}

const open: Socket[] = [];

/** Close every client socket opened by the helpers (call in afterEach). */
export function closeClients(): void {
  for (const s of open.splice(0)) s.close();
}

export function connectVisitor(url: string, auth: Record<string, unknown> = { siteId: 'demo' }): Socket {
  const socket = io(url + NS.visitor, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  open.push(socket);
  return socket;
}

export async function loginCookie(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(url + '/api/agent/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}

export async function connectAgent(url: string, email: string, password: string): Promise<Socket> {
  const cookie = await loginCookie(url, email, password);
  const socket = io(url + NS.agent, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  open.push(socket);
  await waitFor(socket, 'connect');
  return socket;
}

/** Resolve on the next `event` whose payload satisfies `match` (no sleeps in tests). */
export function waitFor<T = any>(socket: Socket, event: string, match: (p: T) => boolean = () => true, ms = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      reject(new Error(`timed out waiting for "${event}"`));
    }, ms);
    const on = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, on);
      resolve(payload);
    };
    socket.on(event, on);
  });
}

/** Collect every `event` payload from now on (to assert something did NOT arrive). */
export function collect<T = any>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (p: T) => seen.push(p));
  return seen;
}

export async function ack<T = any>(socket: Socket, event: string, payload?: unknown): Promise<Ack<T>> {
  return socket.timeout(30_000).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/** Like ack() but fails the test unless ok, returning data. */
export async function ok<T = any>(socket: Socket, event: string, payload?: unknown): Promise<T> {
  const res = await ack<T>(socket, event, payload);
  if (!res.ok) throw new Error(`${event} failed: ${res.error.code} ${res.error.message}`);
  return res.data;
}

let counter = 0;
export const clientId = () => `test-${Date.now().toString(36)}-${(counter++).toString(36)}`;
export const page = { url: 'http://127.0.0.1/checkout.html', title: 'Checkout' };
