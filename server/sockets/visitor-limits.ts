// Visitor flood control: per connection, `message:send` draws from a token bucket of
// BULLE_VISITOR_MSG_PER_SEC (burst BULLE_VISITOR_MSG_BURST); every other packet, known command or
// not, shares a looser bucket (typing and read marks are chattier but cheap; an unknown event
// costs a lookup, and a flood of them once slowed everyone's acks). An empty bucket answers
// RATE_LIMITED without running the handler; other visitors are unaffected.
// Per connection, not per visitor: connections per address are capped separately.
import type { Socket } from 'socket.io';
import { ERR, VISITOR_CMD } from '../../protocol/events.js';
import type { Ack } from '../../protocol/types.js';
import { TokenBucket } from './token-bucket.js';

/** Everything else a visitor sends: a fixed multiple of the message rate. */
const OTHER_FACTOR = 4;

export function limitVisitorPackets(socket: Socket, perSecond: number, burst: number): void {
  const messages = new TokenBucket(perSecond, burst);
  const other = new TokenBucket(perSecond * OTHER_FACTOR, burst * OTHER_FACTOR);
  socket.use((packet, next) => {
    const bucket = packet[0] === VISITOR_CMD.messageSend ? messages : other;
    if (bucket.take()) return next();
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function') {
      const seconds = Math.max(1, Math.ceil(bucket.retryAfterMs() / 1000));
      (ack as (a: Ack<never>) => void)({
        ok: false,
        error: { code: ERR.rateLimited, message: `Too many messages: wait ${seconds} s and retry.` },
      });
    }
    // next() is not called: the packet is dropped.
  });
}
