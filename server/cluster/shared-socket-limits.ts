// The socket limits of servers sharing Redis: open connections and new connections per address,
// and `conversation:sync` per visitor, counted across every server (the handshake guard and the
// visitor namespace check them through the same interface as the process-local ones).
// Each falls back to this server's own count while Redis cannot answer.
// Per-connection packet buckets (sockets/visitor-limits.ts) stay in the process: a connection
// lives on one server, and with the connections per address capped across servers, an address's
// whole allowance no longer grows with the number of servers.
import type { Config } from '../config.js';
import type { RedisClient } from '../sockets/redis-adapter.js';
import { localSocketLimits, type SocketLimits } from '../sockets/handshake-guard.js';
import { SYNC_PAGE_BURST, SYNC_PAGES_PER_SECOND } from '../sockets/sync-limit.js';
import { SharedBuckets } from './shared-buckets.js';
import { SharedConnections } from './shared-connections.js';
import type { WarnLogger } from './lua-script.js';

export interface SharedSocketLimits {
  limits: SocketLimits;
  stop(): Promise<void>;
}

export async function shareSocketLimits(redis: RedisClient, config: Config, log: WarnLogger): Promise<SharedSocketLimits> {
  const local = localSocketLimits(config);
  const connections = new SharedConnections(redis, config.maxConnectionsPerIp, log);
  await connections.start();
  const perMinute = config.connectionsPerMinute;
  return {
    limits: {
      connections,
      handshakes: local.handshakes && new SharedBuckets(redis, 'handshake', perMinute / 60, perMinute, local.handshakes, log),
      sync: new SharedBuckets(redis, 'sync', SYNC_PAGES_PER_SECOND, SYNC_PAGE_BURST, local.sync, log),
    },
    stop: () => connections.stop(),
  };
}
