// npm run bench:nodes -- [--nodes 2] [--visitors 95] [--rate 200] [--duration 15] [--pg-stats]
// Several servers on one PostgreSQL and one Redis, against one server on the same engines, in the
// same invocation. Each run: its own database; servers as child processes (the built bundle when
// it is current, as npm start runs it); one agent (Sam) logged in on the LAST server; visitors
// spread round-robin over the servers, each handed off to Sam; then, for --duration s, visitor
// messages paced at --rate msgs/s. Measured: visitor send → Sam's receipt (p50, p99; with two
// servers most visitors are on another server than Sam, so the message crosses Redis), acks lost,
// messages lost, each server's RSS (peak), and the CPU per message of each server, PostgreSQL and
// Redis during the paced traffic (--pg-stats: the statements and Redis commands run, too).
// PostgreSQL and Redis are started in temp folders on free loopback ports (Debian's packages;
// bench/lib/cluster.ts). Prints a table, then one JSON line.
import { loadavg } from 'node:os';
import { io, type Socket } from 'socket.io-client';
import { AGENT_CMD, NS, SERVER_EVT, VISITOR_CMD } from '../protocol/events.js';
import { redisCommandStats, startEngines, startNodes, topStatements, type Engines } from './lib/cluster.js';
import { cpuSeconds, memMB, now, sleep, type Child } from './lib/proc.js';
import { fmt, parseArgs, round, summarize, table } from './lib/stats.js';

const args = parseArgs(process.argv.slice(2), { nodes: 2, visitors: 95, rate: 200, duration: 15, drain: 5,
  /** Extra node flags for every server child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (space-separated). */
  serverNodeArgs: '',
  /** Print PostgreSQL's most run statements (pg_stat_statements) and Redis's commands per run. */
  pgStats: false,
});
if (args.visitors > 95) throw new Error('--visitors: at most 95 (one agent holds them all; an agent has at most 100 chats)');
if (args.nodes < 2) throw new Error('--nodes: 2 or more (one server is the baseline, run in the same invocation)');
const page = { url: 'http://127.0.0.1/bench', title: 'bench' };

interface RunResult {
  nodes: number;
  sent: number;
  received: number;
  ackFailures: number;
  p50: number;
  p99: number;
  rssMB: number[];
  /** CPU seconds during the paced traffic: each server, PostgreSQL, Redis. */
  cpu: { servers: number[]; pg: number; redis: number };
}

async function login(url: string): Promise<string> {
  const res = await fetch(url + '/api/agent/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'sam@demo.bulle.chat', password: 'demo-sam' }) });
  if (!res.ok) throw new Error(`log-in: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

const ack = (s: Socket, ev: string, payload: unknown) =>
  new Promise<{ ok: boolean; data?: any }>((resolve) => s.timeout(30_000).emit(ev, payload, (err: Error | null, res: { ok: boolean; data?: any }) => resolve(err ? { ok: false } : res)));

async function run(nodes: number, engines: Engines): Promise<RunResult> {
  let servers: Child[] = [];
  const sockets: Socket[] = [];
  const databaseUrl = await engines.pg.newDatabase();
  try {
    servers = await startNodes(nodes, {
      databaseUrl,
      redisUrl: engines.redisUrl,
      env: { BULLE_AGENT_MAX_CHATS: '100', BULLE_VISITOR_MSG_PER_SEC: '50', BULLE_VISITOR_MSG_BURST: '100' },
      nodeArgs: args.serverNodeArgs.split(' ').filter(Boolean),
    });
    const peak = servers.map(() => 0);
    const sampler = setInterval(() => servers.forEach((s, i) => (peak[i] = Math.max(peak[i]!, memMB(s.pid)?.rss ?? 0))), 250);
    const agentUrl = servers[nodes - 1]!.url;
    const agent = io(agentUrl + NS.agent, { transports: ['websocket'], extraHeaders: { cookie: await login(agentUrl) }, reconnection: false, forceNew: true });
    sockets.push(agent);
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let assigned = 0;
    agent.on(SERVER_EVT.conversationAssigned, () => assigned++);
    agent.on(SERVER_EVT.messageCreated, (m: { author: string; text: string }) => {
      const t = sentAt.get(m.text);
      if (m.author === 'visitor' && t !== undefined) {
        latencies.push(now() - t);
        sentAt.delete(m.text);
      }
    });
    await new Promise<void>((r) => agent.once('connect', () => r()));

    const visitors: Socket[] = [];
    for (let i = 0; i < args.visitors; i++) {
      const v = io(servers[i % nodes]!.url + NS.visitor, { transports: ['websocket'], auth: { siteId: 'demo', languages: ['en'] }, reconnection: false, forceNew: true });
      sockets.push(v);
      visitors.push(v);
    }
    await Promise.all(visitors.map((v) => (v.connected ? null : new Promise<void>((r) => v.once('connect', () => r())))));
    await Promise.all(visitors.map(async (v, i) => {
      await ack(v, VISITOR_CMD.messageSend, { clientId: `bench-hello-${i}-${Date.now()}`, text: 'I would like to talk to a person', page });
      await ack(v, VISITOR_CMD.handoffRequest, {});
    }));
    for (const until = Date.now() + 60_000; assigned < args.visitors && Date.now() < until; ) await sleep(100);
    if (assigned < args.visitors) console.log(`  only ${assigned} of ${args.visitors} chats reached Sam before traffic`);

    if (args.pgStats) await redisCommandStats(engines.redisUrl);
    const cpu0 = { servers: servers.map((s) => cpuSeconds(s.pid) ?? 0), ...engines.cpu() };
    let sent = 0;
    let ackFailures = 0;
    const started = Date.now();
    const gapMs = 1000 / args.rate;
    const pending: Promise<void>[] = [];
    for (let k = 0; Date.now() - started < args.duration * 1000; k++) {
      const due = started + k * gapMs;
      if (due > Date.now()) await sleep(due - Date.now());
      const v = visitors[k % visitors.length]!;
      const text = `bench ${nodes} ${k}`;
      sentAt.set(text, now());
      sent++;
      pending.push(ack(v, VISITOR_CMD.messageSend, { clientId: `bench-${nodes}-${k}-${started}`, text, page }).then((r) => void (r.ok || ackFailures++)));
    }
    await Promise.all(pending);
    for (const until = Date.now() + args.drain * 1000; sentAt.size > 0 && Date.now() < until; ) await sleep(100);
    clearInterval(sampler);
    const cpu1 = engines.cpu();
    const cpu = { servers: servers.map((s, i) => (cpuSeconds(s.pid) ?? 0) - cpu0.servers[i]!), pg: cpu1.pg - cpu0.pg, redis: cpu1.redis - cpu0.redis };
    if (args.pgStats) {
      console.log(`  PostgreSQL statements (calls, total ms) for ${sent} messages:`);
      for (const st of await topStatements(databaseUrl)) console.log(`    ${String(st.calls).padStart(7)} ${st.totalMs.toFixed(0).padStart(7)}  ${st.query}`);
      const redisCalls = Object.entries(await redisCommandStats(engines.redisUrl)).sort((a, b) => b[1] - a[1]);
      console.log(`  Redis commands: ${redisCalls.map(([k, v]) => `${k}×${v}`).join(', ')}`);
    }
    const s = summarize(latencies);
    return { nodes, sent, received: latencies.length, ackFailures, p50: s.p50, p99: s.p99, rssMB: peak.map((x) => Math.round(x)), cpu };
  } finally {
    for (const s of sockets) s.close();
    for (const s of servers) await s.stop(5_000);
  }
}

const engines = await startEngines({ pgStats: args.pgStats });
const results: RunResult[] = [];
try {
  for (const nodes of [1, args.nodes]) {
    console.log(`run: ${nodes} server(s), ${args.visitors} visitors, ${args.rate} msgs/s for ${args.duration} s; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    results.push(await run(nodes, engines));
  }
} finally {
  await engines.stop();
}
const ms = (cpu: number, r: RunResult) => fmt((cpu * 1000) / Math.max(1, r.sent), 2);
console.log(
  table([
    ['servers', 'sent', 'received', 'lost', 'ack failures', 'visitor→agent p50 ms', 'p99 ms', 'RSS per server MB', 'CPU ms/msg: servers', 'PostgreSQL', 'Redis'],
    ...results.map((r) => [r.nodes, r.sent, r.received, r.sent - r.received, r.ackFailures, fmt(r.p50), fmt(r.p99), r.rssMB.join(' / '), r.cpu.servers.map((c) => ms(c, r)).join(' + '), ms(r.cpu.pg, r), ms(r.cpu.redis, r)]),
  ]),
);
console.log(JSON.stringify({ bench: 'nodes', visitors: args.visitors, rate: args.rate, duration: args.duration, loadAverage: loadavg().map((x) => round(x, 2)), runs: results.map((r) => ({ ...r, p50: round(r.p50), p99: round(r.p99), lost: r.sent - r.received, cpu: { servers: r.cpu.servers.map((c) => round(c, 2)), pg: round(r.cpu.pg, 2), redis: round(r.cpu.redis, 2) } })) }));
process.exit(0);
