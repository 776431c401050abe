// A connected client costs the server what it needs, not what the WebSocket upgrade left behind:
// the HTTP request and Engine.IO's upgrade response are collected once the client is connected,
// and the connection still works and still closes cleanly (server/sockets/handshake-guard.ts).
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorSendResult } from '../../protocol/types.js';
import { fullCollection } from '../../server/bot/full-collection.js';
import { clientId, closeClients, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { until } from '../helpers/until.js';

let server: TestServer;
const requests: WeakRef<IncomingMessage>[] = [];
const sockets: IncomingMessage['socket'][] = [];

beforeAll(async () => {
  server = await startServer();
  // After Engine.IO's own listener: the request it upgraded.
  server.app.server.on('upgrade', (req: IncomingMessage) => {
    requests.push(new WeakRef(req));
    sockets.push(req.socket);
  });
});
afterAll(async () => {
  closeClients();
  await server.close();
});

async function collected(ref: WeakRef<object>, capMs = 10_000): Promise<boolean> {
  const t0 = Date.now();
  while (Date.now() - t0 < capMs) {
    // Out of the tick that made it: nothing on a stack still points at it.
    await new Promise((r) => setTimeout(r, 20));
    fullCollection();
    if (!ref.deref()) return true;
  }
  return false;
}

describe('what a connection keeps after the upgrade', () => {
  it('lets the upgrade request go, and the visitor still chats', async () => {
    const visitor = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(visitor, 'connect');
    expect(requests).toHaveLength(1);
    expect(await collected(requests[0]!)).toBe(true);
    // The TCP socket keeps its own listeners (ws's), not one that re-emits "close" elsewhere.
    const raw = sockets[0]!;
    expect(raw.listeners('close').map(String).some((fn) => fn.includes('this.emit("close")'))).toBe(false);
    const reply = waitFor<{ author: string }>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
    const sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'How do I return an item?', page });
    expect(sent.message.author).toBe('visitor');
    await reply;
    // Closing from the client still ends the server's side.
    const engine = server.app.io.of(NS.visitor);
    expect(engine.sockets.size).toBe(1);
    visitor.close();
    await new Promise<void>((resolve) => raw.once('close', () => resolve()));
    await until(() => engine.sockets.size === 0, 10_000);
    expect(engine.sockets.size).toBe(0);
  });

  it('a WebSocket error after the upgrade still reaches the transport, not the process', async () => {
    const visitor = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(visitor, 'connect');
    const [serverSocket] = server.app.io.of(NS.visitor).sockets.values();
    const ws = (serverSocket!.conn as unknown as { transport: { socket: { listeners(e: string): unknown[]; emit(e: string, err: Error): boolean } } }).transport.socket;
    expect(ws.listeners('error').length).toBeGreaterThan(0);
    const closed = new Promise<void>((resolve) => serverSocket!.once('disconnect', () => resolve()));
    // An unhandled "error" would throw here instead.
    ws.emit('error', new Error('test: broken frame'));
    await closed;
  });

  it("a returning visitor's token is not kept in the connected socket's handshake", async () => {
    const first = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(first, 'connect');
    const sent = await ok<VisitorSendResult>(first, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Hello', page });
    first.close();
    const token = sent.token!;
    const again = connectVisitor(server.url, { siteId: 'demo', token, languages: ['fr'] });
    await waitFor(again, 'connect');
    const sockets = [...server.app.io.of(NS.visitor).sockets.values()];
    expect(sockets.some((s) => s.data.visitor?.visitorId)).toBe(true);
    for (const s of sockets) {
      expect(JSON.stringify(s.handshake)).not.toContain(token);
      expect(s.handshake.auth).toEqual({});
    }
    // What the handshake said is still known where it is used.
    const synced = await ok<{ conversation: { id: string } | null }>(again, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect(synced.conversation?.id).toBe(sent.message.conversationId);
  });
});
