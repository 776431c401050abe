// The client's address for per-address limits. Behind a reverse proxy every connection comes
// from the proxy, so with BULLE_TRUST_PROXY the first X-Forwarded-For entry counts (as
// Fastify's trustProxy does for HTTP).
import type { IncomingMessage } from 'node:http';

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = req.headers['x-forwarded-for'];
    const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * Loopback is exempt from per-address limits: load benchmarks and health checks run there.
 * A proxy on the same host must therefore set BULLE_TRUST_PROXY, or nobody is limited (README).
 */
export const isLoopback = (ip: string) => ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
