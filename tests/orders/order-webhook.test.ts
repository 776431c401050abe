// The order webhook client against a real HTTP server on 127.0.0.1: the signed request, a slow
// shop (timeout, one retry), a failing one (retry once, then give up), unknown orders, answers
// that do not pass the schema, redirects and URLs that are not allowed.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OrderWebhookClient, webhookUrlProblem } from '../../server/services/orders/order-webhook.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler;
let calls: { headers: IncomingMessage['headers']; body: string }[] = [];
let shop: Server;
let url: string;

beforeAll(async () => {
  shop = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => shop.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/orders`;
});
afterAll(() => new Promise<void>((r) => shop.close(() => r())));
beforeEach(() => {
  calls = [];
});

const SECRET = 'webhook-secret-for-tests';
const json = (res: ServerResponse, status: number, data: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(data));
};
const client = (timeoutMs = 10_000) => new OrderWebhookClient({ timeoutMs, httpLoopback: true, selfUrl: () => undefined });
const SHIPPED = { status: 'shipped', carrier: 'Colissimo', trackingNumber: '6A12345678901', shippedAt: '2026-12-04', estimatedDelivery: '2026-12-08' };

describe('the order webhook', () => {
  it('POSTs { orderNumber, email } signed with HMAC-SHA256 over "<timestamp>.<body>"', async () => {
    handler = (_req, _body, res) => json(res, 200, SHIPPED);
    const found = await client().lookup({ url, secret: SECRET }, { orderNumber: '48213', email: 'claire@shop.example' });
    expect(found).toEqual({ kind: 'found', order: SHIPPED });
    expect(calls).toHaveLength(1);
    const { headers, body } = calls[0]!;
    expect(JSON.parse(body)).toEqual({ orderNumber: '48213', email: 'claire@shop.example' });
    expect(headers['content-type']).toBe('application/json');
    const ts = headers['x-bulle-timestamp'] as string;
    expect(Math.abs(Date.now() / 1000 - Number(ts))).toBeLessThan(60);
    expect(headers['x-bulle-signature']).toBe('sha256=' + createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex'));
  });

  it('a 404 is an unknown order (or not this e-mail), asked once', async () => {
    handler = (_req, _body, res) => json(res, 404, { error: 'no such order' });
    expect(await client().lookup({ url, secret: SECRET }, { orderNumber: '1', email: 'x@y.z' })).toEqual({ kind: 'not-found' });
    expect(calls).toHaveLength(1);
  });

  it('a failing shop (500) is asked twice, then the lookup fails', async () => {
    handler = (_req, _body, res) => json(res, 500, { error: 'boom' });
    expect(await client().lookup({ url, secret: SECRET }, { orderNumber: '48213' })).toEqual({ kind: 'failed', why: 'HTTP 500' });
    expect(calls).toHaveLength(2);
  });

  it('a shop that fails once then answers: the retry gets the answer', async () => {
    let n = 0;
    handler = (_req, _body, res) => (n++ === 0 ? json(res, 503, {}) : json(res, 200, SHIPPED));
    expect(await client().lookup({ url, secret: SECRET }, { orderNumber: '48213' })).toEqual({ kind: 'found', order: SHIPPED });
    expect(calls).toHaveLength(2);
  });

  it('a slow shop times out, is retried once, and the whole lookup stays short', async () => {
    const pending: ServerResponse[] = [];
    handler = (_req, _body, res) => pending.push(res); // never answers
    const started = Date.now();
    const result = await client(300).lookup({ url, secret: SECRET }, { orderNumber: '48213' });
    const took = Date.now() - started;
    for (const res of pending) res.destroy();
    expect(result).toEqual({ kind: 'failed', why: 'timed out' });
    expect(calls).toHaveLength(2);
    // Two timeouts and the pause between them, with room for a busy machine; never a hang.
    expect(took).toBeGreaterThanOrEqual(600);
    expect(took).toBeLessThan(20_000);
  });

  it('an answer that does not pass the schema is a failure, not shown, not retried', async () => {
    for (const bad of [{ status: 'teleported' }, { status: 'shipped', trackingNumber: '"><script>' }, { status: 'shipped', carrier: 'x\u202ey' }, 'not json']) {
      calls = [];
      handler = (_req, _body, res) => (typeof bad === 'string' ? res.end(bad) : json(res, 200, bad));
      const result = await client().lookup({ url, secret: SECRET }, { orderNumber: '48213' });
      expect(result.kind).toBe('failed');
      expect(calls).toHaveLength(1);
    }
  });

  it('a redirect is not followed, and an oversized answer is refused', async () => {
    handler = (_req, _body, res) => {
      res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
      res.end();
    };
    expect((await client().lookup({ url, secret: SECRET }, { orderNumber: '48213' })).kind).toBe('failed');
    handler = (_req, _body, res) => json(res, 200, { ...SHIPPED, padding: 'x'.repeat(100_000) });
    expect((await client().lookup({ url, secret: SECRET }, { orderNumber: '48213' })).kind).toBe('failed');
  });

  it('only https, or http on loopback when allowed; no credentials in the URL', () => {
    expect(webhookUrlProblem('https://shop.example/orders', false)).toBeUndefined();
    expect(webhookUrlProblem('http://shop.example/orders', true)).toMatch(/https/);
    expect(webhookUrlProblem('http://127.0.0.1:8080/orders', false)).toMatch(/https/);
    expect(webhookUrlProblem('http://127.0.0.1:8080/orders', true)).toBeUndefined();
    expect(webhookUrlProblem('https://user:pw@shop.example/orders', false)).toMatch(/credentials/);
    expect(webhookUrlProblem('ftp://shop.example', false)).toBeDefined();
    expect(webhookUrlProblem('/demo/order-status', false)).toBeUndefined();
  });
});
