// Child processes for the benchmarks: a free loopback port, the real server (or the echo
// baseline) as a child, health polling, and /proc readings (RSS, peak RSS, CPU ticks).
// Every wait here is bounded in time.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const HOST = '127.0.0.1';

/** Wall clock with sub-millisecond resolution, comparable across processes on one machine. */
export const now = (): number => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A port that was free a moment ago (the kernel picks it; we release it for the child). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  pid: number;
  url: string;
  /** Last lines the child wrote (stdout + stderr), for error reports. */
  tail: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  kill9(): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Never leave a server child behind, whatever happens to the bench.
  process.on('exit', () => {
    for (const c of live) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      for (const c of live) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      process.exit(130);
    });
  }
}

export function track(proc: ChildProcess): void {
  installExitHook();
  live.add(proc);
  proc.once('exit', () => live.delete(proc));
}

/** The server entry point and the bundle that `npm run build` makes of it (vite.config.ts, mode server). */
const SERVER_ENTRY = 'server/main.ts';
const SERVER_BUNDLE = 'dist/server/main.js';
/** What the bundle is built from: a newer .ts file here means it is stale (data files are read at run time). */
const SERVER_SOURCES = ['server', 'faq'];

/**
 * How `npm start` runs the built server (package.json's start script, after its last `&&`): the
 * environment it sets through cross-env and the flags it gives node. The bench runs the bundle the
 * same way, so its figures are the served server's.
 */
export function startCommand(): { env: Record<string, string>; nodeArgs: string[] } {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split('&&').pop()!.trim().split(/\s+/);
  const env: Record<string, string> = {};
  const nodeArgs: string[] = [];
  let i = words[0] === 'cross-env' ? 1 : 0;
  for (; /^[A-Za-z_]\w*=/.test(words[i] ?? ''); i++) {
    const eq = words[i]!.indexOf('=');
    env[words[i]!.slice(0, eq)] = words[i]!.slice(eq + 1);
  }
  if (words[i++] !== 'node') throw new Error(`package.json start: expected "[cross-env VAR=value …] node [flags] ${SERVER_BUNDLE}", got "${pkg.scripts.start}"`);
  for (; words[i]?.startsWith('--'); i++) nodeArgs.push(words[i]!);
  if (words[i] !== SERVER_BUNDLE) throw new Error(`package.json start: expected it to run ${SERVER_BUNDLE}, got "${pkg.scripts.start}"`);
  return { env, nodeArgs };
}

/**
 * How to run an entry point. The server runs as `npm start` runs it: its built bundle on plain
 * node (no tsx: ~70 MB less RSS idle), when the bundle is newer than every source;
 * otherwise, and for other TypeScript, `node --import tsx`; JavaScript as it is (one process
 * either way, so the pid is the server's).
 */
export function runnerFor(entry: string): { args: string[]; why: string; env?: Record<string, string> } {
  if (/\.m?js$/.test(entry)) return { args: [entry], why: '' };
  const tsx = { args: ['--import', 'tsx', entry], why: '' };
  if (entry !== SERVER_ENTRY) return tsx;
  const bundle = join(ROOT, SERVER_BUNDLE);
  if (!existsSync(bundle)) return { ...tsx, why: `no ${SERVER_BUNDLE} (\`npm run build\` makes it): tsx adds ~70 MB of RSS` };
  const built = statSync(bundle).mtimeMs;
  const newer = SERVER_SOURCES.map((dir) => newerFile(join(ROOT, dir), built)).find(Boolean);
  if (newer) return { ...tsx, why: `${SERVER_BUNDLE} is older than ${newer.slice(ROOT.length)} (\`npm run build\`): tsx adds ~70 MB of RSS` };
  const start = startCommand();
  const set = Object.entries(start.env).map(([k, v]) => `${k}=${v}`);
  return { args: [...start.nodeArgs, SERVER_BUNDLE], env: start.env, why: `the built bundle, as npm start runs it${set.length ? `, with ${set.join(' ')}` : ''}` };
}

function newerFile(dir: string, than: number): string | undefined {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    const hit = st.isDirectory() ? newerFile(path, than) : name.endsWith('.ts') && st.mtimeMs > than ? path : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/** Start an entry point (runnerFor) as a child and wait until /health answers. */
export async function startChild(entry: string, env: Record<string, string>, port: number, readyTimeoutMs = 60_000, nodeArgs: string[] = []): Promise<Child> {
  const runner = runnerFor(entry);
  const args = [...nodeArgs, ...runner.args];
  console.log(`  child: node ${args.join(' ')}${runner.why ? ` (${runner.why})` : ''}`);
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...runner.env, ...env, PORT: String(port), HOST },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(proc);
  const tail: string[] = [];
  const keep = (buf: Buffer) => {
    for (const line of buf.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      tail.push(line.length > 400 ? line.slice(0, 400) + '…' : line);
      if (tail.length > 40) tail.shift();
    }
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://${HOST}:${port}`;
  let dead = false;
  void exited.then(() => (dead = true));
  const t0 = Date.now();
  for (;;) {
    if (dead) throw new Error(`${entry} exited before it was ready:\n  ${tail.join('\n  ')}`);
    if (Date.now() - t0 > readyTimeoutMs) {
      proc.kill('SIGKILL');
      throw new Error(`${entry} not ready after ${readyTimeoutMs} ms:\n  ${tail.join('\n  ')}`);
    }
    try {
      const res = await fetch(url + '/health', { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    await sleep(150);
  }
  const stop = async (graceMs = 30_000) => {
    if (dead) return;
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const kill9 = async () => {
    if (dead) return;
    proc.kill('SIGKILL');
    await exited;
  };
  return { proc, pid: proc.pid!, url, tail, exited, stop, kill9 };
}

/** VmRSS and VmHWM (peak) of a process, in MB; undefined once it is gone. */
export function memMB(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** utime + stime of a process in seconds (Linux USER_HZ is 100). */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Soft limit on open files of this process (the children inherit it). */
export function openFilesLimit(): number | undefined {
  try {
    const m = /^Max open files\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return m ? (m[1] === 'unlimited' ? Infinity : Number(m[1])) : undefined;
  } catch {
    return undefined;
  }
}

export function localPortRange(): [number, number] | undefined {
  try {
    const [a, b] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return [a!, b!];
  } catch {
    return undefined;
  }
}
