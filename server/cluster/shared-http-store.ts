// The store @fastify/rate-limit counts HTTP requests in when servers share Redis: the library's
// own fixed window (INCR, and PEXPIRE on the window's first request, in one Lua script: one
// round-trip), so an address spread over N servers gets BULLE_HTTP_RATE_PER_MIN in all, not N times
// it. The library's bundled Redis store needs ioredis; this server speaks node-redis (the adapter's
// client), hence this small store. Redis unreachable or slow: this server's own window applies.
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { LRUCache } from 'lru-cache';
import type { RedisClient } from '../sockets/redis-adapter.js';
import { luaScript, warnEveryMinute, type LuaRunner, type WarnLogger } from './lua-script.js';
import { LIMIT_PREFIX } from './shared-buckets.js';

type Incr = FastifyRateLimitStore['incr'];

// KEYS[1]: the address's counter. ARGV: window ms. Returns {count, ms left in the window}.
const INCR = `
local n = redis.call('incr', KEYS[1])
local ttl
if n == 1 then
  redis.call('pexpire', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
else
  ttl = redis.call('pttl', KEYS[1])
  if ttl < 0 then
    redis.call('pexpire', KEYS[1], ARGV[1])
    ttl = tonumber(ARGV[1])
  end
end
return {n, ttl}`;

/** This server's own windows, while Redis cannot answer: the addresses of one busy minute. */
class LocalWindows {
  private readonly windows = new LRUCache<string, { count: number; endsAt: number }>({ max: 10_000 });

  incr(key: string, windowMs: number): { current: number; ttl: number } {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || w.endsAt <= now) this.windows.set(key, (w = { count: 0, endsAt: now + windowMs }));
    w.count++;
    return { current: w.count, ttl: w.endsAt - now };
  }
}

/** A store class bound to one Redis client: the library constructs it itself. */
export function sharedHttpStore(redis: RedisClient, log: WarnLogger) {
  const run: LuaRunner = luaScript(redis, INCR);
  const onError = warnEveryMinute(log, 'shared HTTP limit unavailable: this server counts its own');
  const local = new LocalWindows();

  return class SharedHttpStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = `${LIMIT_PREFIX}http:`,
    ) {}

    incr(key: string, callback: Parameters<Incr>[1], timeWindow: number, _max: number): void {
      const k = this.prefix + key;
      run([k], [String(timeWindow)]).then(
        (reply) => {
          const [current, ttl] = reply as number[];
          callback(null, { current: Number(current), ttl: Number(ttl) });
        },
        (err) => {
          onError(err);
          callback(null, local.incr(k, timeWindow));
        },
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      return new SharedHttpStore(undefined, `${this.prefix}${routeOptions.method}${routeOptions.url}-`);
    }
  };
}
