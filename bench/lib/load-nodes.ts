// bench:load --nodes N: the same load (bench/lib/load-bulle.ts) against one server and then N
// servers, both on one PostgreSQL and one Redis (bench/lib/cluster.ts; a database of its own per
// run), in one invocation, so the two rows are comparable. The servers run from the built bundle
// (`node dist/server/main.js`) on ports of their own; the visitors are spread round robin over
// all of them, the agents log in on the last one, so most visitor↔agent messages cross Redis.
// Prints a table, then one JSON line.
import { loadavg } from 'node:os';
import { redisCommandStats, startEngines, startNodes, topStatements } from './cluster.js';
import { runBulle, type BulleRun, type LoadPlan } from './load-bulle.js';
import { countsText, mergeCounts } from './load-workers.js';
import type { Child } from './proc.js';
import { fmt, round, table } from './stats.js';

export interface NodesOptions {
  nodes: number;
  /** Environment for every server (BULLE_AGENT_MAX_CHATS, --server-env…). */
  env: Record<string, string>;
  nodeArgs: string[];
  /** Offered msgs/s, for the table. */
  rate: number;
  /** Print PostgreSQL's most run statements and Redis's commands after each run. */
  pgStats: boolean;
}

interface NodesRow {
  nodes: number;
  run: BulleRun;
  tail: string[];
}

/**
 * CPU (ms) per message acked during the run: unlike latency, barely moved by how much of the
 * machine the other work leaves (on a shared machine, more processes also get more of it).
 */
const cpuPerMsg = (r: BulleRun, of: 'servers' | 'engines' = 'servers') => (10 * (of === 'servers' ? r.serverCpuPct : r.engineCpuPct)) / r.msgsPerSec;

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

export async function benchNodes(plan: LoadPlan, opts: NodesOptions): Promise<void> {
  const engines = await startEngines({ pgStats: opts.pgStats });
  const rows: NodesRow[] = [];
  try {
    for (const nodes of [1, opts.nodes]) {
      console.log(`run: ${nodes} server(s) on PostgreSQL + Redis; load average ${load()}`);
      let servers: Child[] = [];
      try {
        const databaseUrl = await engines.pg.newDatabase();
        servers = await startNodes(nodes, { databaseUrl, redisUrl: engines.redisUrl, env: opts.env, nodeArgs: opts.nodeArgs });
        if (opts.pgStats) await redisCommandStats(engines.redisUrl);
        const engineCpu = () => {
          const c = engines.cpu();
          return c.pg + c.redis;
        };
        const run = await runBulle(plan, { pids: servers.map((s) => s.pid), agentUrl: servers[nodes - 1]!.url, visitorUrls: servers.map((s) => s.url), engineCpu });
        if (opts.pgStats) await printEngineStats(databaseUrl, engines.redisUrl, run);
        rows.push({ nodes, run, tail: servers.flatMap((s) => s.tail.filter((l) => /"level":(40|50|60)|warn|error/i.test(l)).slice(-4)) });
      } finally {
        for (const s of servers) await s.stop();
      }
    }
  } finally {
    await engines.stop();
  }
  report(rows, opts);
}

async function printEngineStats(databaseUrl: string, redisUrl: string, r: BulleRun) {
  console.log(`  PostgreSQL statements (calls, total ms), whole run; ${r.botAcked + r.convAcked + r.agentAcked} messages acked in the measured part:`);
  for (const st of await topStatements(databaseUrl)) console.log(`    ${String(st.calls).padStart(7)} ${st.totalMs.toFixed(0).padStart(7)}  ${st.query}`);
  const calls = Object.entries(await redisCommandStats(redisUrl)).sort((a, b) => b[1] - a[1]);
  console.log(`  Redis commands: ${calls.map(([k, v]) => `${k}×${v}`).join(', ')}`);
}

function report(rows: NodesRow[], opts: NodesOptions) {
  const ms = (a: number, b: number) => `${fmt(a, 1)} / ${fmt(b, 1)}`;
  console.log('');
  console.log(
    table([
      ['servers (PostgreSQL + Redis)', 'connected', 'msgs/s acked (offered)', 'visitor→agent p50 / p99 ms', 'visitor→bot p50 / p99 ms', 'agent→visitor p50 / p99 ms', 'lost', 'RSS peak per server MB', 'CPU % servers / PG + Redis', 'CPU ms per acked msg'],
      ...rows.map(({ nodes, run: r }) => [
        nodes,
        `${r.connectedN} / ${r.held}`,
        `${fmt(r.msgsPerSec, 0)} (${opts.rate})`,
        `${ms(r.v2aLat.p50, r.v2aLat.p99)} (n=${r.v2aLat.n})`,
        ms(r.bot.p50, r.bot.p99),
        ms(r.agentLat.p50, r.agentLat.p99),
        r.lost,
        r.rssPeakPerServer.map((x) => fmt(x, 0)).join(' / '),
        `${fmt(r.serverCpuPct, 0)} / ${fmt(r.engineCpuPct, 0)}`,
        `${fmt(cpuPerMsg(r), 2)} + ${fmt(cpuPerMsg(r, 'engines'), 2)}`,
      ]),
    ]),
  );
  for (const { nodes, run: r, tail } of rows) {
    console.log(`  ${nodes} server(s): hand-offs ${r.hand.assigned}/${r.hand.requested} assigned before the run; FAQ ${r.botSent} sent, ${r.botAcked} acked; agent replies ${r.agentSent} sent, ${r.agentAcked} acked; follow-ups ${r.convSent} sent, ${r.convAcked} acked; ack timeouts ${r.ackTimeouts}, errors: ${countsText(mergeCounts([r.ackErrors, r.agentErrors]))}; disconnects ${r.disconnects}; drain ${fmt(r.drainSeconds, 1)} s`);
    if (tail.length) console.log(`    server warnings/errors (last):\n      ${tail.join('\n      ')}`);
  }
  console.log(`  load average at the end ${load()}: the machine's other work shares the CPU with the servers, PostgreSQL, Redis and the clients; on a busy machine N servers also get N times the scheduler's share, so read latencies with the CPU per message`);
  console.log('');
  console.log(
    JSON.stringify({
      bench: 'load',
      nodes: opts.nodes,
      loadAverage: loadavg().map((x) => round(x, 2)),
      runs: rows.map(({ nodes, run: r }) => ({
        nodes,
        connected: r.connectedN,
        held: r.held,
        msgsPerSec: round(r.msgsPerSec),
        agentP50Ms: round(r.v2aLat.p50),
        agentP99Ms: round(r.v2aLat.p99),
        botP50Ms: round(r.bot.p50),
        botP99Ms: round(r.bot.p99),
        agentToVisitorP50Ms: round(r.agentLat.p50),
        agentToVisitorP99Ms: round(r.agentLat.p99),
        lost: r.lost,
        rssMB: r.rssPeakPerServer.map((x) => round(x)),
        serverCpuPct: round(r.serverCpuPct),
        engineCpuPct: round(r.engineCpuPct),
        serverCpuMsPerMsg: round(cpuPerMsg(r), 2),
        engineCpuMsPerMsg: round(cpuPerMsg(r, 'engines'), 2),
      })),
    }),
  );
}
