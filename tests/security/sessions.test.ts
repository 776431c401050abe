// Sessions end everywhere: a logout closes every console socket opened with that log-in, an
// expired session's sockets close when it expires, and a session that is gone (logged out,
// expired, deleted) answers no agent command, even on a socket that is still open.
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, ERR, NS } from '../../protocol/events.js';
import { hashToken, newToken } from '../../server/services/secrets.js';
import { ack, closeClients, loginCookie, startServer, waitFor, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
const opened: Socket[] = [];
afterEach(() => {
  closeClients();
  for (const s of opened.splice(0)) s.close();
});

async function consoleSocket(cookie: string): Promise<Socket> {
  const socket = io(server.url + NS.agent, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  opened.push(socket);
  await waitFor(socket, 'connect');
  return socket;
}

const refused = (cookie: string) =>
  new Promise<string | undefined>((resolve) => {
    const socket = io(server.url + NS.agent, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
    opened.push(socket);
    socket.on('connect', () => resolve('connected'));
    socket.on('connect_error', (err: Error & { data?: { code?: string } }) => resolve(err.data?.code));
  });

describe('agent sessions end everywhere', () => {
  it('a logout disconnects every tab of that log-in, and only those', async () => {
    const cookie = await loginCookie(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    const other = await loginCookie(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    const [tab1, tab2, otherTab] = await Promise.all([consoleSocket(cookie), consoleSocket(cookie), consoleSocket(other)]);
    const gone = Promise.all([waitFor(tab1, 'disconnect'), waitFor(tab2, 'disconnect')]);
    const res = await fetch(server.url + '/api/agent/logout', { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(204);
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);
    // The other log-in is untouched; the ended one cannot come back.
    expect((await ack(otherTab, AGENT_CMD.queueList, {})).ok).toBe(true);
    expect(await refused(cookie)).toBe(ERR.unauthorized);
  });

  it('a session gone from the store answers no command on a socket still open, and closes it', async () => {
    const token = newToken();
    const agent = await server.app.store.findAgentByEmail('camille@demo.bulle.chat');
    await server.app.store.putSession({ tokenHash: hashToken(token), agentId: agent!.id, expiresAt: Date.now() + 3600_000 });
    const tab = await consoleSocket(`bulle_session=${token}`);
    expect((await ack(tab, AGENT_CMD.queueList, {})).ok).toBe(true);
    // As an expiry or a logout on another server would leave it: no event here, only the store.
    await server.app.store.deleteSession(hashToken(token));
    const closed = waitFor(tab, 'disconnect');
    const res = await ack(tab, AGENT_CMD.queueList, {});
    expect(res).toMatchObject({ ok: false, error: { code: ERR.unauthorized } });
    expect(await closed).toBe('io server disconnect');
  });

  it('an expiring session closes its sockets when it expires', async () => {
    const token = newToken();
    const agent = await server.app.store.findAgentByEmail('jonas@demo.bulle.chat');
    await server.app.store.putSession({ tokenHash: hashToken(token), agentId: agent!.id, expiresAt: Date.now() + 1500 });
    const tab = await consoleSocket(`bulle_session=${token}`);
    expect(await waitFor(tab, 'disconnect')).toBe('io server disconnect');
    expect(await refused(`bulle_session=${token}`)).toBe(ERR.unauthorized);
  });
});
