// The log-in throttle shared by every server through Redis, so N servers do not give a guesser N
// times the failures. The same rules as the process-local throttle (plugins/login-throttle.ts):
// an attempt counts as a failure from the moment it starts (a success takes it back), one attempt
// at a time per address and per e-mail, 429 once `maxFailures` fall within the window. The check
// and the count are one Lua script, so two servers cannot both let a guess through between them.
// The cap on password checks in flight stays per server: it protects this server's hashing thread.
import { randomUUID } from 'node:crypto';
import type { LoginAttempt } from '../plugins/login-throttle.js';
import { MAX_LOGINS_IN_FLIGHT } from '../plugins/login-throttle.js';
import type { RedisClient } from '../sockets/redis-adapter.js';

/** An attempt's hold on its e-mail and address: long enough for any password check, released at its end. */
const BUSY_MS = 30_000;
const BUSY_RETRY_MS = 1000;

// KEYS: failures of the e-mail, of the address; busy marks of the e-mail, of the address
// (address keys empty when the address is exempt). ARGV: now, window, maxFailures, attempt id, busy ms.
// Returns {wait ms} when blocked, {-1} when busy, {0} when the attempt is counted and may go ahead.
const BEGIN = `
local now, window, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local wait = 0
for i = 1, 2 do
  local k = KEYS[i]
  if k ~= '' then
    redis.call('zremrangebyscore', k, '-inf', now - window)
    local n = redis.call('zcard', k)
    if n >= max then
      local oldest = redis.call('zrange', k, n - max, n - max, 'withscores')
      wait = math.max(wait, math.max(1, tonumber(oldest[2]) + window - now))
    end
  end
end
if wait > 0 then return {wait} end
for i = 3, 4 do
  if KEYS[i] ~= '' and redis.call('exists', KEYS[i]) == 1 then return {-1} end
end
for i = 1, 2 do
  if KEYS[i] ~= '' then
    redis.call('set', KEYS[i + 2], ARGV[4], 'px', ARGV[5])
    redis.call('zadd', KEYS[i], now, ARGV[4])
    redis.call('pexpire', KEYS[i], window)
  end
end
return {0}`;

export class SharedLoginThrottle {
  private checking = 0;

  constructor(
    private readonly redis: RedisClient,
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly maxInFlight = MAX_LOGINS_IN_FLIGHT,
  ) {}

  async begin(ip: string | undefined, email: string): Promise<{ attempt: LoginAttempt } | { waitMs: number }> {
    if (this.checking >= this.maxInFlight) return { waitMs: BUSY_RETRY_MS };
    const who = email.trim().toLowerCase();
    const [failEmail, failIp, busyEmail, busyIp] = [`bulle:login:fail:email:${who}`, ip ? `bulle:login:fail:ip:${ip}` : '', `bulle:login:busy:email:${who}`, ip ? `bulle:login:busy:ip:${ip}` : ''];
    const id = randomUUID();
    // Counted before the await, so this server's own flood cannot pass the cap while Redis answers.
    this.checking++;
    let result: number;
    try {
      const reply = (await this.redis.eval(BEGIN, {
        keys: [failEmail, failIp, busyEmail, busyIp],
        arguments: [String(Date.now()), String(this.windowMs), String(this.maxFailures), id, String(BUSY_MS)],
      })) as number[];
      result = Number(reply[0]);
    } catch (err) {
      this.checking--;
      throw err;
    }
    if (result !== 0) {
      this.checking--;
      return { waitMs: result < 0 ? BUSY_RETRY_MS : result };
    }
    let done = false;
    const end = async (success: boolean) => {
      if (done) return;
      done = true;
      this.checking--;
      const m = this.redis.multi().del(busyEmail);
      if (busyIp) m.del(busyIp);
      // A good password clears that e-mail's failures, and takes back only this attempt's count
      // on the address (one known account must not reset an address).
      if (success) {
        m.del(failEmail);
        if (failIp) m.zRem(failIp, id);
      }
      await m.exec().catch(() => {});
    };
    return { attempt: { succeeded: () => void end(true), failed: () => void end(false) } };
  }
}
