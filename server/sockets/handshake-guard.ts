// The Socket.IO handshake before any namespace runs:
// `allowRequest` refuses a page origin that neither the console nor any site accepts, and an
// address that already holds BULLE_MAX_CONN_PER_IP connections (HTTP 403 from engine.io; a
// browser only sees a failed WebSocket). Then per namespace: /agent only from the console's
// origin, /visitor per site (visitor-namespace.ts, through `visitor` below).
// Once connected, a client keeps only the handshake data the namespaces read (HANDSHAKE_HEADERS),
// not the whole HTTP request: that is a few KB per connection, tens of MB at 10,000 visitors.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { ERR, NS } from '../../protocol/events.js';
import { TokenBucket } from './token-bucket.js';
import type { Config } from '../config.js';
import type { OriginPolicy } from './origin-policy.js';
import type { SiteRecord } from '../storage/records.js';
import { clientAddress, isExemptPeer, trustFunction } from './client-address.js';
import { connectError, type Logger } from './command.js';
import { limitVisitorPackets } from './visitor-limits.js';
import { LocalConnections, type Buckets, type ConnectionCounts, type Release, type Take } from './local-limits.js';
import { localSyncBuckets } from './sync-limit.js';

type Handshake = Socket['handshake'];

export interface VisitorGuard {
  originAllowed(site: SiteRecord, socket: Socket): boolean;
  /** Per-connection token buckets on the visitor's commands (RATE_LIMITED acks). */
  limit(socket: Socket): void;
  /** The per-visitor buckets of `conversation:sync`. */
  sync: Buckets;
}

export interface SocketGuard {
  allowRequest: NonNullable<ServerOptions['allowRequest']>;
  /** Count connections and add the /agent origin check; call before the namespaces are set up. */
  attach(io: Server): void;
  visitor: VisitorGuard;
  /** Open connections per address on this server (tests and diagnostics). */
  openConnections(ip: string): number;
}

/**
 * The request headers the namespaces read from `socket.handshake.headers`: origins.ts (origin,
 * host, x-forwarded-host), agent-namespace.ts (cookie), visitor-namespace.ts (accept-language,
 * user-agent). Any other header is gone once the client is connected: add it here to read it.
 */
export const HANDSHAKE_HEADERS = ['origin', 'host', 'x-forwarded-host', 'cookie', 'accept-language', 'user-agent'] as const;

/**
 * What Socket.IO reads from the Engine.IO request when a namespace connects (Socket#buildHandshake:
 * headers, url, _query, connection.encrypted), copied out so that the request can be collected.
 * Socket.IO's memory guide sets the request to null instead, but then a namespace connecting after
 * the Engine.IO handshake (all of them) sees no headers: no Origin means "allowed" to origins.ts.
 */
function handshakeOnly(req: IncomingMessage): IncomingMessage {
  const headers: Record<string, string | string[]> = {};
  for (const name of HANDSHAKE_HEADERS) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const query = (req as IncomingMessage & { _query?: unknown })._query;
  return { headers, url: req.url, _query: query, connection: { encrypted: Boolean((req.socket as TLSSocket | undefined)?.encrypted) } } as unknown as IncomingMessage;
}

/**
 * Engine.IO's WebSocket upgrade leaves two listeners for the connection's whole life: a "close"
 * listener on the TCP socket that re-emits it on an upgrade response made for HTTP middlewares
 * (Bulle gives Engine.IO none), which holds that response and the request; and an "error"
 * listener on the WebSocket that only logs in debug mode (what they held per connection:
 * docs/2026-12-07-memory-third-pass.md). Both are recognised by their shape; if a version of
 * Engine.IO adds them differently, nothing is removed (tests/security/upgrade-leftovers.test.ts
 * then says so).
 */
function dropUpgradeLeftovers(req: IncomingMessage): void {
  const socket = req.socket;
  for (const fn of socket.listeners('close')) {
    if (fn.name === '' && /^\(\)\s*=>\s*this\.emit\("close"\)$/.test(String(fn))) socket.removeListener('close', fn as () => void);
  }
  const ws = (req as IncomingMessage & { websocket?: { listeners(e: string): Function[]; removeListener(e: string, fn: Function): void } }).websocket;
  // Only beside the transport's own: a WebSocket with no "error" listener would crash the process.
  const errors = ws?.listeners('error') ?? [];
  if (errors.length > 1) for (const fn of errors) if (fn.name === 'onUpgradeError') ws!.removeListener('error', fn);
  // The request keeps the WebSocket (Engine.IO sets it there): not needed once connected.
  if (ws) delete (req as { websocket?: unknown }).websocket;
}

/**
 * A connected visitor's handshake has said all it had to: what the namespace read of it is in
 * socket.data. Left, it would hold the auth (the visitor's token among it), the query and the
 * time, for every visitor as long as they stay. The headers stay, shared with the Engine.IO request (handshakeOnly),
 * for a namespace that connects later on the same connection.
 */
export function settleHandshake(socket: { handshake: Handshake }): void {
  const { headers, address, secure, xdomain, issued } = socket.handshake;
  socket.handshake = { headers, address, secure, xdomain, issued, time: '', url: '', query: EMPTY_QUERY, auth: {} };
}
const EMPTY_QUERY = Object.freeze({}) as Handshake['query'];

/**
 * Where the per-address and per-visitor counts live: this process (`localSocketLimits`), or Redis
 * shared by every server (server/cluster/shared-socket-limits.ts).
 */
export interface SocketLimits {
  connections: ConnectionCounts;
  /** New connections per address; null when BULLE_CONN_PER_MIN is 0. */
  handshakes: Buckets | null;
  /** `conversation:sync` per visitor (sync-limit.ts). */
  sync: Buckets;
}

export function localSocketLimits(config: Config): SocketLimits {
  return { connections: new LocalConnections(config.maxConnectionsPerIp), handshakes: handshakeRate(config.connectionsPerMinute), sync: localSyncBuckets() };
}

export function createSocketGuard(deps: { config: Config; origins: OriginPolicy; log: Logger; limits?: SocketLimits }): SocketGuard {
  const { config, origins } = deps;
  const max = config.maxConnectionsPerIp;
  const trust = trustFunction(config.trustProxy);
  const limits = deps.limits ?? localSocketLimits(config);
  /**
   * Handshakes allowed but not yet connected: released on connection, on error or when the TCP
   * socket goes (that listener is removed on connection, or it would keep the request alive).
   */
  const pending = new Map<IncomingMessage, { release: Release; onClose: () => void }>();

  /** Forget a pending handshake; its slot's release, if it was pending. */
  const settle = (req: IncomingMessage) => {
    const p = pending.get(req);
    if (!p) return undefined;
    pending.delete(req);
    req.socket.off('close', p.onClose);
    return p.release;
  };
  const releasePending = (req: IncomingMessage) => settle(req)?.();

  /** The per-address checks; with shared limits each is a Redis round-trip, so this may wait. */
  const admit = async (req: IncomingMessage, ip: string): Promise<string | null> => {
    if (limits.handshakes && !(await limits.handshakes.take(ip)).ok) {
      deps.log.warn({ ip, perMinute: config.connectionsPerMinute }, 'connection rate per address reached');
      return 'Too many connection attempts from this address';
    }
    if (max === 0) return null;
    const release = await limits.connections.acquire(ip);
    if (!release) {
      deps.log.warn({ ip, max }, 'connection limit per address reached');
      return 'Too many connections from this address';
    }
    // Gone while the count was taken: nothing will ever connect or close for it.
    if (req.socket.destroyed) {
      release();
      return 'Connection closed';
    }
    const onClose = () => releasePending(req);
    pending.set(req, { release, onClose });
    req.socket.once('close', onClose);
    return null;
  };

  return {
    allowRequest(req, callback) {
      if (!origins.anywhere(req.headers)) return callback('Origin not allowed', false);
      const ip = clientAddress(req, trust);
      if (isExemptPeer(req.socket.remoteAddress, ip)) return callback(null, true);
      admit(req, ip).then(
        (refusal) => (refusal ? callback(refusal, false) : callback(null, true)),
        (err) => {
          deps.log.error({ err, ip }, 'connection limits failed');
          callback('Server error', false);
        },
      );
    },

    attach(io) {
      io.engine.on('connection', (raw: { request: IncomingMessage; once(e: 'close', fn: () => void): void }) => {
        const req = raw.request;
        raw.request = handshakeOnly(req);
        // Engine.IO's upgrade response keeps the request until the TCP socket closes (a "close"
        // listener): its header lists, the biggest part of it, are dropped here.
        req.rawHeaders = [];
        req.headers = {};
        dropUpgradeLeftovers(req);
        const release = settle(req);
        if (release) raw.once('close', release);
      });
      io.engine.on('connection_error', (e: { req: IncomingMessage }) => releasePending(e.req));
      io.of(NS.agent).use((socket, next) => {
        if (origins.console(socket.handshake.headers)) return next();
        next(connectError(ERR.badOrigin, 'The agent console is not served from this origin'));
      });
    },

    visitor: {
      originAllowed: (site, socket) => origins.widget(site, socket.handshake.headers),
      limit: (socket) => limitVisitorPackets(socket, config.visitorMessagesPerSecond, config.visitorMessageBurst),
      sync: limits.sync,
    },

    openConnections: (ip) => limits.connections.local(ip),
  };
}

/**
 * New connections per address: a token bucket per address (a minute's allowance, refilled
 * evenly), so an address that opens and drops sockets in a loop is refused long before the
 * open-connection cap notices it. Buckets that refilled are dropped once there are many.
 */
function handshakeRate(perMinute: number): Buckets | null {
  if (perMinute === 0) return null;
  const buckets = new Map<string, TokenBucket>();
  let sweptAt = 0;
  const take = (ip: string): Take => {
    let bucket = buckets.get(ip);
    if (!bucket) {
      // At most once a second: many addresses at once must not make every handshake a sweep.
      if (buckets.size >= BUCKETS_BEFORE_SWEEP && Date.now() - sweptAt > 1000) {
        sweptAt = Date.now();
        for (const [k, b] of buckets) if (b.isFull()) buckets.delete(k);
      }
      buckets.set(ip, (bucket = new TokenBucket(perMinute / 60, perMinute)));
    }
    return bucket.take() ? { ok: true } : { ok: false, retryAfterMs: bucket.retryAfterMs() };
  };
  return { take };
}
const BUCKETS_BEFORE_SWEEP = 10_000;
