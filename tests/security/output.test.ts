// Output a client has not read stays bounded: a sync answers one page (≤ 100 messages, about
// 256 KB) with a cursor, syncs are limited per visitor (not per connection), and a connection
// that stops reading while it keeps asking is cut off once its backlog passes 1 MB.
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ERR, NS, SERVER_EVT, SYNC_PAGE_BYTES, SYNC_PAGE_MESSAGES, VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorSendResult, VisitorSyncResult } from '../../protocol/types.js';
import { ack, clientId, closeClients, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';

let server: TestServer;
let token: string;
let conversationId: string;

beforeAll(async () => {
  server = await startServer();
  const visitor = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
  await waitFor(visitor, 'connect');
  const queued = waitFor<{ author: string }>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'system');
  const sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'I need to talk to a human please', page });
  // The hand-off's own line is written after the ack: let it land before the history is counted.
  await queued;
  token = sent.token!;
  conversationId = sent.message.conversationId;
  // A long history written straight to the store: 300 replies of 5,000 characters (1.5 MB), and
  // internal notes in between that a visitor must never receive.
  const long = 'x'.repeat(5000);
  for (let i = 0; i < 300; i++) {
    await server.app.store.appendMessage(conversationId, { author: 'agent', text: `${i} ${long}`, clientId: `long-${i}` });
    if (i % 50 === 0) await server.app.store.appendMessage(conversationId, { author: 'agent', text: 'internal', internal: true, clientId: `note-${i}` });
  }
  visitor.close();
}, 120_000);
afterAll(() => server.close());
const extra: Socket[] = [];
afterEach(() => {
  closeClients();
  for (const s of extra.splice(0)) s.close();
});

describe('bounded output', () => {
  it('a sync answers one page at a time, with a cursor; the pages hold the whole history once', async () => {
    const visitor = connectVisitor(server.url, { siteId: 'demo', token });
    await waitFor(visitor, 'connect');
    const visible = (await server.app.store.listMessages(conversationId)).filter((m) => !m.internal).length;
    const seen: number[] = [];
    let afterSeq = 0;
    for (let i = 0; i < 20; i++) {
      const res = await ok<VisitorSyncResult>(visitor, VISITOR_CMD.conversationSync, { afterSeq });
      expect(res.messages.length).toBeLessThanOrEqual(SYNC_PAGE_MESSAGES);
      expect(JSON.stringify(res.messages).length).toBeLessThanOrEqual(SYNC_PAGE_BYTES + 8 * 1024);
      expect(res.messages.every((m) => m.text !== 'internal')).toBe(true);
      seen.push(...res.messages.map((m) => m.seq));
      afterSeq = res.through;
      if (!res.more) break;
    }
    expect(seen).toHaveLength(visible);
    expect(new Set(seen).size).toBe(visible);
    expect(afterSeq).toBe((await server.app.store.getConversation(conversationId))!.lastSeq);
  });

  it('syncs are limited per visitor: more tabs with one token share one bucket', async () => {
    const tabs = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const s = connectVisitor(server.url, { siteId: 'demo', token });
        await waitFor(s, 'connect');
        return s;
      }),
    );
    // 5 tabs × 12 = 60 requests, within each connection's own limit, but past the visitor's burst.
    const results = await Promise.all(tabs.flatMap((t) => Array.from({ length: 12 }, () => ack(t, VISITOR_CMD.conversationSync, { afterSeq: 1 }))));
    const limited = results.filter((r) => !r.ok && r.error.code === ERR.rateLimited);
    expect(limited.length).toBeGreaterThanOrEqual(20);
    expect(results.length - limited.length).toBeLessThanOrEqual(35);
  });

  it('a connection that stops reading while it keeps asking is cut off', async () => {
    const reader = io(server.url + NS.visitor, { transports: ['websocket'], auth: { siteId: 'demo', token }, reconnection: false, forceNew: true });
    extra.push(reader);
    await waitFor(reader, 'connect');
    const [serverSide] = await server.app.io.of(NS.visitor).fetchSockets();
    expect(serverSide).toBeDefined();
    const cut = new Promise<string>((resolve) => {
      for (const s of server.app.io.of(NS.visitor).sockets.values()) s.on('disconnect', (reason) => resolve(reason));
    });
    // Stop reading: the bytes pile up in the kernel, then in the server's buffers.
    const ws = (reader.io.engine.transport as unknown as { ws: { _socket: { pause(): void } } }).ws;
    ws._socket.pause();
    let stop = false;
    const ask = (async () => {
      for (let i = 0; i < 2000 && !stop; i++) {
        reader.emit(VISITOR_CMD.conversationSync, { afterSeq: 0 }, () => {});
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const reason = await Promise.race([cut, new Promise<string>((r) => setTimeout(() => r('still connected'), 60_000))]);
    stop = true;
    await ask;
    // Cut at the TCP level (the server's side reads it as a transport error or close).
    expect(reason).toMatch(/^transport (close|error)$/);
  }, 90_000);
});
