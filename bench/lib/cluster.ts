// Several servers for the benchmarks (bench:nodes, bench:load --nodes): one PostgreSQL and one
// Redis started in temp folders on free loopback ports (Debian's packages, as the tests start
// them), each run on a database of its own, and the servers as `node dist/server/main.js`
// children on ports of their own. Also the CPU the engines spend (PostgreSQL's backends are the
// postmaster's children) and, with --pg-stats, the statements PostgreSQL ran most.
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { createClient } from 'redis';
import { startPostgres, type TestPostgres } from '../../tests/helpers/postgres.js';
import { startRedis } from '../../tests/helpers/redis.js';
import { cpuSeconds, freePort, startChild, type Child } from './proc.js';

export interface Engines {
  pg: TestPostgres;
  redisUrl: string;
  redisPid: number;
  /** CPU seconds PostgreSQL (postmaster and backends) and Redis have used so far. */
  cpu(): { pg: number; redis: number };
  stop(): Promise<void>;
}

export async function startEngines(opts: { pgStats?: boolean } = {}): Promise<Engines> {
  const settings: Record<string, string> = opts.pgStats ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' } : {};
  const pgServer = await startPostgres({ settings });
  const redis = await startRedis().catch(async (err) => {
    await pgServer.stop();
    throw err;
  });
  return {
    pg: pgServer,
    redisUrl: redis.url,
    redisPid: redis.pid,
    cpu: () => {
      const postmaster = pgServer.serverPid();
      return { pg: postmaster ? treeCpuSeconds(postmaster) : NaN, redis: cpuSeconds(redis.pid) ?? NaN };
    },
    async stop() {
      await redis.stop();
      await pgServer.stop();
    },
  };
}

/** CPU seconds of a process and its children still running (PostgreSQL forks one backend per connection). */
export function treeCpuSeconds(root: number): number {
  let total = cpuSeconds(root) ?? 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === root) total += cpuSeconds(Number(name)) ?? 0;
    } catch {
      /* gone meanwhile */
    }
  }
  return total;
}

export interface NodesOptions {
  databaseUrl: string;
  redisUrl: string;
  /** Environment for every server (limits, log level…). */
  env?: Record<string, string>;
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}

/**
 * `count` servers on one database and one Redis, started one after another: the first seeds the
 * demo (two seeding an empty database at once would race), the others find its agents there.
 */
export async function startNodes(count: number, opts: NodesOptions): Promise<Child[]> {
  const servers: Child[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const env = {
        LOG_LEVEL: 'warn',
        ...opts.env,
        DATABASE_URL: opts.databaseUrl,
        REDIS_URL: opts.redisUrl,
        BULLE_SEED_DEMO: i === 0 ? 'true' : 'false',
        BULLE_ALLOW_DEMO_AGENTS: 'true',
      };
      servers.push(await startChild('server/main.ts', env, await freePort(), opts.readyTimeoutMs ?? 120_000, opts.nodeArgs ?? []));
    }
    return servers;
  } catch (err) {
    for (const s of servers) await s.stop(5_000);
    throw err;
  }
}

export interface StatementStat {
  calls: number;
  totalMs: number;
  query: string;
}

/** The statements run most (pg_stat_statements; the engines started with pgStats). */
export async function topStatements(databaseUrl: string, limit = 12): Promise<StatementStat[]> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const db = new URL(databaseUrl).pathname.slice(1);
    const { rows } = await c.query<{ calls: string; total: number; query: string }>(
      `SELECT calls, total_exec_time AS total, query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = $1 ORDER BY calls DESC LIMIT $2`,
      [db, limit],
    );
    return rows.map((r) => ({ calls: Number(r.calls), totalMs: r.total, query: r.query.replace(/\s+/g, ' ').slice(0, 140) }));
  } finally {
    await c.end();
  }
}

/** Redis's own count of the commands it ran, by command (`INFO commandstats`), and a reset for the next run. */
export async function redisCommandStats(url: string, reset = true): Promise<Record<string, number>> {
  const client = createClient({ url });
  await client.connect();
  try {
    const info = await client.info('commandstats');
    const out: Record<string, number> = {};
    for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out[m[1]!] = Number(m[2]);
    if (reset) await client.configResetStat();
    return out;
  } finally {
    await client.quit();
  }
}
