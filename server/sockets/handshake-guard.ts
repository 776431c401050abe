// The Socket.IO handshake before any namespace runs (issue 5, "Access" and "Limits"):
// `allowRequest` refuses a page origin that neither the console nor any site accepts, and an
// address that already holds BULLE_MAX_CONN_PER_IP connections (HTTP 403 from engine.io; a
// browser only sees a failed WebSocket). Then per namespace: /agent only from the console's
// origin, /visitor per site (visitor-namespace.ts, through `visitor` below).
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { ERR, NS } from '../protocol/events.js';
import type { Config } from '../config.js';
import type { OriginPolicy } from '../plugins/origins.js';
import type { SiteRecord } from '../storage/records.js';
import { clientAddress, isLoopback } from './client-address.js';
import { connectError, type Logger } from './command.js';
import { limitVisitorPackets } from './visitor-limits.js';

export interface VisitorGuard {
  originAllowed(site: SiteRecord, socket: Socket): boolean;
  /** Per-connection token buckets on the visitor's commands (RATE_LIMITED acks). */
  limit(socket: Socket): void;
}

export interface SocketGuard {
  allowRequest: NonNullable<ServerOptions['allowRequest']>;
  /** Count connections and add the /agent origin check; call before the namespaces are set up. */
  attach(io: Server): void;
  visitor: VisitorGuard;
  /** Open connections per address (tests and diagnostics). */
  openConnections(ip: string): number;
}

export function createSocketGuard(deps: { config: Config; origins: OriginPolicy; log: Logger }): SocketGuard {
  const { config, origins } = deps;
  const max = config.maxConnectionsPerIp;
  const open = new Map<string, number>();
  /** Handshakes allowed but not yet connected: released on connection, on error or when the TCP socket goes. */
  const pending = new Map<IncomingMessage, string>();

  const release = (ip: string) => {
    const n = (open.get(ip) ?? 1) - 1;
    if (n > 0) open.set(ip, n);
    else open.delete(ip);
  };
  const releasePending = (req: IncomingMessage) => {
    const ip = pending.get(req);
    if (ip === undefined) return;
    pending.delete(req);
    release(ip);
  };

  return {
    allowRequest(req, callback) {
      if (!origins.anywhere(req.headers)) return callback('Origin not allowed', false);
      const ip = clientAddress(req, config.trustProxy);
      if (max === 0 || isLoopback(ip)) return callback(null, true);
      const n = open.get(ip) ?? 0;
      if (n >= max) {
        deps.log.warn({ ip, max }, 'connection limit per address reached');
        return callback('Too many connections from this address', false);
      }
      open.set(ip, n + 1);
      pending.set(req, ip);
      req.socket.once('close', () => releasePending(req));
      callback(null, true);
    },

    attach(io) {
      io.engine.on('connection', (raw: { request: IncomingMessage; once(e: 'close', fn: () => void): void }) => {
        const ip = pending.get(raw.request);
        if (ip === undefined) return;
        pending.delete(raw.request);
        raw.once('close', () => release(ip));
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
    },

    openConnections: (ip) => open.get(ip) ?? 0,
  };
}
