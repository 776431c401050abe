// One Lua script run in Redis: by its digest (EVALSHA, a few bytes on the wire), loaded again
// with EVAL when Redis does not know it (a restart, SCRIPT FLUSH). A limit check must never
// wait on a Redis that is gone: when the client is not connected, or the answer takes longer than
// `timeoutMs`, the call rejects at once and the caller falls back to its process-local limit.
import { createHash } from 'node:crypto';
import type { RedisClient } from '../sockets/redis-adapter.js';

/** Long enough for a busy Redis, short enough that a request held up by a hung one still answers. */
export const LIMIT_TIMEOUT_MS = 1000;

export class RedisUnavailable extends Error {}

/** Redis did not answer in time; `answer` is its reply when it comes (a count it took may need undoing). */
export class RedisLate extends RedisUnavailable {
  constructor(
    message: string,
    readonly answer: Promise<unknown>,
  ) {
    super(message);
  }
}

export type LuaRunner = (keys: string[], args: string[]) => Promise<unknown>;

export function luaScript(redis: RedisClient, source: string, timeoutMs = LIMIT_TIMEOUT_MS): LuaRunner {
  const sha = createHash('sha1').update(source).digest('hex');
  const run = async (keys: string[], args: string[]) => {
    try {
      return await redis.evalSha(sha, { keys, arguments: args });
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return redis.eval(source, { keys, arguments: args });
    }
  };
  return (keys, args) => {
    // node-redis queues commands while it reconnects: a limit check must not queue with them.
    if (!redis.isReady) return Promise.reject(new RedisUnavailable('redis not connected'));
    let timer: NodeJS.Timeout | undefined;
    const answer = run(keys, args);
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RedisLate(`redis answered in more than ${timeoutMs} ms`, answer)), timeoutMs);
      timer.unref();
    });
    answer.catch(() => {}); // a late failure is nobody's to handle
    return Promise.race([answer, late]).finally(() => clearTimeout(timer));
  };
}

export interface WarnLogger {
  warn(obj: object, msg?: string): void;
}

/** A Redis outage fails every check: say so once a minute, not once per request. */
export function warnEveryMinute(log: WarnLogger, msg: string): (err: unknown) => void {
  let last = -Infinity;
  return (err) => {
    if (Date.now() - last < 60_000) return;
    last = Date.now();
    log.warn({ err }, msg);
  };
}
