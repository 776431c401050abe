// How fast a disabled agent's console closes: `npm run bench:disable [-- --agents 20]`.
// The real server runs as a child on 127.0.0.1 with a fresh data folder. For each of --agents
// new agents (made through the agents admin, as the console does): log in, open a console
// socket, then time from the admin's PATCH { disabled: true } being sent to that socket's
// `disconnect`, and from the same start to the PATCH's answer. Prints the percentiles, then the
// figures as one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { DEMO_AGENTS, login, type AgentCreds } from './lib/agents.js';
import { freePort, type Child, startChild } from './lib/proc.js';
import { fmt, parseArgs, round, summarize, table } from './lib/stats.js';

const args = parseArgs(process.argv.slice(2), { agents: 20 });
if (args.agents < 1 || args.agents > 200) throw new Error('--agents: 1 to 200');

const dir = mkdtempSync(join(tmpdir(), 'bulle-disable-'));
let server: Child | undefined;
try {
  const port = await freePort();
  server = await startChild('server/main.ts', { DATA_DIR: dir, LOG_LEVEL: 'warn' }, port);
  const url = server.url;
  const { cookie } = await login(url, DEMO_AGENTS.find((a) => a.email.startsWith('alex'))!);
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fetch(url + path, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
    if (res.status !== 200) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ agent: { id: string; email: string }; password: string }>;
  };
  const closedMs: number[] = [];
  const answeredMs: number[] = [];
  for (let i = 0; i < args.agents; i++) {
    const { agent, password } = await call('POST', '/api/admin/agents', { name: `Bench ${i}`, email: `bench-${i}@disable.bench`, role: 'agent', languages: ['en'], siteIds: ['demo'] });
    const creds: AgentCreds = { email: agent.email, password };
    const { cookie: theirs } = await login(url, creds);
    const socket = io(url + '/agent', { transports: ['websocket'], extraHeaders: { cookie: theirs }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('connect timeout')), 30_000);
      socket.on('connect', () => (clearTimeout(t), resolve()));
    });
    const t0 = performance.now();
    const closed = new Promise<number>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('the console was not closed within 30 s')), 30_000);
      socket.on('disconnect', () => (clearTimeout(t), resolve(performance.now() - t0)));
    });
    await call('PATCH', `/api/admin/agents/${agent.id}`, { disabled: true });
    answeredMs.push(performance.now() - t0);
    closedMs.push(await closed);
    socket.close();
  }
  const [closed, answered] = [summarize(closedMs), summarize(answeredMs)];
  const row = (name: string, s: ReturnType<typeof summarize>) => [name, s.n, fmt(s.p50), fmt(s.p90), fmt(s.max)];
  console.log(table([['from PATCH sent (ms)', 'n', 'p50', 'p90', 'max'], row('console disconnected', closed), row('PATCH answered', answered)]));
  console.log(JSON.stringify({ agents: args.agents, closedP50Ms: round(closed.p50), closedP90Ms: round(closed.p90), closedMaxMs: round(closed.max), answeredP50Ms: round(answered.p50) }));
} finally {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}
