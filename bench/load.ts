// npm run bench:load -- [--visitors 2000] [--duration 20] [--rate 500] …
//
// Starts the real server as a child process (`node --import tsx server/main.ts`, temp DATA_DIR,
// loopback only) and drives it from forked visitor workers plus a few agents in this process:
//   1. agents log in; server RSS idle;
//   2. visitors connect (ramped, bounded concurrency); server RSS → memory per connection;
//   3. some visitors ask for a human; the agents claim them from the queue;
//   4. for --duration s: FAQ questions (send → bot reply), agent replies (agent emit → visitor
//      receipt) and visitor follow-ups (visitor emit → agent receipt), paced at --rate msgs/s;
//   5. drain, count lost messages (acked but never delivered to the other side).
// Then the same client loop against a bare Socket.IO echo server (bench/lib/echo-server.mjs) as
// the baseline. Prints a table, and as the last line one JSON object.
// Every loop is bounded in count and time; a watchdog ends the bench if anything hangs.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentPool, DEMO_AGENTS } from './lib/agents.js';
import type { ConnectedMsg, FromWorker, HandoffDoneMsg, PollMsg, RunResult, ToWorker } from './lib/ipc.js';
import { cpuSeconds, freePort, localPortRange, memMB, openFilesLimit, ROOT, sleep, startChild, track, type Child } from './lib/proc.js';
import { fmt, parseArgs, round, summarize, table, timeline } from './lib/stats.js';

const args = parseArgs(process.argv.slice(2), {
  visitors: 2000,
  /** Seconds of measured traffic against Bulle. */
  duration: 20,
  /** Offered messages per second, all senders together (FAQ questions + agent replies + visitor follow-ups). */
  rate: 500,
  /** Share of --rate spent in agent conversations (half agent replies, half visitor follow-ups). */
  agentShare: 0.2,
  /** Visitors who ask for a human before the run ('auto': 2 %, at most 200). */
  handoffs: 'auto',
  agents: 2,
  /** BULLE_AGENT_MAX_CHATS for the server ('auto': enough for every hand-off, at most 100). */
  agentMaxChats: 'auto',
  /** A visitor sends at most one message per this many ms (the server's default limit is 3/s). */
  visitorMinInterval: 500,
  /** Visitor worker processes ('auto': 1 up to 3,000 visitors, then one per 5,000, at least 2). */
  workers: 'auto',
  connectRate: 1500,
  concurrency: 300,
  /** Seconds without progress after which the drain stops waiting for late deliveries. */
  drain: 10,
  /** Hard cap on the drain, seconds. */
  drainMax: 60,
  ackTimeout: 30_000,
  baseline: true,
  /** Debugging aid: run only 'echo' (the baseline) or 'bulle'. */
  only: 'both',
  baselineDuration: 10,
  /** Passed to the server as BULLE_FLUSH_MS when set. */
  flushMs: '',
  /** Passed to the server as BULLE_FSYNC. */
  fsync: false,
  keepData: false,
  /** Extra node flags for the server child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (space-separated). */
  serverNodeArgs: '',
  /** Extra environment for the server child, e.g. "UV_THREADPOOL_SIZE=16,MALLOC_ARENA_MAX=2". */
  serverEnv: '',
  /** Sample the server's heap beside its RSS (bench/lib/mem-sampler.mjs) and print where the peak was. */
  memTrace: false,
  /** Where the temp DATA_DIR is created (e.g. /dev/shm to take the disk out of the picture). */
  dataParent: tmpdir(),
});

const visitors = Math.floor(args.visitors);
if (visitors < 1) throw new Error('--visitors must be at least 1');
if (args.agentShare > 1) throw new Error('--agent-share is a fraction (0..1)');
const workerCount = args.workers === 'auto' ? (visitors <= 3000 ? 1 : Math.max(2, Math.ceil(visitors / 5000))) : Math.max(1, Math.floor(Number(args.workers)));
if (!Number.isFinite(workerCount)) throw new Error('--workers: a number or auto');
const handoffs = Math.min(visitors, args.handoffs === 'auto' ? Math.min(200, Math.ceil(visitors * 0.02)) : Math.floor(Number(args.handoffs)));
if (!Number.isFinite(handoffs)) throw new Error('--handoffs: a number or auto');
const agentCount = Math.min(DEMO_AGENTS.length, Math.max(1, Math.floor(args.agents)));
const durationMs = args.duration * 1000;
const drainMs = args.drain * 1000;
const drainMaxMs = Math.max(drainMs, args.drainMax * 1000);
const botRate = args.rate * (1 - args.agentShare);
const convRate = handoffs ? (args.rate * args.agentShare) / 2 : 0;
const agentRate = handoffs ? (args.rate * args.agentShare) / 2 : 0;
const connectTimeoutMs = Math.max(30_000, (visitors / args.connectRate) * 3000);

// Watchdog: the whole bench is bounded even if a child or a socket never answers.
const budgetMs = 2 * (connectTimeoutMs + durationMs + 2 * drainMaxMs + args.ackTimeout + 60_000) + (args.baseline ? connectTimeoutMs + args.baselineDuration * 1000 + drainMaxMs + args.ackTimeout : 0);
setTimeout(() => {
  console.error(`bench:load watchdog: still running after ${Math.round(budgetMs / 1000)} s, giving up`);
  process.exit(2);
}, budgetMs).unref();

// ---- visitor workers ----
class Worker {
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

function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** Samples the server's memory every 250 ms (peak) and its CPU at start/stop. */
function sampler(pid: number) {
  let peak = 0;
  const t = setInterval(() => {
    const m = memMB(pid);
    if (m && m.rss > peak) peak = m.rss;
  }, 250);
  return {
    get peak() {
      const m = memMB(pid);
      return Math.max(peak, m?.rss ?? 0);
    },
    stop: () => clearInterval(t),
  };
}

/**
 * Connect `count` visitors in two halves, sampling the server's RSS after each (2 s settle), so
 * memory per connection is also available as a slope, free of the idle heap's slack.
 */
async function connectWorkers(url: string, count: number, handoffTotal: number, pid: number) {
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
        url,
        offset,
        count: counts[i]!,
        handoffs: Math.min(hand[i]!, counts[i]!),
        concurrency: Math.max(1, Math.ceil(args.concurrency / workerCount)),
        connectRate: args.connectRate / workerCount,
        timeoutMs: connectTimeoutMs,
      });
      offset += counts[i]!;
    });
    base += half;
    const msgs = await Promise.all(workers.map((w) => w.next<ConnectedMsg>('connected', connectTimeoutMs + 30_000)));
    msgs.forEach((m, i) => connected[i]!.push(m));
    await sleep(2000);
    rss.push(memMB(pid)?.rss ?? NaN);
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

const mergeCounts = (list: Record<string, number>[]) => {
  const out: Record<string, number> = {};
  for (const r of list) for (const [k, v] of Object.entries(r)) out[k] = (out[k] ?? 0) + v;
  return out;
};
const countsText = (r: Record<string, number>) => (Object.keys(r).length ? Object.entries(r).map(([k, v]) => `${k}×${v}`).join(', ') : 'none');

// ---------------------------------------------------------------------------------------------
async function benchBulle() {
  const dataDir = mkdtempSync(join(args.dataParent, 'bulle-bench-'));
  const port = await freePort();
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', BULLE_SEED_DEMO: 'true', BULLE_FSYNC: String(args.fsync) };
  if (args.flushMs !== '') env.BULLE_FLUSH_MS = String(args.flushMs);
  for (const kv of args.serverEnv.split(',').filter(Boolean)) {
    const i = kv.indexOf('=');
    if (i < 1) throw new Error(`--server-env: "${kv}" is not KEY=VALUE`);
    env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  const memTrace = args.memTrace ? join(dataDir, '..', `${dataDir.split('/').pop()}-mem.jsonl`) : '';
  if (memTrace) env.BULLE_MEM_TRACE = memTrace;
  env.BULLE_AGENT_MAX_CHATS = String(args.agentMaxChats === 'auto' ? Math.min(100, Math.max(3, Math.ceil(handoffs / Math.min(agentCount, 2)) + 2)) : args.agentMaxChats);
  let server: Child | undefined;
  let workers: Worker[] = [];
  let agents: AgentPool | undefined;
  try {
    const t0 = Date.now();
    const nodeArgs = args.serverNodeArgs.split(' ').filter(Boolean);
    if (memTrace) nodeArgs.push('--import', join(ROOT, 'bench/lib/mem-sampler.mjs'));
    server = await startChild('server/main.ts', env, port, 60_000, nodeArgs);
    const startMs = Date.now() - t0;
    agents = new AgentPool(server.url, { maxClaimsInFlight: 20, ackTimeoutMs: args.ackTimeout });
    await agents.connect(DEMO_AGENTS.slice(0, agentCount));
    await sleep(1000);
    const rssIdle = memMB(server.pid)!.rss;
    const mem = sampler(server.pid);

    const c = await connectWorkers(server.url, visitors, handoffs, server.pid);
    workers = c.workers;
    const { connectedN, rssConnected } = c;

    for (const w of workers) w.send({ type: 'handoff', timeoutMs: 15_000 });
    const hand = await Promise.all(workers.map((w) => w.next<HandoffDoneMsg>('handoffDone', 45_000)));
    await agents.settleClaims(10_000);

    const cpu0 = cpuSeconds(server.pid) ?? 0;
    const benchCpu0 = process.cpuUsage();
    const runStart = Date.now();
    for (const w of workers) {
      w.send({ type: 'run', durationMs, botRate: botRate / workerCount, convRate: convRate / workerCount, drainMs, drainMaxMs, ackTimeoutMs: args.ackTimeout, minIntervalMs: args.visitorMinInterval });
    }
    agents.collecting = true;
    const agentRun = await agents.sendLoop(agentRate, durationMs, () => new Set());
    const cpuRun = (cpuSeconds(server.pid) ?? 0) - cpu0;
    const runMs = Date.now() - runStart;
    const results = await Promise.all(workers.map((w) => w.next<RunResult>('result', drainMaxMs + args.ackTimeout + 60_000)));
    // Late deliveries are slow, not lost: keep waiting while agent replies and visitor follow-ups
    // still arrive; stop after --drain s without progress (or --drain-max s in all).
    const convAcked = results.flatMap((r) => r.convAckedIds);
    const received = new Set(results.flatMap((r) => r.agentReceivedIds));
    const agentLatencies = results.flatMap((r) => r.agentLatencies);
    const owed = () =>
      [...agentRun.acked].filter((id) => !received.has(id)).length + convAcked.filter((id) => !agents!.visitorReceived.has(id)).length;
    {
      let best = Infinity;
      let lastProgress = Date.now();
      const hardEnd = Date.now() + drainMaxMs;
      for (;;) {
        for (const w of workers) w.send({ type: 'poll' });
        for (const p of await Promise.all(workers.map((w) => w.next<PollMsg>('poll', 30_000)))) {
          for (const id of p.agentReceivedIds) received.add(id);
          agentLatencies.push(...p.agentLatencies);
        }
        const left = owed();
        if (left < best) {
          best = left;
          lastProgress = Date.now();
        }
        if (left === 0 || Date.now() - lastProgress > drainMs || Date.now() > hardEnd) break;
        await sleep(250);
      }
    }
    const drainSeconds = (Date.now() - runStart - runMs) / 1000;
    agents.collecting = false;
    const benchCpu = process.cpuUsage(benchCpu0);
    const rssAfter = memMB(server.pid)!;
    const rssPeak = mem.peak;
    mem.stop();

    // ---- lost messages ----
    const disconnectedConvs = new Set(results.flatMap((r) => r.disconnectedConversationIds));
    let agentLost = 0;
    let agentUndelivered = 0;
    for (const [conv, ids] of agentRun.perConversation) {
      for (const id of ids) {
        if (received.has(id)) continue;
        if (disconnectedConvs.has(conv)) agentUndelivered++;
        else agentLost++;
      }
    }
    const v2aLost = convAcked.filter((id) => !agents!.visitorReceived.has(id)).length;
    const botLost = results.reduce((n, r) => n + r.botLost, 0);
    const bot = summarize(results.flatMap((r) => r.botLatencies));
    const botTimeline = timeline(results.flatMap((r) => r.botLatencies), results.flatMap((r) => r.botSentAt), 5000);
    const agentLat = summarize(agentLatencies);
    const v2aIds = convAcked.filter((id) => Number.isFinite(agents!.visitorReceived.get(id)) && agents!.visitorSentAt.has(id));
    const v2aLat = summarize(v2aIds.map((id) => agents!.visitorReceived.get(id)!));
    const v2aTimeline = timeline(v2aIds.map((id) => agents!.visitorReceived.get(id)!), v2aIds.map((id) => agents!.visitorSentAt.get(id)!), 5000);
    const handLat = summarize(hand.flatMap((h) => h.latencies));
    const ackedInWindow = results.reduce((n, r) => n + r.ackedInWindow, 0) + agentRun.ackedInWindow;
    const held = results.reduce((n, r) => n + r.held, 0);
    const workerCpu = results.reduce((n, r) => n + r.cpuSeconds, 0);
    return {
      startMs,
      botTimeline,
      v2aTimeline,
      connect: c.connected,
      connectedN,
      held,
      rssIdle,
      rssConnected,
      rssPeak,
      rssAfter: rssAfter.rss,
      hwm: rssAfter.hwm,
      kbPerConnection: connectedN ? ((rssConnected - rssIdle) * 1024) / connectedN : NaN,
      kbSlope: c.kbSlope,
      hand: {
        requested: hand.reduce((n, h) => n + h.requested, 0),
        assigned: hand.reduce((n, h) => n + h.assigned, 0),
        queued: hand.reduce((n, h) => n + h.queued, 0),
        latency: handLat,
        claimErrors: agents.claimErrors,
        claimConflicts: agents.claimConflicts,
        routed: agents.routed,
        claimed: agents.assigned.size,
      },
      runMs,
      drainSeconds,
      maxChats: env.BULLE_AGENT_MAX_CHATS,
      botCache: env.BULLE_BOT_CACHE,
      msgsPerSec: ackedInWindow / (durationMs / 1000),
      bot,
      agentLat,
      v2aLat,
      botSent: results.reduce((n, r) => n + r.botSent, 0),
      botAcked: results.reduce((n, r) => n + r.botAcked, 0),
      botSkipped: results.reduce((n, r) => n + r.botSkipped, 0),
      botUnconfirmed: results.reduce((n, r) => n + r.botUnconfirmed, 0),
      botAnswers: results.reduce((n, r) => n + r.botAnswers, 0),
      botFallbacks: results.reduce((n, r) => n + r.botFallbacks, 0),
      botSuggests: results.reduce((n, r) => n + r.botSuggests, 0),
      distinctQuestions: new Set(results.flatMap((r) => r.questionTexts)).size,
      botLost,
      botUndelivered: results.reduce((n, r) => n + r.botUndeliveredDisconnected, 0),
      convSent: results.reduce((n, r) => n + r.convSent, 0),
      convAcked: convAcked.length,
      convSkipped: results.reduce((n, r) => n + r.convSkipped, 0),
      agentSent: agentRun.sent,
      agentAcked: agentRun.acked.size,
      agentSkipped: agentRun.skipped,
      agentErrors: agentRun.errors,
      agentLost,
      agentUndelivered,
      v2aLost,
      lost: botLost + agentLost + v2aLost,
      ackTimeouts: results.reduce((n, r) => n + r.ackTimeouts, 0),
      ackErrors: mergeCounts(results.map((r) => r.ackErrors)),
      disconnects: results.reduce((n, r) => n + r.disconnects, 0),
      disconnectReasons: mergeCounts(results.map((r) => r.disconnectReasons)),
      agentDisconnects: agents.disconnects,
      serverCpuPct: (cpuRun / (runMs / 1000)) * 100,
      clientCpuPct: ((workerCpu + (benchCpu.user + benchCpu.system) / 1e6) / (runMs / 1000)) * 100,
      workerRssMB: results.map((r) => r.rssMB),
      memAtPeak: memTrace ? heapAtPeak(memTrace) : undefined,
      serverTail: server.tail.filter((l) => /"level":(40|50|60)|warn|error/i.test(l)).slice(-8),
    };
  } finally {
    agents?.close();
    await Promise.all(workers.map((w) => w.close()));
    await server?.stop();
    if (!args.keepData) rmSync(dataDir, { recursive: true, force: true });
    else console.log(`kept ${dataDir}`);
  }
}

/** The sample with the highest RSS in a --mem-trace file, as a line of text (then the file goes). */
function heapAtPeak(file: string): string {
  try {
    const samples = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, number>);
    const peak = samples.reduce((a, b) => (b.rss! > a.rss! ? b : a));
    const rest = peak.rss! - peak.heapTotal!;
    return `RSS ${fmt(peak.rss!)} MB = main heap ${fmt(peak.heapTotal!)} MB (${fmt(peak.heapUsed!)} used, live and garbage not yet collected) + ${fmt(rest)} MB outside it (node, the bot thread, buffers: external ${fmt(peak.external!)}, ArrayBuffers ${fmt(peak.arrayBuffers!)}); ${samples.length} samples`;
  } catch (err) {
    return `no samples (${(err as Error).message})`;
  } finally {
    rmSync(file, { force: true });
  }
}

async function benchEcho() {
  const port = await freePort();
  let server: Child | undefined;
  let workers: Worker[] = [];
  try {
    server = await startChild('bench/lib/echo-server.mjs', {}, port);
    await sleep(1000);
    const rssIdle = memMB(server.pid)!.rss;
    const mem = sampler(server.pid);
    const c = await connectWorkers(server.url, visitors, 0, server.pid);
    workers = c.workers;
    const { connectedN, rssConnected } = c;
    const ms = args.baselineDuration * 1000;
    const cpu0 = cpuSeconds(server.pid) ?? 0;
    const t0 = Date.now();
    for (const w of workers) w.send({ type: 'run', durationMs: ms, botRate: args.rate / workerCount, convRate: 0, drainMs, drainMaxMs, ackTimeoutMs: args.ackTimeout, minIntervalMs: args.visitorMinInterval });
    const results = await Promise.all(workers.map((w) => w.next<RunResult>('result', ms + drainMaxMs + args.ackTimeout + 60_000)));
    const cpu = (cpuSeconds(server.pid) ?? 0) - cpu0;
    const rssPeak = mem.peak;
    mem.stop();
    const lat = summarize(results.flatMap((r) => r.botLatencies));
    return {
      connectedN,
      rssIdle,
      rssConnected,
      rssPeak,
      kbPerConnection: connectedN ? ((rssConnected - rssIdle) * 1024) / connectedN : NaN,
      kbSlope: c.kbSlope,
      lat,
      connect: c.connected,
      msgsPerSec: results.reduce((n, r) => n + r.ackedInWindow, 0) / (ms / 1000),
      lost: results.reduce((n, r) => n + r.botLost, 0),
      skipped: results.reduce((n, r) => n + r.botSkipped, 0),
      serverCpuPct: (cpu / ((Date.now() - t0) / 1000)) * 100,
    };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await server?.stop();
  }
}

// ---------------------------------------------------------------------------------------------
const nofile = openFilesLimit();
const ports = localPortRange();
console.log(`bench:load — ${visitors} visitors over ${workerCount} worker process(es), ${agentCount} agents, ${handoffs} hand-offs`);
console.log(`  offered ${args.rate} msgs/s for ${args.duration} s (FAQ ${fmt(botRate, 0)}/s, agent replies ${fmt(agentRate, 0)}/s, visitor follow-ups ${fmt(convRate, 0)}/s); baseline ${args.baseline ? args.baselineDuration + ' s' : 'off'}`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`  machine: ${availableParallelism()} cores, load average ${load()}, ulimit -n ${nofile}, local ports ${ports?.join('–') ?? '?'}; server and clients share the CPU`);
if (loadavg()[0]! > 1) console.log(`  NOTE: the machine is already busy (1-min load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores): other processes compete for CPU and disk`);
const perWorker = Math.ceil(visitors / workerCount);
if (nofile !== undefined && (visitors + 500 > nofile || perWorker + 200 > nofile)) {
  console.log(`  WARNING: ulimit -n ${nofile} is too low for ${visitors} server-side sockets (+ files); raise it (ulimit -n 65536) or expect EMFILE`);
}
if (ports && visitors * 2 > ports[1] - ports[0]) console.log(`  WARNING: ${visitors} loopback connections (twice, with the baseline) may exhaust local ports ${ports.join('–')}`);

if (args.only === 'echo') {
  const e = await benchEcho();
  console.log(JSON.stringify({ baseline: { echoP50Ms: round(e.lat.p50), echoP99Ms: round(e.lat.p99), rssMB: round(e.rssPeak) }, ...e, lat: e.lat }));
  process.exit(0);
}
const b = await benchBulle();
const loadAfterBulle = load();
const e = args.baseline && args.only !== 'bulle' ? await benchEcho() : undefined;

const ms = (x: number) => fmt(x, 1);
console.log('');
console.log(
  table([
    ['', 'Bulle', 'echo baseline'],
    ['visitors requested', visitors, e ? visitors : '—'],
    ['connected / held at end', `${b.connectedN} / ${b.held}`, e ? `${e.connectedN}` : '—'],
    ['server RSS idle (MB)', fmt(b.rssIdle), e ? fmt(e.rssIdle) : '—'],
    ['server RSS connected (MB)', fmt(b.rssConnected), e ? fmt(e.rssConnected) : '—'],
    ['server RSS peak during run (MB)', fmt(b.rssPeak), e ? fmt(e.rssPeak) : '—'],
    ['memory per connection (KB): (connected − idle) / N', fmt(b.kbPerConnection), e ? fmt(e.kbPerConnection) : '—'],
    ['  second half of the connections alone', fmt(b.kbSlope), e ? fmt(e.kbSlope) : '—'],
    ['msgs/s acked (offered)', `${fmt(b.msgsPerSec, 0)} (${args.rate})`, e ? `${fmt(e.msgsPerSec, 0)} (${args.rate})` : '—'],
    ['server CPU during run (% of 1 core)', fmt(b.serverCpuPct, 0), e ? fmt(e.serverCpuPct, 0) : '—'],
    ['visitor → bot p50 / p90 / p99 / max (ms)', `${ms(b.bot.p50)} / ${ms(b.bot.p90)} / ${ms(b.bot.p99)} / ${ms(b.bot.max)}`, e ? `${ms(e.lat.p50)} / ${ms(e.lat.p90)} / ${ms(e.lat.p99)} / ${ms(e.lat.max)}` : '—'],
    ['  samples', b.bot.n, e ? e.lat.n : '—'],
    ['agent → visitor p50 / p90 / p99 / max (ms)', `${ms(b.agentLat.p50)} / ${ms(b.agentLat.p90)} / ${ms(b.agentLat.p99)} / ${ms(b.agentLat.max)}`, '—'],
    ['  samples', b.agentLat.n, '—'],
    ['visitor → agent p50 / p99 (ms)', `${ms(b.v2aLat.p50)} / ${ms(b.v2aLat.p99)} (n=${b.v2aLat.n})`, '—'],
    ['lost (acked, never delivered)', b.lost, e ? e.lost : '—'],
  ]),
);
console.log('');
console.log('details (Bulle run):');
console.log(`  server start ${b.startMs} ms; connect ${b.connect.map((c) => `${c.connected}/${c.connected + c.failed} in ${c.ms} ms`).join(', ')}; connect errors: ${countsText(mergeCounts(b.connect.map((c) => c.errors)))}`);
console.log(`  hand-offs: ${b.hand.requested} requested, ${b.hand.assigned} assigned before the run (${b.hand.queued} still queued); request → assigned p50 ${ms(b.hand.latency.p50)} / p99 ${ms(b.hand.latency.p99)} ms; conversations held by the agents in all: ${b.hand.claimed} (${b.hand.routed} auto-assigned by the server, ${b.hand.claimConflicts} claims lost to it); claim errors: ${countsText(b.hand.claimErrors)}; BULLE_AGENT_MAX_CHATS ${b.maxChats}`);
console.log(`  FAQ questions: ${b.botSent} sent, ${b.botAcked} acked, ${b.botSkipped} slots skipped (no idle visitor: replies too slow), bot answered ${b.botAnswers}, suggested ${b.botSuggests}, fell back ${b.botFallbacks}; lost ${b.botLost}, undelivered to dropped sockets ${b.botUndelivered}, still unanswered and unacked after the drain ${b.botUnconfirmed}`);
console.log(`  questions asked: ${b.distinctQuestions} distinct texts among ${b.botSent} (bench/lib/questions.ts: en 40 %, fr 25 %, es 20 %, de 15 %, greetings, thanks, order numbers); server matcher cache ${b.botCache === '0' ? 'OFF (BULLE_BOT_CACHE=0)' : `on (BULLE_BOT_CACHE ${b.botCache ?? 'default 2000'} per language)`}`);
console.log(`  agent replies: ${b.agentSent} sent, ${b.agentAcked} acked, ${b.agentSkipped} skipped; errors: ${countsText(b.agentErrors)}; lost ${b.agentLost}, undelivered to dropped sockets ${b.agentUndelivered}`);
console.log(`  visitor follow-ups: ${b.convSent} sent, ${b.convAcked} acked, ${b.convSkipped} skipped; lost ${b.v2aLost}`);
console.log(`  visitor → bot p50/p99 ms by 5 s of the run (send time): ${b.botTimeline}`);
console.log(`  visitor → agent p50/p99 ms by 5 s of the run (send time): ${b.v2aTimeline}`);
console.log(`  drain after the run ${fmt(b.drainSeconds, 1)} s; ack timeouts ${b.ackTimeouts}; ack errors: ${countsText(b.ackErrors)}; visitor disconnects ${b.disconnects} (${countsText(b.disconnectReasons)}); agent disconnects ${b.agentDisconnects}`);
console.log(`  server RSS after run ${fmt(b.rssAfter)} MB (VmHWM ${fmt(b.hwm)} MB); client CPU (workers + agents) ${fmt(b.clientCpuPct, 0)} % of 1 core; worker RSS ${b.workerRssMB.map((x) => fmt(x, 0)).join(', ')} MB`);
if (b.memAtPeak) console.log(`  server memory at its peak RSS (--mem-trace, main thread): ${b.memAtPeak}`);
if (e) console.log(`  echo baseline: connect ${e.connect.map((c) => `${c.connected}/${c.connected + c.failed} in ${c.ms} ms`).join(', ')}; ${e.skipped} slots skipped; load average after Bulle run ${loadAfterBulle}, at the end ${load()}`);
if (b.serverTail.length) console.log(`  server warnings/errors (last):\n    ${b.serverTail.join('\n    ')}`);
console.log('');
console.log(
  JSON.stringify({
    visitors: b.held,
    // Peak during the run (the stored conversations grow it); rssConnectedMB: the visitors held, before traffic.
    rssMB: round(b.rssPeak),
    rssConnectedMB: round(b.rssConnected),
    kbPerConnection: round(b.kbPerConnection),
    msgsPerSec: round(b.msgsPerSec),
    botP50Ms: round(b.bot.p50),
    botP99Ms: round(b.bot.p99),
    // The issue's "visitor→agent": a visitor's message in a chat an agent holds, until that agent receives it.
    agentP50Ms: round(b.v2aLat.p50),
    agentP99Ms: round(b.v2aLat.p99),
    agentToVisitorP50Ms: round(b.agentLat.p50),
    agentToVisitorP99Ms: round(b.agentLat.p99),
    lost: b.lost,
    baseline: { echoP50Ms: round(e?.lat.p50 ?? NaN), echoP99Ms: round(e?.lat.p99 ?? NaN), rssMB: round(e?.rssPeak ?? NaN) },
  }),
);
process.exit(0);
