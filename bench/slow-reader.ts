// The slow-reader attack, measured: `npm run bench:slow-reader [-- --seconds 15 --clients 2]`.
// The real server runs as a child on 127.0.0.1 with a fresh data folder. One visitor's chat is
// filled with 500 messages of 5,000 characters (50 connections sharing its token, as an attacker
// would), then clients that stop reading their socket (TCP paused) ask for the history every
// 20 ms. Baseline in the same run: the same number of clients asking the same way but reading.
// Prints the server's RSS before, at its peak, and 10 s after the clients leave, for both, and
// how the clients were cut off; then the figures as one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { freePort, memMB, sleep, startChild, type Child } from './lib/proc.js';
import { parseArgs, table } from './lib/stats.js';

const args = parseArgs(process.argv.slice(2), { seconds: 15, clients: 2, messages: 500 });
const TEXT = 'x'.repeat(4990);
const PAGE = { url: 'http://127.0.0.1/', title: 'bench' };

function visitor(url: string, auth: Record<string, unknown>): Promise<Socket> {
  const s = io(url + '/visitor', { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('connect timeout')), 30_000);
    s.on('connect', () => (clearTimeout(t), resolve(s)));
    s.on('connect_error', (e) => (clearTimeout(t), reject(e)));
  });
}

async function fill(url: string): Promise<string> {
  const first = await visitor(url, { siteId: 'demo', languages: ['en'] });
  const ack = await first.timeout(30_000).emitWithAck('message:send', { clientId: 'bench-fill-first', text: 'I want to talk to a human', page: PAGE });
  if (!ack.ok) throw new Error(`message:send: ${JSON.stringify(ack.error)}`);
  const token = ack.data.token as string;
  first.close();
  // Each connection may send a burst of 10: fifty of them fill the chat at once.
  const conns = await Promise.all(Array.from({ length: Math.ceil(args.messages / 10) }, () => visitor(url, { siteId: 'demo', token })));
  let n = 0;
  await Promise.all(
    conns.map(async (c, i) => {
      for (let k = 0; k < 10 && i * 10 + k < args.messages; k++) {
        const r = await c.timeout(60_000).emitWithAck('message:send', { clientId: `bench-fill-${i}-${k}`, text: `${i}.${k} ${TEXT}`, page: PAGE });
        if (r.ok) n++;
      }
    }),
  );
  for (const c of conns) c.close();
  console.log(`  filled: ${n} messages of 5,000 characters`);
  return token;
}

interface Run {
  rssBeforeMB: number;
  rssPeakMB: number;
  rssAfterMB: number;
  cutOff: number;
  syncsSent: number;
}

async function attack(server: Child, token: string, reading: boolean): Promise<Run> {
  const before = memMB(server.pid)!.rss;
  let peak = before;
  const clients = await Promise.all(Array.from({ length: args.clients }, () => visitor(server.url, { siteId: 'demo', token })));
  let cutOff = 0;
  let attacking = true;
  for (const c of clients) {
    c.on('disconnect', () => attacking && cutOff++);
    if (!reading) (c.io.engine.transport as unknown as { ws: { _socket: { pause(): void } } }).ws._socket.pause();
  }
  let syncsSent = 0;
  const end = Date.now() + args.seconds * 1000;
  const sampler = setInterval(() => (peak = Math.max(peak, memMB(server.pid)?.rss ?? 0)), 200);
  while (Date.now() < end) {
    for (const c of clients) {
      if (!c.connected) continue;
      c.emit('conversation:sync', { afterSeq: 0 }, () => {});
      syncsSent++;
    }
    await sleep(20);
  }
  attacking = false;
  for (const c of clients) c.close();
  await sleep(10_000);
  clearInterval(sampler);
  peak = Math.max(peak, memMB(server.pid)?.rss ?? 0);
  return { rssBeforeMB: before, rssPeakMB: peak, rssAfterMB: memMB(server.pid)!.rss, cutOff, syncsSent };
}

const dir = mkdtempSync(join(tmpdir(), 'bulle-slow-reader-'));
let server: Child | undefined;
try {
  const port = await freePort();
  server = await startChild('server/main.ts', { DATA_DIR: dir, LOG_LEVEL: 'warn' }, port);
  const token = await fill(server.url);
  const baseline = await attack(server, token, true);
  const slow = await attack(server, token, false);
  const row = (name: string, r: Run) => [name, r.syncsSent, r.rssBeforeMB.toFixed(0), r.rssPeakMB.toFixed(0), (r.rssPeakMB - r.rssBeforeMB).toFixed(0), r.rssAfterMB.toFixed(0), r.cutOff];
  console.log(
    table([
      ['clients', 'syncs sent', 'RSS before MB', 'peak MB', 'peak − before', 'RSS 10 s after', 'cut off by the server'],
      row(`${args.clients} reading (baseline)`, baseline),
      row(`${args.clients} not reading`, slow),
    ]),
  );
  console.log(
    JSON.stringify({
      seconds: args.seconds,
      clients: args.clients,
      baselineRssRiseMB: Math.round(baseline.rssPeakMB - baseline.rssBeforeMB),
      slowReaderRssRiseMB: Math.round(slow.rssPeakMB - slow.rssBeforeMB),
      slowReaderRssAfterMB: Math.round(slow.rssAfterMB),
      slowReadersCutOff: slow.cutOff,
    }),
  );
} finally {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}
