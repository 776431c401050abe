// A shop's order event, as it arrives at POST /api/sites/:siteId/order-events: signed like our
// calls to the shop's order webhook (HMAC-SHA256 over "<timestamp>.<body>" with that webhook's
// secret, headers X-Bulle-Timestamp and X-Bulle-Signature), checked against the exact bytes sent,
// refused when the timestamp is not within a few minutes of ours (a replayed request), then
// validated and stored once per eventId (the shop retries: a repeat answers the same and sends
// nothing twice).
import { timingSafeEqual } from 'node:crypto';
import { ERR } from '../../../protocol/events.js';
import { OrderEventSchema } from '../../../protocol/follow-up-schemas.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { OrderEventRecord } from '../../storage/records.js';
import { validate } from '../../sockets/command.js';
import { AppError } from '../app-error.js';
import { normaliseEmail, normaliseOrder } from '../customer/customer-history.js';
import { signWebhookBody } from '../orders/order-webhook.js';

/** How far the request's timestamp may be from our clock, either way. */
export const MAX_SKEW_S = 300;

export interface OrderEventAnswer {
  eventId: string;
  orderNumber: string;
  status: OrderEventRecord['status'];
  /** When we first received it: the same for a repeat. */
  receivedAt: string;
}

export interface SignedRequest {
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
}

/** Throws UNAUTHORIZED (401) unless `req` carries our scheme's signature with `secret`, fresh. */
export function checkSignature(secret: string | undefined, req: SignedRequest, now = Date.now()): void {
  if (!secret) throw new AppError(ERR.unauthorized, 'This site has no order webhook secret yet: an admin sets the order webhook in the console');
  const ts = req.timestamp ?? '';
  if (!/^\d{1,12}$/.test(ts)) throw new AppError(ERR.unauthorized, 'X-Bulle-Timestamp: missing or not Unix seconds');
  if (Math.abs(now / 1000 - Number(ts)) > MAX_SKEW_S) throw new AppError(ERR.unauthorized, `X-Bulle-Timestamp: more than ${MAX_SKEW_S} s from our clock (a replayed request, or a wrong clock)`);
  const given = Buffer.from(req.signature ?? '');
  const expected = Buffer.from(signWebhookBody(secret, ts, req.body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError(ERR.unauthorized, 'X-Bulle-Signature: does not match the body with this site\'s secret');
}

export async function receiveOrderEvent(store: ChatStore, siteId: string, req: SignedRequest): Promise<OrderEventAnswer> {
  const site = await store.getSite(siteId);
  if (!site || site.disabled) throw new AppError(ERR.unknownSite, `Unknown site "${siteId}"`);
  checkSignature(site.orderWebhook?.secret, req);
  let data: unknown;
  try {
    data = JSON.parse(req.body);
  } catch {
    throw new AppError(ERR.badPayload, 'body: not JSON');
  }
  const input = validate(OrderEventSchema, data);
  const receivedAt = Date.now();
  const at = input.at ? Date.parse(input.at) : receivedAt;
  if (!Number.isFinite(at)) throw new AppError(ERR.badPayload, '/at: not a date');
  const { email, id } = input.customer;
  const record: OrderEventRecord = {
    siteId,
    eventId: input.eventId,
    orderNumber: normaliseOrder(input.orderNumber),
    customer: { ...(id !== undefined ? { id } : {}), ...(email !== undefined ? { email: normaliseEmail(email) } : {}) },
    status: input.status,
    ...(input.carrier ? { carrier: input.carrier } : {}),
    ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}),
    at,
    receivedAt,
  };
  const { event } = await store.addOrderEvent(record);
  return { eventId: event.eventId, orderNumber: event.orderNumber, status: event.status, receivedAt: new Date(event.receivedAt).toISOString() };
}
