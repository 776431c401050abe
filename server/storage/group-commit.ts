// Coalesces writes: every change marks its shard dirty and waits for the next flush, which
// writes each dirty shard once. Many messages cost one write per shard per interval, and a
// caller's promise resolves only after the write that contains its change has finished.
export class GroupCommit {
  private dirty = new Map<string, () => Promise<void>>();
  private batch: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly intervalMs: number) {}

  /** Mark `key` dirty; `write` persists its latest state. Resolves once that is on disk. */
  mark(key: string, write: () => Promise<void>): Promise<void> {
    this.dirty.set(key, write);
    if (!this.batch) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      this.batch = { promise, resolve, reject };
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
    }
    return this.batch.promise;
  }

  /** Resolves when everything marked so far has been written (without forcing a flush). */
  flushed(): Promise<void> {
    return this.batch ? this.batch.promise : this.running;
  }

  /** Write everything dirty now (also used on shutdown). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.batch;
    const writes = [...this.dirty.values()];
    this.batch = null;
    this.dirty = new Map();
    // Batches run one after another so two writes of the same file never overlap.
    this.running = this.running.then(async () => {
      if (!batch) return;
      try {
        await Promise.all(writes.map((w) => w()));
        batch.resolve();
      } catch (err) {
        batch.reject(err);
      }
    });
    return this.running;
  }
}
