// The call to a shop's order-status webhook. The request is signed so the shop can tell it is
// ours (HMAC-SHA256 over "<timestamp>.<body>" with the webhook's secret, headers
// `X-Bulle-Timestamp` and `X-Bulle-Signature: sha256=<hex>`); the answer is checked against
// OrderStatusSchema before any of it reaches a visitor. A slow or failing shop costs the visitor a
// few seconds at most: a short timeout, one retry on a timeout, a network error or a 5xx, never
// a redirect followed, and a capped body.
import { createHmac } from 'node:crypto';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { OrderStatusSchema, type OrderStatus } from '../../../protocol/schemas.js';
import type { OrderWebhook } from '../../storage/records.js';

export type OrderLookup = { kind: 'found'; order: OrderStatus } | { kind: 'not-found' } | { kind: 'failed'; why: string };

export interface OrderQuery {
  orderNumber: string;
  email?: string;
}

export interface OrderWebhookOptions {
  timeoutMs: number;
  /** http:// on loopback addresses allowed (tests, local trials). */
  httpLoopback: boolean;
  /** This server's own base URL over loopback ("http://127.0.0.1:3000"), for webhooks given as a path. */
  selfUrl: () => string | undefined;
}

const MAX_BODY_BYTES = 64 * 1024;
const RETRY_PAUSE_MS = 200;
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);
const checkStatus = TypeCompiler.Compile(OrderStatusSchema);

/** "sha256=<hex>" over "<timestamp>.<body>": what the shop recomputes to trust the request. */
export const signWebhookBody = (secret: string, timestamp: string, body: string) =>
  'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** Why a webhook URL cannot be used, or undefined when it can (also checked when an admin sets it). */
export function webhookUrlProblem(url: string, httpLoopback: boolean): string | undefined {
  if (url.startsWith('/')) return /^\/[A-Za-z0-9/_.-]*$/.test(url) ? undefined : 'a path on this server must be plain';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (u.username || u.password) return 'no credentials in the URL: the request is signed';
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && httpLoopback && LOOPBACK.has(u.hostname)) return undefined;
  return 'the webhook must be https';
}

export class OrderWebhookClient {
  constructor(private readonly opts: OrderWebhookOptions) {}

  async lookup(hook: OrderWebhook, query: OrderQuery): Promise<OrderLookup> {
    const problem = webhookUrlProblem(hook.url, this.opts.httpLoopback);
    if (problem) return { kind: 'failed', why: problem };
    const base = hook.url.startsWith('/') ? this.opts.selfUrl() : '';
    if (base === undefined) return { kind: 'failed', why: 'this server is not listening yet' };
    const url = base + hook.url;
    const body = JSON.stringify(query.email ? { orderNumber: query.orderNumber, email: query.email } : { orderNumber: query.orderNumber });
    let last: OrderLookup = { kind: 'failed', why: 'not called' };
    for (let attempt = 0; attempt < 2; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
      const { result, retry } = await this.once(url, hook.secret, body);
      last = result;
      if (!retry) break;
    }
    return last;
  }

  private async once(url: string, secret: string, body: string): Promise<{ result: OrderLookup; retry: boolean }> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'user-agent': 'Bulle-order-status/1',
          'x-bulle-timestamp': timestamp,
          'x-bulle-signature': signWebhookBody(secret, timestamp, body),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      if (res.status === 404) {
        await res.body?.cancel();
        return { result: { kind: 'not-found' }, retry: false };
      }
      if (res.status !== 200) {
        await res.body?.cancel();
        return { result: { kind: 'failed', why: `HTTP ${res.status}` }, retry: res.status >= 500 || res.status === 429 };
      }
      const text = await readCapped(res, MAX_BODY_BYTES, this.opts.timeoutMs);
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        return { result: { kind: 'failed', why: 'the answer is not JSON' }, retry: false };
      }
      if (!checkStatus.Check(data)) {
        const first = checkStatus.Errors(data).First();
        return { result: { kind: 'failed', why: `bad answer: ${first?.path || '/'} ${first?.message ?? ''}` }, retry: false };
      }
      return { result: { kind: 'found', order: data }, retry: false };
    } catch (err) {
      const why = (err as Error).name === 'TimeoutError' ? 'timed out' : `request failed: ${(err as Error).message}`;
      return { result: { kind: 'failed', why }, retry: true };
    }
  }
}

/** The body as text, refusing more than `max` bytes (a shop's bug must not fill our memory). */
async function readCapped(res: Response, max: number, timeoutMs: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const deadline = setTimeout(() => void reader.cancel(), timeoutMs);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel();
        throw new Error(`the answer is over ${max} bytes`);
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(deadline);
  }
  return Buffer.concat(chunks).toString('utf8');
}
