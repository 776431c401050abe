// Login throttling: after `maxFailures` failed log-ins within `windowMs`, from one address or
// for one e-mail, further attempts get 429 until the window of the oldest failure has passed.
// Per e-mail too, because a botnet has many addresses; the price is that someone who knows an
// agent's e-mail can keep them out for a window at a time (a restart clears the counts).
//
// The password check is slow (scrypt) and asynchronous, so the decision cannot wait for it:
// begin() is synchronous and counts the attempt as a failure at once (a success takes it back),
// allows one attempt in flight per address and per e-mail, and a bounded number in all. Forty
// concurrent guesses therefore get `maxFailures` evaluations and forty minus that 429s, and a
// flood from elsewhere cannot queue an agent's own log-in behind thousands of hashes.
// This one is process-local; servers sharing Redis use the same rules there
// (cluster/shared-login-throttle.ts), so several servers do not multiply the failures allowed.

/** Bounded: beyond this many keys, expired ones are swept, then the oldest dropped. */
const MAX_KEYS = 50_000;

/** An attempt under way: say how it ended, exactly once. */
export interface LoginAttempt {
  succeeded(): void;
  failed(): void;
}

/** Password checks in flight across all addresses: the hashing thread does one at a time. */
export const MAX_LOGINS_IN_FLIGHT = 8;
/** What a refused concurrent attempt is told to wait: about one password check. */
const BUSY_RETRY_MS = 1000;

export class LoginThrottle {
  private failures = new Map<string, number[]>();
  private inFlight = new Set<string>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxInFlight = MAX_LOGINS_IN_FLIGHT,
  ) {}

  /**
   * Start an attempt (ip undefined: exempt per address) or learn how long to wait. Synchronous:
   * nothing can slip between the check and the count.
   */
  begin(ip: string | undefined, email: string): { attempt: LoginAttempt } | { waitMs: number } {
    const waitMs = this.retryAfterMs(ip, email);
    if (waitMs > 0) return { waitMs };
    const keys = [emailKey(email), ...(ip ? [`ip:${ip}`] : [])];
    if (keys.some((k) => this.inFlight.has(k)) || this.pendingChecks() >= this.maxInFlight) return { waitMs: BUSY_RETRY_MS };
    for (const k of keys) this.inFlight.add(k);
    const stamps = keys.map((k) => this.push(k));
    let done = false;
    const end = () => {
      if (done) return false;
      done = true;
      for (const k of keys) this.inFlight.delete(k);
      return true;
    };
    return {
      attempt: {
        // A good password clears that e-mail's failures (not the address's: one known account must not reset it).
        succeeded: () => {
          if (!end()) return;
          this.failures.delete(keys[0]!);
          // The address keeps its other failures; only this attempt's reservation goes.
          if (ip) this.unpush(keys[1]!, stamps[1]!);
        },
        failed: () => void end(),
      },
    };
  }

  /** Attempts in flight (each holds its e-mail key, and maybe an address key). */
  private pendingChecks(): number {
    let n = 0;
    for (const k of this.inFlight) if (k.startsWith('email:')) n++;
    return n;
  }

  /** 0 when an attempt may go ahead, otherwise the milliseconds to wait. */
  retryAfterMs(ip: string | undefined, email: string): number {
    return Math.max(ip ? this.blockedFor(`ip:${ip}`) : 0, this.blockedFor(emailKey(email)));
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

  /** Count a failure now; returns its timestamp (so a reservation can be taken back). */
  private push(key: string): number {
    const list = this.recent(key);
    const at = this.now();
    // Keep only what the decision needs: the last maxFailures timestamps.
    list.push(at);
    if (list.length > this.maxFailures) list.splice(0, list.length - this.maxFailures);
    this.failures.delete(key);
    this.failures.set(key, list);
    if (this.failures.size > MAX_KEYS) this.sweep();
    return at;
  }

  private unpush(key: string, at: number): void {
    const list = this.failures.get(key);
    const i = list?.lastIndexOf(at) ?? -1;
    if (i < 0) return;
    list!.splice(i, 1);
    if (!list!.length) this.failures.delete(key);
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
