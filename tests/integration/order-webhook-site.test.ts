// A site's own order webhook, set by an admin, answered by a real HTTP server on 127.0.0.1: the
// shop checks our signature with the secret it was shown once; when it fails or is slow the
// visitor is told so and offered a person, never given a guess.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorMessage } from '../../protocol/types.js';
import { clientId, closeClients, connectVisitor, loginCookie, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { AGENTS } from './console-helpers.js';

let server: TestServer;
let shop: Server;
let shopUrl: string;
let secret = '';
let mode: 'ok' | 'fail' | 'slow' = 'ok';
let calls = 0;
let badSignatures = 0;
const hanging: ServerResponse[] = [];

function handle(req: IncomingMessage, res: ServerResponse) {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    calls++;
    const ts = String(req.headers['x-bulle-timestamp']);
    const expected = Buffer.from('sha256=' + createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex'));
    const given = Buffer.from(String(req.headers['x-bulle-signature']));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      badSignatures++;
      res.writeHead(401).end();
      return;
    }
    if (mode === 'slow') return void hanging.push(res);
    if (mode === 'fail') return void res.writeHead(502).end();
    const { orderNumber, email } = JSON.parse(body) as { orderNumber: string; email?: string };
    if (orderNumber !== 'A-7001' || email !== 'ana@shop.example') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'in_transit', carrier: 'SEUR', trackingNumber: 'ES123456789', estimatedDelivery: '2026-12-10' }));
  });
}

const admin = async (method: string, body?: unknown) => {
  const cookie = await loginCookie(server.url, ...AGENTS.alex);
  return fetch(server.url + '/api/admin/order-webhook', {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
};

beforeAll(async () => {
  shop = createServer(handle);
  await new Promise<void>((r) => shop.listen(0, '127.0.0.1', r));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/bulle/orders`;
  // A short timeout so the slow case is quick; http on loopback for the test shop.
  server = await startServer({ webhookHttpLoopback: true, orderWebhookTimeoutMs: 1500 });
  const res = await admin('PUT', { url: shopUrl });
  expect(res.status).toBe(200);
  secret = ((await res.json()) as { secret: string }).secret;
});
afterAll(async () => {
  for (const r of hanging) r.destroy();
  await server.close();
  await new Promise<void>((r) => shop.close(() => r()));
});
afterEach(() => {
  closeClients();
  mode = 'ok';
});

async function say(v: Socket, text: string): Promise<VisitorMessage> {
  const next = waitFor<VisitorMessage>(v, 'message:created', (m) => m.author === 'bot' || m.author === 'system', 60_000);
  await ok(v, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
  return next;
}
async function askStatus(lang: string, question: string, email: string) {
  const v = connectVisitor(server.url, { siteId: 'demo', languages: [lang] });
  await waitFor(v, 'connect');
  await say(v, question);
  return say(v, email);
}

describe("a site's order webhook", () => {
  it('is set by an admin only, https unless loopback is allowed, its secret shown once', async () => {
    const camille = await loginCookie(server.url, ...AGENTS.camille);
    const refused = await fetch(server.url + '/api/admin/order-webhook', { method: 'PUT', headers: { cookie: camille, 'content-type': 'application/json' }, body: JSON.stringify({ url: shopUrl }) });
    expect(refused.status).toBe(403);
    expect((await admin('PUT', { url: 'http://shop.example/orders' })).status).toBe(400);
    const state = (await (await admin('GET')).json()) as Record<string, unknown>;
    expect(state).toEqual({ url: shopUrl });
  });

  it('answers from the shop, signed, with the carrier link (SEUR), in Spanish', async () => {
    calls = 0;
    const answer = await askStatus('es', '¿Dónde está mi pedido A-7001?', 'ana@shop.example');
    expect(answer.text).toContain('en camino');
    expect(answer.links).toEqual([{ label: 'Seguir el paquete (SEUR)', url: 'https://www.seur.com/livetracking/?segOnlineIdentificador=ES123456789' }]);
    expect(calls).toBe(1);
    expect(badSignatures).toBe(0);
  });

  it('a failing shop: asked twice, then "I won\'t guess" and a person offered', async () => {
    mode = 'fail';
    calls = 0;
    const answer = await askStatus('en', 'Where is my order A-7001?', 'ana@shop.example');
    expect(answer.text).toContain("won't guess");
    expect(answer.links ?? []).toEqual([]);
    expect(answer.quickReplies?.map((q) => q.label)).toEqual(['Talk to a person']);
    expect(calls).toBe(2);
  });

  it('a slow shop: the same, after the timeout and one retry', async () => {
    mode = 'slow';
    calls = 0;
    const answer = await askStatus('de', 'Wo ist meine Bestellung A-7001?', 'ana@shop.example');
    expect(answer.text).toContain('nicht raten');
    expect(answer.quickReplies?.length).toBe(1);
    expect(calls).toBe(2);
  });

  it('removed: the FAQ answers as before, no lookup', async () => {
    expect((await admin('DELETE')).status).toBe(204);
    calls = 0;
    const v = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(v, 'connect');
    const reply = await say(v, 'Where is my order A-7001?');
    expect(reply.bot?.outcome).not.toBe('order');
    expect(calls).toBe(0);
  });
});
