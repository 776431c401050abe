// Which server owns routing: the one holding a short lease in Redis. The owner renews it well
// before it lapses; the others try to take it, so when the owner dies (kill -9, a lost network)
// another takes over within one lease and one retry. A clean stop gives the lease back at once.
import type { RedisClient as Redis } from '../sockets/redis-adapter.js';

export interface LeaseOptions {
  key?: string;
  ttlMs?: number;
  /** How often the owner renews and the others try; well under ttlMs. */
  everyMs?: number;
}

// Renew or release only what is still ours: compare and act in one step, inside Redis.
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export class Lease {
  private owner = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly key: string;
  private readonly ttlMs: number;
  private readonly everyMs: number;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    readonly nodeId: string,
    private readonly onChange: (owner: boolean) => void,
    opts: LeaseOptions = {},
  ) {
    this.key = opts.key ?? 'bulle:routing-owner';
    this.ttlMs = opts.ttlMs ?? 5_000;
    this.everyMs = opts.everyMs ?? 1_000;
  }

  get isOwner(): boolean {
    return this.owner;
  }

  start(): Promise<void> {
    this.timer = setInterval(() => void this.check(), this.everyMs);
    this.timer.unref();
    return this.check();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    if (this.owner) await this.redis.eval(RELEASE, { keys: [this.key], arguments: [this.nodeId] }).catch(() => {});
    this.set(false);
  }

  private check(): Promise<void> {
    this.running = this.running.then(async () => {
      try {
        if (this.owner) {
          const kept = await this.redis.eval(RENEW, { keys: [this.key], arguments: [this.nodeId, String(this.ttlMs)] });
          if (!kept) this.set(false);
        } else {
          const taken = await this.redis.set(this.key, this.nodeId, { NX: true, PX: this.ttlMs });
          if (taken === 'OK') this.set(true);
        }
      } catch {
        // Redis unreachable: an owner that cannot renew must assume another will take over.
        this.set(false);
      }
    });
    return this.running;
  }

  private set(owner: boolean) {
    if (owner === this.owner) return;
    this.owner = owner;
    this.onChange(owner);
  }
}
