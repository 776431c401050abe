// The visitor side of bench:load (bench/load.ts): forked visitor workers (bench/lib/visitor-worker.ts)
// and how they connect, plus the servers' memory sampling. Shared by the one-server run and the
// several-nodes run (bench/lib/load-nodes.ts). Every wait here is bounded in time.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ConnectedMsg, FromWorker, ToWorker } from './ipc.js';
import { memMB, ROOT, sleep, track } from './proc.js';

export class Worker {
  readonly proc: ChildProcess;
  private inbox: FromWorker[] = [];
  private waiter: (() => void) | null = null;
  constructor(readonly id: number) {
    this.proc = fork(join(ROOT, 'bench/lib/visitor-worker.ts'), [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    track(this.proc);
    this.proc.on('message', (m: FromWorker) => {
      this.inbox.push(m);
      this.waiter?.();
    });
    this.proc.on('exit', () => this.waiter?.());
  }
  send(cmd: ToWorker) {
    this.proc.send(cmd);
  }
  async next<T extends FromWorker>(type: T['type'], timeoutMs: number): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const i = this.inbox.findIndex((m) => m.type === type || m.type === 'error');
      if (i >= 0) {
        const m = this.inbox.splice(i, 1)[0]!;
        if (m.type === 'error') throw new Error(`worker ${this.id}: ${m.message}`);
        return m as T;
      }
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) throw new Error(`worker ${this.id} exited (${this.proc.exitCode ?? this.proc.signalCode}) while waiting for "${type}"`);
      const left = end - Date.now();
      if (left <= 0) throw new Error(`worker ${this.id}: no "${type}" after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 1000));
        this.waiter = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.waiter = null;
    }
  }
  async close() {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.send({ type: 'close' });
    await Promise.race([new Promise((r) => this.proc.once('exit', r)), sleep(5000)]);
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }
}

export function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** Samples the servers' memory every 250 ms (each one's peak). */
export function sampler(pids: number[]) {
  const peaks = pids.map(() => 0);
  const t = setInterval(() => {
    pids.forEach((pid, i) => {
      const m = memMB(pid);
      if (m && m.rss > peaks[i]!) peaks[i] = m.rss;
    });
  }, 250);
  const current = () => pids.map((pid, i) => Math.max(peaks[i]!, memMB(pid)?.rss ?? 0));
  return {
    /** Each server's peak RSS so far (MB). */
    get peaks() {
      return current();
    },
    /** The servers' peaks added up (one server: its peak). */
    get peak() {
      return current().reduce((a, b) => a + b, 0);
    },
    stop: () => clearInterval(t),
  };
}

/** The servers' RSS added up (MB). */
export const rssOf = (pids: number[]): number => pids.reduce((n, pid) => n + (memMB(pid)?.rss ?? NaN), 0);

export interface ConnectOptions {
  workerCount: number;
  concurrency: number;
  connectRate: number;
  connectTimeoutMs: number;
}

/**
 * Connect `count` visitors in two halves, sampling the server's RSS after each (2 s settle), so
 * memory per connection is also available as a slope, free of the idle heap's slack. Visitor n
 * connects to urls[n % urls.length].
 */
export async function connectWorkers(urls: string[], count: number, handoffTotal: number, pids: number[], opts: ConnectOptions) {
  const { workerCount, connectTimeoutMs } = opts;
  const workers = Array.from({ length: workerCount }, (_, i) => new Worker(i));
  const connected: ConnectedMsg[][] = workers.map(() => []);
  const halves = [Math.floor(count / 2), count - Math.floor(count / 2)];
  const rss: number[] = [];
  let base = 0;
  for (const [h, half] of halves.entries()) {
    const counts = split(half, workerCount);
    const hand = h === 0 ? split(Math.min(handoffTotal, half), workerCount) : counts.map(() => 0);
    let offset = base;
    workers.forEach((w, i) => {
      w.send({
        type: 'connect',
        urls,
        offset,
        count: counts[i]!,
        handoffs: Math.min(hand[i]!, counts[i]!),
        concurrency: Math.max(1, Math.ceil(opts.concurrency / workerCount)),
        connectRate: opts.connectRate / workerCount,
        timeoutMs: connectTimeoutMs,
      });
      offset += counts[i]!;
    });
    base += half;
    const msgs = await Promise.all(workers.map((w) => w.next<ConnectedMsg>('connected', connectTimeoutMs + 30_000)));
    msgs.forEach((m, i) => connected[i]!.push(m));
    await sleep(2000);
    rss.push(rssOf(pids));
  }
  const perWorker = connected.map((list) => ({
    connected: list.reduce((n, m) => n + m.connected, 0),
    failed: list.reduce((n, m) => n + m.failed, 0),
    ms: list.reduce((n, m) => n + m.ms, 0),
    errors: mergeCounts(list.map((m) => m.errors)),
  }));
  const firstHalf = connected.reduce((n, list) => n + (list[0]?.connected ?? 0), 0);
  const total = perWorker.reduce((n, w) => n + w.connected, 0);
  return {
    workers,
    connected: perWorker,
    connectedN: total,
    rssConnected: rss[1]!,
    /** KB per connection from the second half alone. */
    kbSlope: total > firstHalf ? ((rss[1]! - rss[0]!) * 1024) / (total - firstHalf) : NaN,
  };
}

export const mergeCounts = (list: Record<string, number>[]) => {
  const out: Record<string, number> = {};
  for (const r of list) for (const [k, v] of Object.entries(r)) out[k] = (out[k] ?? 0) + v;
  return out;
};
export const countsText = (r: Record<string, number>) => (Object.keys(r).length ? Object.entries(r).map(([k, v]) => `${k}×${v}`).join(', ') : 'none');
