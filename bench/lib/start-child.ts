// One measured start for bench:start (bench/start.ts), in a process of its own so its memory is
// its own: buildServer on the data folder, then listen; prints one JSON line with the times.
//   node --import tsx bench/lib/start-child.ts <root> <dataDir> <fsync true|false>
// <root> is the checkout whose server/ is started (another checkout's, to compare versions).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, dataDir, fsync] = process.argv.slice(2) as [string, string, string];
const t0 = performance.now();
// Typed as this checkout's modules; another checkout's may differ (compacted() may be missing).
const load = <T>(path: string): Promise<T> => import(pathToFileURL(join(root, path)).href) as Promise<T>;
const { buildServer } = await load<typeof import('../../server/app.js')>('server/app.ts');
const { createConfig } = await load<typeof import('../../server/config.js')>('server/config.ts');
const { LowdbChatStore } = await load<typeof import('../../server/storage/lowdb-chat-store.js')>('server/storage/lowdb-chat-store.ts');
const tImported = performance.now();

let openMs = NaN;
let openCpuMs = NaN;
/** CPU time of this process (user + system), ms: unlike wall time, barely moved by other load on the machine. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const warnings: string[] = [];
// The store as buildServer makes it, with its open() timed (where buildServer calls it, in or out of a plugin).
class TimedStore extends LowdbChatStore {
  override async open() {
    const t = performance.now();
    const c = cpuMs();
    await super.open();
    openMs = performance.now() - t;
    openCpuMs = cpuMs() - c;
  }
}
const store = new TimedStore({ dir: dataDir, flushIntervalMs: 2, fsync: fsync === 'true', log: { warn: (_, msg) => void warnings.push(msg) } });
const config = createConfig({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  distDir: join(tmpdir(), 'bulle-no-dist'),
  logLevel: 'silent',
  seedDemo: false,
  allowDemoAgents: true,
  botThread: false,
  fsync: fsync === 'true',
});
let error: string | null = null;
const cpuImported = cpuMs();
let readyCpuMs = NaN;
let compactCpuMs = NaN;
let readyMs = NaN;
let compactedMs = NaN;
let heapMB = NaN;
let rssMB = NaN;
try {
  const app = await buildServer(config, { store });
  await app.listen({ port: 0, host: '127.0.0.1' });
  readyMs = performance.now() - tImported;
  readyCpuMs = cpuMs() - cpuImported;
  (globalThis as { gc?: () => void }).gc?.();
  heapMB = process.memoryUsage().heapUsed / 2 ** 20;
  rssMB = process.memoryUsage().rss / 2 ** 20;
  // Versions without a background compaction at start have no compacted(): theirs was inside open().
  const c = cpuMs();
  if (typeof store.compacted === 'function') await store.compacted();
  compactedMs = performance.now() - tImported;
  compactCpuMs = cpuMs() - c;
  await app.close();
} catch (err) {
  error = (err as Error).message;
}
console.log(JSON.stringify({ importMs: tImported - t0, openMs, openCpuMs, readyMs, readyCpuMs, compactedMs, compactCpuMs, heapMB, rssMB, warnings: warnings.length, error }));
process.exit(0);
