// The client's address for per-address limits. Behind reverse proxies every connection comes from
// the nearest proxy, and X-Forwarded-For lists the hops before it, leftmost first. Anyone can
// write that header, so only the hops our own proxies appended count: the client is the first
// address, reading from the right, that is not one of our proxies (as proxy-addr defines it for
// Express and Fastify). BULLE_TRUST_PROXY names the proxies: a hop count or addresses/CIDRs.
import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/** false: no proxy; n: the n nearest hops are ours; a list: these addresses or ranges are ours. */
export type TrustProxy = boolean | number | readonly string[];
/** proxy-addr's question: is the address at this hop (0 = the peer of the socket) one of our proxies? */
export type TrustFn = (address: string, hop: number) => boolean;

/** `true` means one proxy in front (its own peer): trusting every hop would let a client pick its address. */
export function trustFunction(trust: TrustProxy): TrustFn {
  if (trust === false || trust === 0) return () => false;
  if (trust === true) return (_a, hop) => hop < 1;
  if (typeof trust === 'number') return (_a, hop) => hop < trust;
  return proxyAddr.compile([...trust]);
}

export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trust: TrustFn): string {
  return proxyAddr(req as IncomingMessage, trust) ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * Loopback is exempt from per-address limits: load benchmarks and health checks run there. Only a
 * real loopback peer whose address was not taken from a forwarded header: a client behind a
 * same-host proxy is limited like any other.
 */
export function isExemptPeer(peer: string | undefined, client: string): boolean {
  return peer !== undefined && peer === client && isLoopback(client);
}

export const isLoopback = (ip: string) => ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
