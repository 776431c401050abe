// Shared by the security tests: a second site and agents created through the store, and
// sockets with the headers a browser page (Origin) or a proxy (X-Forwarded-For) would send.
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { NS, ERR } from '../../protocol/events.js';
import type { AgentRecord, SiteRecord } from '../../server/storage/records.js';
import { hashPassword, newId } from '../../server/services/secrets.js';
import { AGENT_CMD } from '../../protocol/events.js';
import { connectAgent, ok, waitFor } from '../helpers/server.js';

export const KNOWN_CODES = new Set<string>(Object.values(ERR));

export async function addSite(app: FastifyInstance, id: string, allowedOrigins: string[]): Promise<SiteRecord> {
  const site: SiteRecord = {
    id,
    name: `Shop ${id}`,
    languages: ['fr', 'en'],
    defaultLanguage: 'en',
    allowedOrigins,
    faqDir: 'faq/data/demo',
    createdAt: Date.now(),
  };
  await app.store.putSite(site);
  await app.sites.add(site);
  return site;
}

export async function addAgent(
  app: FastifyInstance,
  a: Pick<AgentRecord, 'siteId' | 'name' | 'email' | 'languages' | 'role'> & { password: string },
): Promise<AgentRecord> {
  const agent: AgentRecord = { ...a, id: newId(), passwordHash: await hashPassword(a.password), createdAt: Date.now() };
  await app.store.putAgent(agent);
  return agent;
}

const opened: Socket[] = [];
export function closeRawSockets(): void {
  for (const s of opened.splice(0)) s.close();
}

/** A socket that sends the headers of our choosing (Node clients send no Origin by default). */
export function rawSocket(url: string, nsp: string, opts: { auth?: object; headers?: Record<string, string> } = {}): Socket {
  const socket = io(url + nsp, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(opts.auth ? { auth: opts.auth } : {}),
    ...(opts.headers ? { extraHeaders: opts.headers } : {}),
  });
  opened.push(socket);
  return socket;
}

export const visitorSocket = (url: string, auth: object, headers?: Record<string, string>) =>
  rawSocket(url, NS.visitor, { auth, ...(headers ? { headers } : {}) });

/**
 * 'connect', or the connect_error's code (namespace refusals) or message (engine refusals), or
 * 'engine: closed …' when the server drops the connection outright: a CONNECT packet whose auth
 * is not an object (an array, say) is a protocol error, which Socket.IO answers by closing the
 * transport without any connect_error on the client.
 */
export async function outcome(socket: Socket): Promise<string> {
  if (socket.connected) return 'connect';
  return Promise.race([
    waitFor(socket, 'connect').then(() => 'connect'),
    waitFor<Error & { data?: { code?: string } }>(socket, 'connect_error').then((e) => e.data?.code ?? `engine: ${e.message}`),
    // A refusal with a code also closes the manager, just before connect_error fires: give the
    // connect_error a moment to win the race.
    new Promise<string>((resolve) =>
      socket.io.once('close', (reason: string) => setTimeout(() => resolve(`engine: closed (${reason})`), 50)),
    ),
  ]);
}

/** Manual assignment on the demo site, so that chats wait in the queue to be claimed. */
export async function manualMode(url: string): Promise<void> {
  const alex = await connectAgent(url, 'alex@demo.bulle.chat', 'demo-alex');
  await ok(alex, AGENT_CMD.siteMode, { mode: 'manual' });
  alex.close();
}
