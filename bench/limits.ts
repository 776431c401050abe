// What a limit check costs when it is counted in Redis (servers sharing REDIS_URL) rather than in
// the process: one check at a time (the latency a request or handshake waits) and many in flight
// (what one server's connection to Redis carries), against a Redis of its own on loopback.
//   npm run bench:limits [-- --checks 5000 --inFlight 64]
import { loadavg } from 'node:os';
import { createClient } from 'redis';
import { SharedBuckets } from '../server/cluster/shared-buckets.js';
import { SharedConnections } from '../server/cluster/shared-connections.js';
import { sharedHttpStore } from '../server/cluster/shared-http-store.js';
import { LocalBuckets } from '../server/sockets/local-limits.js';
import { startRedis } from '../tests/helpers/redis.js';
import { fmt, parseArgs, summarize, table } from './lib/stats.js';

const args = parseArgs(process.argv.slice(2), { checks: 5000, inFlight: 64 });
const checks = Math.min(Math.max(1, args.checks), 100_000);
const inFlight = Math.min(Math.max(1, args.inFlight), 1000);
const log = { warn: (o: object, m?: string) => console.warn(m, o) };

type Check = (i: number) => unknown;

/** Microseconds per check, one at a time. */
async function oneByOne(check: Check): Promise<number[]> {
  const us: number[] = [];
  for (let i = 0; i < checks; i++) {
    const t = performance.now();
    await check(i);
    us.push((performance.now() - t) * 1000);
  }
  return us;
}

/** Checks per second with `inFlight` waiting at once. */
async function manyAtOnce(check: Check): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < checks) await check(next++);
    }),
  );
  return checks / ((performance.now() - t) / 1000);
}

const redis = await startRedis();
const client = createClient({ url: redis.url });
await client.connect();
try {
  // Keys spread over 1,000 addresses or visitors, with room enough that nothing is refused.
  const local = new LocalBuckets(1e6, 1e9, 10_000);
  const shared = new SharedBuckets(client, 'bench', 1e6, 1e9, local, log);
  const connections = new SharedConnections(client, 1e9, log);
  await connections.start();
  const Store = sharedHttpStore(client, log);
  const http = new Store();
  const kinds: [string, Check][] = [
    ['token bucket, in the process', (i) => local.take(`v${i % 1000}`)],
    ['token bucket, shared (sync, new connections)', (i) => shared.take(`v${i % 1000}`)],
    ['HTTP window, shared', (i) => new Promise((resolve) => http.incr(`203.0.113.${i % 250}`, resolve, 60_000, 1e9))],
    ['connection count, shared (release not awaited)', async (i) => (await connections.acquire(`198.51.100.${i % 250}`))?.()],
  ];
  const rows: (string | number)[][] = [['check', 'p50 µs', 'p99 µs', 'max µs', `per s, ${inFlight} in flight`]];
  for (const [name, check] of kinds) {
    await oneByOne(check); // warm-up: script cache, JIT
    const s = summarize(await oneByOne(check));
    rows.push([name, fmt(s.p50), fmt(s.p99), fmt(s.max), Math.round(await manyAtOnce(check))]);
  }
  await connections.stop();
  console.log(`${checks} checks each; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(table(rows));
} finally {
  await client.quit();
  await redis.stop();
}
