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
// --nodes 2 (or more): instead, one server and then that many on PostgreSQL + Redis, the visitors
// spread over them (bench/lib/load-nodes.ts).
// Every loop is bounded in count and time; a watchdog ends the bench if anything hangs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_AGENTS } from './lib/agents.js';
import type { RunResult } from './lib/ipc.js';
import { runBulle, type LoadPlan } from './lib/load-bulle.js';
import { benchNodes } from './lib/load-nodes.js';
import { connectWorkers, countsText, mergeCounts, sampler, type Worker } from './lib/load-workers.js';
import { cpuSeconds, freePort, localPortRange, memMB, openFilesLimit, ROOT, sleep, startChild, type Child } from './lib/proc.js';
import { fmt, parseArgs, round, summarize, table } from './lib/stats.js';

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
  /** 2 or more: one server, then this many, both on PostgreSQL + Redis (bench/lib/load-nodes.ts); no echo baseline. */
  nodes: 1,
  /** With --nodes: print PostgreSQL's most run statements (pg_stat_statements) and Redis's commands per run. */
  pgStats: false,
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

const nodes = Math.floor(args.nodes);
if (!(nodes >= 1)) throw new Error('--nodes: 1 (the embedded store) or 2 and more (PostgreSQL + Redis)');

// Watchdog: the whole bench is bounded even if a child or a socket never answers.
const runBudgetMs = 2 * (connectTimeoutMs + durationMs + 2 * drainMaxMs + args.ackTimeout + 60_000);
const budgetMs =
  nodes > 1
    ? 2 * runBudgetMs + (1 + nodes) * 120_000 // two runs; each server may take up to 120 s to start
    : runBudgetMs + (args.baseline ? connectTimeoutMs + args.baselineDuration * 1000 + drainMaxMs + args.ackTimeout : 0);
setTimeout(() => {
  console.error(`bench:load watchdog: still running after ${Math.round(budgetMs / 1000)} s, giving up`);
  process.exit(2);
}, budgetMs).unref();

const plan: LoadPlan = {
  visitors,
  handoffs,
  agentCount,
  durationMs,
  drainMs,
  drainMaxMs,
  botRate,
  convRate,
  agentRate,
  ackTimeout: args.ackTimeout,
  visitorMinInterval: args.visitorMinInterval,
  workerCount,
  concurrency: args.concurrency,
  connectRate: args.connectRate,
  connectTimeoutMs,
};

/** --server-env as an object. */
function serverEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const kv of args.serverEnv.split(',').filter(Boolean)) {
    const i = kv.indexOf('=');
    if (i < 1) throw new Error(`--server-env: "${kv}" is not KEY=VALUE`);
    env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return env;
}
const agentMaxChats = String(args.agentMaxChats === 'auto' ? Math.min(100, Math.max(3, Math.ceil(handoffs / Math.min(agentCount, 2)) + 2)) : args.agentMaxChats);

// ---------------------------------------------------------------------------------------------
async function benchBulle() {
  const dataDir = mkdtempSync(join(args.dataParent, 'bulle-bench-'));
  const port = await freePort();
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', BULLE_SEED_DEMO: 'true', BULLE_FSYNC: String(args.fsync) };
  if (args.flushMs !== '') env.BULLE_FLUSH_MS = String(args.flushMs);
  Object.assign(env, serverEnv());
  const memTrace = args.memTrace ? join(dataDir, '..', `${dataDir.split('/').pop()}-mem.jsonl`) : '';
  if (memTrace) env.BULLE_MEM_TRACE = memTrace;
  env.BULLE_AGENT_MAX_CHATS = agentMaxChats;
  let server: Child | undefined;
  try {
    const t0 = Date.now();
    const nodeArgs = args.serverNodeArgs.split(' ').filter(Boolean);
    if (memTrace) nodeArgs.push('--import', join(ROOT, 'bench/lib/mem-sampler.mjs'));
    server = await startChild('server/main.ts', env, port, 60_000, nodeArgs);
    const startMs = Date.now() - t0;
    const run = await runBulle(plan, { pids: [server.pid], agentUrl: server.url, visitorUrls: [server.url] });
    return {
      ...run,
      startMs,
      maxChats: env.BULLE_AGENT_MAX_CHATS,
      botCache: env.BULLE_BOT_CACHE,
      memAtPeak: memTrace ? heapAtPeak(memTrace) : undefined,
      serverTail: server.tail.filter((l) => /"level":(40|50|60)|warn|error/i.test(l)).slice(-8),
    };
  } finally {
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
    const mem = sampler([server.pid]);
    const c = await connectWorkers([server.url], visitors, 0, [server.pid], plan);
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

if (nodes > 1) {
  console.log(`  one server, then ${nodes}, on PostgreSQL + Redis (bench/lib/load-nodes.ts); no echo baseline`);
  await benchNodes(plan, { nodes, rate: args.rate, pgStats: args.pgStats, nodeArgs: args.serverNodeArgs.split(' ').filter(Boolean), env: { ...serverEnv(), BULLE_AGENT_MAX_CHATS: agentMaxChats } });
  process.exit(0);
}
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
