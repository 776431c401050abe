// Token buckets shared by every server through Redis: per address (new connections per minute)
// and per visitor (`conversation:sync`), so a client spread over N servers gets one server's
// allowance, not N. The refill and the take are one Lua script on Redis's own clock (servers'
// clocks may disagree; Redis's is one), one round-trip per check. A bucket's key expires when it
// would be full again: a missing key is a full bucket.
// Redis unreachable or slow: the check falls back to this server's own bucket (the limits one
// server had before they were shared), neither refusing everyone nor lifting the limit.
import type { RedisClient } from '../sockets/redis-adapter.js';
import type { Buckets, Take } from '../sockets/local-limits.js';
import { luaScript, warnEveryMinute, type LuaRunner, type WarnLogger } from './lua-script.js';

// KEYS[1]: the bucket, a hash {t: tokens, at: ms}. ARGV: rate per ms, burst, tokens wanted.
// Returns {tokens granted, ms until the next token when fewer than wanted}.
const TAKE = `
local clock = redis.call('time')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local rate, burst, want = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local b = redis.call('hmget', KEYS[1], 't', 'at')
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local got = math.min(want, math.floor(tokens))
tokens = tokens - got
redis.call('hset', KEYS[1], 't', tostring(tokens), 'at', now)
redis.call('pexpire', KEYS[1], math.ceil((burst - tokens) / rate) + 1000)
local wait = 0
if got < want then wait = math.ceil((1 - tokens) / rate) end
return {got, wait}`;

export const LIMIT_PREFIX = 'bulle:lim:';
const TAKEN: Take = { ok: true };

export class SharedBuckets implements Buckets {
  private readonly run: LuaRunner;
  private readonly onError: (err: unknown) => void;

  constructor(
    redis: RedisClient,
    /** What the buckets count (`sync`, `handshake`): part of every key. */
    private readonly name: string,
    private readonly ratePerSecond: number,
    private readonly burst: number,
    /** This server's own buckets, used while Redis cannot answer. */
    private readonly fallback: Buckets,
    log: WarnLogger,
  ) {
    this.run = luaScript(redis, TAKE);
    this.onError = warnEveryMinute(log, `shared ${name} limit unavailable: this server's own limit applies`);
  }

  async take(key: string): Promise<Take> {
    try {
      const [got, wait] = (await this.run([`${LIMIT_PREFIX}${this.name}:${key}`], [String(this.ratePerSecond / 1000), String(this.burst), '1'])) as number[];
      return Number(got) >= 1 ? TAKEN : { ok: false, retryAfterMs: Number(wait) };
    } catch (err) {
      this.onError(err);
      return this.fallback.take(key);
    }
  }
}
