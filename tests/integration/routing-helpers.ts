// Shared steps of the routing integration tests: agents made for one test with the
// languages and capacity it needs, consoles that record every event from the handshake on (a
// chat assigned the moment an agent comes online arrives before any listener could be added),
// waiting visitors, and a clean slate between tests.
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { NS, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Config } from '../../server/config.js';
import type { ConversationAssigned, QueuePosition, VisitorHandoffResult, VisitorSyncResult } from '../../protocol/types.js';
import { hashPassword, newId } from '../../server/services/secrets.js';
import type { AgentRecord } from '../../server/storage/records.js';
import { closeClients, connectVisitor, loginCookie, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';

export interface Console {
  agent: AgentRecord;
  socket: Socket;
  /** Every event received since the handshake, in order. */
  events: [string, any][];
}

const consoles: Socket[] = [];
let counter = 0;

/**
 * One server per test file with short routing delays (grace 300 ms, 3 chats per agent, no wait
 * after log-in before fallback chats, unless overridden), and a clean slate after each test:
 * clients closed, every chat closed.
 */
export function useRoutingServer(overrides: Partial<Config>, set: (server: TestServer) => void): void {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ routingGraceMs: 300, anyAgentAfterMs: 60_000, anyAgentAfterLoginMs: 0, agentMaxChats: 3, ...overrides });
    set(server);
  });
  afterAll(() => server.close());
  afterEach(async () => {
    closeClients();
    closeConsoles();
    await closeAllChats(server);
  });
}

/** The next `conversation:assigned` for this chat on this console. */
export const assignedTo = (c: Console, conversationId: string) =>
  next<ConversationAssigned>(c, SERVER_EVT.conversationAssigned, (a) => a.conversation.id === conversationId);

export function closeConsoles(): void {
  for (const s of consoles.splice(0)) s.close();
}

/** A new agent of the demo site (unique e-mail), so no test inherits another's chats. */
export async function addAgent(
  server: TestServer,
  name: string,
  languages: string[],
  options: { maxChats?: number; role?: 'agent' | 'admin' } = {},
): Promise<AgentRecord & { password: string }> {
  const password = `pw-${name}-${counter}`;
  const agent: AgentRecord = {
    id: newId(),
    siteId: 'demo',
    name,
    email: `${name.toLowerCase()}-${counter++}@routing.test`,
    languages,
    role: options.role ?? 'agent',
    ...(options.maxChats !== undefined ? { maxChats: options.maxChats } : {}),
    passwordHash: await hashPassword(password),
    createdAt: Date.now(),
  };
  await server.app.store.putAgent(agent);
  return { ...agent, password };
}

/** Log in and open a console tab, recording every event. */
export async function openConsole(server: TestServer, agent: AgentRecord & { password: string }): Promise<Console> {
  const cookie = await loginCookie(server.url, agent.email, agent.password);
  const socket = io(server.url + NS.agent, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  consoles.push(socket);
  const events: [string, any][] = [];
  socket.onAny((event, payload) => events.push([event, payload]));
  await waitFor(socket, 'connect');
  return { agent, socket, events };
}

/** The first `event` matching, already received or still to come. */
export function next<T = any>(c: Console, event: string, match: (p: T) => boolean = () => true, ms = 4000): Promise<T> {
  const seen = c.events.find(([e, p]) => e === event && match(p));
  return seen ? Promise.resolve(seen[1] as T) : waitFor<T>(c.socket, event, match, ms);
}

/** Wait until a condition on the server holds (state reached through timers: grace, fallback). */
export { until } from '../helpers/until.js';

export interface WaitingVisitor {
  socket: Socket;
  conversationId: string;
  token: string;
  /** Where the chat stood right after the hand-off (from the visitor's sync). */
  queue: QueuePosition | null;
}

/** A visitor whose browser speaks `lang` presses "talk to a person". */
export async function handOff(server: TestServer, lang: string): Promise<WaitingVisitor> {
  const socket = connectVisitor(server.url, { siteId: 'demo', languages: [lang] });
  await waitFor(socket, 'connect');
  const res = await ok<VisitorHandoffResult>(socket, VISITOR_CMD.handoffRequest, { page });
  expect(res.conversation.lang).toBe(lang);
  // The first position went out before this socket joined the visitor's room: the sync has it.
  const synced = await ok<VisitorSyncResult>(socket, VISITOR_CMD.conversationSync, { afterSeq: 0 });
  return { socket, conversationId: res.conversation.id, token: res.token!, queue: synced.queue ?? null };
}

/** Close every open chat behind the router's back (between tests: no agent is online then). */
export async function closeAllChats(server: TestServer): Promise<void> {
  const { store, chatRouting } = server.app;
  for (const c of await store.listConversations({ siteId: 'demo', status: ['bot', 'queued', 'assigned'], limit: 100_000 })) {
    await store.updateConversation(c.id, { status: 'closed', closedAt: Date.now() });
    chatRouting.router.release(c.id, Date.now());
  }
}
