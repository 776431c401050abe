// Open Socket.IO connections per client address, counted in Redis across every server, so the cap
// (BULLE_MAX_CONN_PER_IP) holds for the whole cluster. Each address is a hash of counts by server;
// each server says it is alive in `bulle:lim:nodes` (its deadline, renewed every few seconds). A
// server that died (`kill -9`) stops renewing: its counts stop counting once its deadline passes,
// and the next check on that address deletes them. A server stopping cleanly removes itself at once.
// Check and count are one Lua script (one round-trip): two servers cannot both take the last slot.
// Redis unreachable or slow: this server's own count applies (the cap one server had before).
import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../sockets/redis-adapter.js';
import { LocalConnections, type ConnectionCounts, type Release } from '../sockets/local-limits.js';
import { luaScript, RedisLate, warnEveryMinute, type LuaRunner, type WarnLogger } from './lua-script.js';
import { LIMIT_PREFIX } from './shared-buckets.js';

/** How long a silent server's counts still count, and how often a live one says it is alive. */
export const NODE_TTL_MS = 15_000;
const HEARTBEAT_MS = 3_000;
/** An address hash nobody touched for this long is dropped (its counts are at worst a day stale). */
const ADDRESS_TTL_MS = 24 * 3600_000;
const NODES_KEY = `${LIMIT_PREFIX}nodes`;

const NOW = `local clock = redis.call('time')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)`;

// KEYS: the address's counts, the nodes. ARGV: this node, max, address ttl.
// Returns 1 (counted) or 0 (the address holds max already).
const ACQUIRE = `${NOW}
local counts = redis.call('hgetall', KEYS[1])
local total = 0
for i = 1, #counts, 2 do
  local node = counts[i]
  local deadline = tonumber(redis.call('hget', KEYS[2], node) or '0')
  if node ~= ARGV[1] and deadline < now then
    redis.call('hdel', KEYS[1], node)
  else
    total = total + tonumber(counts[i + 1])
  end
end
if total >= tonumber(ARGV[2]) then return 0 end
redis.call('hincrby', KEYS[1], ARGV[1], 1)
redis.call('pexpire', KEYS[1], ARGV[3])
return 1`;

// KEYS: the address's counts. ARGV: this node. (Below zero: another server deleted our counts
// while we looked dead; the field goes.)
const RELEASE = `
local n = redis.call('hincrby', KEYS[1], ARGV[1], -1)
if n <= 0 then redis.call('hdel', KEYS[1], ARGV[1]) end
return n`;

// KEYS: the nodes. ARGV: this node, ttl. Renews this node's deadline and forgets long-dead nodes.
// Returns 1 when this node's deadline had passed (the others may have deleted its counts), else 0.
const HEARTBEAT = `${NOW}
local lapsed = tonumber(redis.call('hget', KEYS[1], ARGV[1]) or '0') < now
local all = redis.call('hgetall', KEYS[1])
for i = 1, #all, 2 do
  if tonumber(all[i + 1]) < now - ARGV[2] * 10 then redis.call('hdel', KEYS[1], all[i]) end
end
redis.call('hset', KEYS[1], ARGV[1], now + ARGV[2])
if lapsed then return 1 end
return 0`;

export class SharedConnections implements ConnectionCounts {
  /** This server's own connections, shared-counted or not: the cap while Redis cannot answer. */
  private readonly here: LocalConnections;
  /** Those of them counted in Redis: what this server writes back when its counts lapsed. */
  private readonly counted = new LocalConnections(0);
  private readonly nodeId = randomUUID();
  private readonly acquireScript: LuaRunner;
  private readonly releaseScript: LuaRunner;
  private readonly heartbeatScript: LuaRunner;
  private readonly onError: (err: unknown) => void;
  private timer: NodeJS.Timeout | undefined;
  /** Releases Redis did not take (it was away): retried with each heartbeat, or the slots would leak. */
  private readonly owed = new Map<string, number>();

  constructor(
    private readonly redis: RedisClient,
    private readonly max: number,
    log: WarnLogger,
    /** Shorter in tests, which play a server that stops renewing. */
    private readonly timing = { nodeTtlMs: NODE_TTL_MS, heartbeatMs: HEARTBEAT_MS },
  ) {
    this.here = new LocalConnections(max);
    this.acquireScript = luaScript(redis, ACQUIRE);
    this.releaseScript = luaScript(redis, RELEASE);
    this.heartbeatScript = luaScript(redis, HEARTBEAT);
    this.onError = warnEveryMinute(log, 'shared connection counts unavailable: this server counts its own');
  }

  /** Say this server is alive before its first count, then every few seconds. */
  async start(): Promise<void> {
    await this.heartbeat();
    this.timer = setInterval(() => void this.heartbeat(), this.timing.heartbeatMs);
    this.timer.unref();
  }

  /** Stop counting: this server's counts stop counting everywhere at once. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.redis.isReady) await this.redis.hDel(NODES_KEY, this.nodeId).catch(() => {});
  }

  async acquire(ip: string): Promise<Release | null> {
    const key = `${LIMIT_PREFIX}conn:${ip}`;
    let counted: boolean;
    try {
      counted = Number(await this.acquireScript([key, NODES_KEY], [this.nodeId, String(this.max), String(ADDRESS_TTL_MS)])) === 1;
    } catch (err) {
      this.onError(err);
      // Counted after all, once we had stopped waiting: this connection is counted here instead.
      if (err instanceof RedisLate) void err.answer.then((n) => Number(n) === 1 && this.giveBack(key), () => {});
      return this.here.acquire(ip);
    }
    if (!counted) return null;
    const releaseHere = this.here.add(ip);
    const releaseCounted = this.counted.add(ip);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      releaseHere();
      releaseCounted();
      this.giveBack(key);
    };
  }

  /** Give a slot back in Redis; if Redis is away, owe it until the next heartbeat. */
  private giveBack(key: string): void {
    this.releaseScript([key], [this.nodeId]).catch((err) => {
      this.onError(err);
      this.owed.set(key, (this.owed.get(key) ?? 0) + 1);
    });
  }

  local(ip: string): number {
    return this.here.local(ip);
  }

  /**
   * Redis was away longer than our deadline: other servers may have deleted our counts. Write them
   * back as they are now (which also settles the releases Redis missed). An acquire in flight at
   * that moment may be written over, one connection too few until it closes: rare and harmless.
   */
  private async recount(): Promise<void> {
    const writes: Promise<unknown>[] = [];
    for (const [ip, n] of this.counted.entries()) {
      const key = `${LIMIT_PREFIX}conn:${ip}`;
      this.owed.delete(key);
      writes.push(this.redis.multi().hSet(key, this.nodeId, n).pExpire(key, ADDRESS_TTL_MS).exec());
    }
    // Addresses whose connections all closed while Redis was away: nothing of ours left there.
    for (const key of this.owed.keys()) writes.push(this.redis.hDel(key, this.nodeId));
    this.owed.clear();
    await Promise.all(writes).catch(this.onError);
  }

  private async heartbeat(): Promise<void> {
    let lapsed: boolean;
    try {
      lapsed = Number(await this.heartbeatScript([NODES_KEY], [this.nodeId, String(this.timing.nodeTtlMs)])) === 1;
    } catch (err) {
      this.onError(err);
      return;
    }
    if (lapsed) return this.recount();
    for (const [key, n] of [...this.owed]) {
      this.owed.delete(key);
      for (let i = 0; i < n; i++) {
        await this.releaseScript([key], [this.nodeId]).catch(() => this.owed.set(key, (this.owed.get(key) ?? 0) + 1));
      }
    }
  }
}
