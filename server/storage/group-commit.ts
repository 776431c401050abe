// Coalesces writes (group commit): every change marks a key dirty and waits for the flush
// that contains it; a flush runs each dirty key's write once. The lowdb store marks one key,
// whose write appends one batch to the write-ahead log (wal.ts). A caller's promise resolves only after
// the write holding its change has finished.
//
// At most one flush runs at a time. Changes made while it runs join the next batch, which starts
// as soon as the running one ends: under load batches grow by themselves instead of queueing up
// behind a timer, so a message waits for about one write, not for a chain of them (a
// first version started a batch per interval and chained them, and a busy server spent
// seconds per message waiting for its turn).
interface Batch {
  writes: Map<string, () => Promise<void>>;
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class GroupCommit {
  private next: Batch | null = null;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  /** `intervalMs`: how long an idle store waits for company before writing a lone change. */
  constructor(private readonly intervalMs: number) {}

  /** Mark `key` dirty; `write` persists its latest state. Resolves once that is on disk. */
  mark(key: string, write: () => Promise<void>): Promise<void> {
    const batch = (this.next ??= newBatch());
    batch.writes.set(key, write);
    if (!this.running && !this.timer) this.timer = setTimeout(() => void this.flush(), this.intervalMs);
    return batch.promise;
  }

  /** Resolves when everything marked so far has been written (without forcing a flush). */
  flushed(): Promise<void> {
    return this.next?.promise ?? this.running ?? Promise.resolve();
  }

  /** Write everything dirty now (also used on shutdown); resolves when all of it is written. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running.catch(() => {});
    const batch = this.next;
    if (!batch) return;
    this.next = null;
    this.running = run(batch).finally(() => {
      this.running = null;
      // Whatever arrived meanwhile goes out now: it has already waited one write.
      if (this.next) void this.flush();
    });
    return this.running;
  }
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  // A failed write is reported to the callers that wait for it; nobody else must crash on it.
  promise.catch(() => {});
  return { writes: new Map(), promise, resolve, reject };
}

async function run(batch: Batch): Promise<void> {
  try {
    await Promise.all([...batch.writes.values()].map((w) => w()));
    batch.resolve();
  } catch (err) {
    batch.reject(err);
  }
}
