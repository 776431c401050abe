// Login throttling (issue 5, "Agent sessions"): after `maxFailures` failed log-ins within
// `windowMs`, from one address or for one e-mail, further attempts get 429 until the window
// of the oldest failure has passed. Checked before the password is hashed, so a flood costs
// no scrypt time. Per e-mail too, because a botnet has many addresses; the price is that
// someone who knows an agent's e-mail can keep them out for a window at a time (a restart
// clears the counts).
// Process-local on purpose: behind several servers each counts its own attempts (a
// `maxFailures × servers` ceiling), which still defeats guessing.

/** Bounded: beyond this many keys, expired ones are swept, then the oldest dropped. */
const MAX_KEYS = 50_000;

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when an attempt may go ahead, otherwise the milliseconds to wait. */
  retryAfterMs(ip: string | undefined, email: string): number {
    return Math.max(ip ? this.blockedFor(`ip:${ip}`) : 0, this.blockedFor(emailKey(email)));
  }

  recordFailure(ip: string | undefined, email: string): void {
    if (ip) this.push(`ip:${ip}`);
    this.push(emailKey(email));
  }

  /** A good password clears that e-mail's failures (not the address's: one known account must not reset it). */
  recordSuccess(email: string): void {
    this.failures.delete(emailKey(email));
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  private blockedFor(key: string): number {
    const list = this.recent(key);
    if (list.length < this.maxFailures) return 0;
    return Math.max(1, list[list.length - this.maxFailures]! + this.windowMs - this.now());
  }

  private push(key: string): void {
    const list = this.recent(key);
    // Keep only what the decision needs: the last maxFailures timestamps.
    list.push(this.now());
    if (list.length > this.maxFailures) list.splice(0, list.length - this.maxFailures);
    this.failures.delete(key);
    this.failures.set(key, list);
    if (this.failures.size > MAX_KEYS) this.sweep();
  }

  private sweep(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
    // Map order is insertion order and push() re-inserts: the first keys are the stalest.
    for (const key of this.failures.keys()) {
      if (this.failures.size <= MAX_KEYS * 0.9) break;
      this.failures.delete(key);
    }
  }
}

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
