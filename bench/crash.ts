// npm run bench:crash -- [--visitors 20] [--rounds 3] [--kill-after 3] [--inflight 2]
//
// Durability under `kill -9`: the real server runs as a child on a temp DATA_DIR; visitors send
// messages continuously and we record every message whose ack was { ok: true }. After
// --kill-after seconds the server gets SIGKILL mid-traffic, is restarted on the same DATA_DIR,
// and every visitor reconnects with its token and pages through `conversation:sync` from
// afterSeq 0: every acked clientId must be there (once). Messages that were in flight at the kill
// (never acked) are resent with the same clientId, as the widget does, and must be stored once.
// Repeated for --rounds rounds, then a final restart and check. Last line: {"acked","missing"}.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { freePort, sleep, startChild, type Child } from './lib/proc.js';
import { PAGE, QUESTIONS } from './lib/ipc.js';
import { parseArgs, table } from './lib/stats.js';

const args = parseArgs(process.argv.slice(2), {
  visitors: 20,
  rounds: 3,
  /** Seconds of traffic before the SIGKILL. */
  killAfter: 3,
  /** Messages in flight per visitor (more in flight = more unacked writes at the kill). */
  inflight: 2,
  /** Upper bound on messages per visitor per round. */
  maxPerRound: 2000,
  /** Let each new visitor's first messages race (several in flight before the first ack). By default a
   * new visitor's first message goes alone, and the race is measured separately (see raceProbe). */
  concurrentFirst: false,
  /** Fresh visitors in the first-message race probe (0 = skip). */
  raceProbe: 20,
  flushMs: '',
  fsync: false,
  /** BULLE_MAX_MESSAGES_IN_MEMORY for the server (e.g. 50: conversations leave memory all the time). */
  maxMessages: '',
  keepData: false,
});
const rounds = Math.max(1, Math.floor(args.rounds));
const nVisitors = Math.max(1, Math.floor(args.visitors));
setTimeout(() => {
  console.error('bench:crash watchdog: giving up');
  process.exit(2);
}, (rounds + 1) * (args.killAfter * 1000 + 90_000)).unref();

interface Ack<T = any> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}
interface V {
  n: number;
  token?: string;
  /** clientId → text, for every message acked { ok: true } (all rounds). */
  acked: Map<string, string>;
  /** Sent but never acked before the kill: resent after the restart. */
  unacked: Map<string, string>;
}

const vs: V[] = Array.from({ length: nVisitors }, (_, n) => ({ n, acked: new Map(), unacked: new Map() }));
let counter = 0;
const clientId = (n: number) => `crash-${n}-${(counter++).toString(36).padStart(5, '0')}`;

function connect(url: string, v: V): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const auth: Record<string, unknown> = { siteId: 'demo', languages: ['en'] };
    if (v.token) auth.token = v.token;
    const socket = io(url + '/visitor', { transports: ['websocket'], auth, reconnection: false, forceNew: true, timeout: 10_000 });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
      socket.close();
      reject(new Error(`visitor ${v.n}: ${err.data?.code ?? err.message}`));
    });
  });
}

const send = (s: Socket, clientId: string, text: string) =>
  s.timeout(5000).emitWithAck('message:send', { clientId, text, page: PAGE }) as Promise<Ack<{ token?: string }>>;

/**
 * Every message of the visitor's conversation, paging through `conversation:sync` (`through`,
 * `more`); a page refused as RATE_LIMITED (syncs are limited per visitor) is asked again.
 */
async function syncAll(s: Socket): Promise<{ clientId?: string; seq: number }[]> {
  const all: { clientId?: string; seq: number }[] = [];
  let after = 0;
  for (let page = 0, refused = 0; page < 200; page++) {
    type Page = { messages: { clientId?: string; seq: number }[]; through: number; more: boolean };
    const res = (await s.timeout(10_000).emitWithAck('conversation:sync', { afterSeq: after })) as Ack<Page>;
    if (!res.ok && res.error?.code === 'RATE_LIMITED' && refused++ < 20) {
      await sleep(1000);
      continue;
    }
    if (!res.ok) throw new Error(`sync: ${res.error?.code} ${res.error?.message}`);
    all.push(...res.data!.messages);
    if (!res.data!.more) break;
    after = res.data!.through;
  }
  return all;
}

interface Check {
  expected: number;
  missing: number;
  duplicates: number;
  seqGaps: number;
  unknownToken: number;
  /** A few missing clientIds, for the report. */
  examples: string[];
}
async function verify(url: string): Promise<Check> {
  const out: Check = { expected: 0, missing: 0, duplicates: 0, seqGaps: 0, unknownToken: 0, examples: [] };
  for (const v of vs) {
    out.expected += v.acked.size;
    if (!v.token) continue; // never acked anything: nothing to find
    let s: Socket;
    try {
      s = await connect(url, v);
    } catch {
      out.unknownToken++;
      out.missing += v.acked.size;
      continue;
    }
    try {
      const msgs = await syncAll(s);
      const seen = new Map<string, number>();
      msgs.forEach((m, i) => {
        if (m.seq !== i + 1) out.seqGaps++;
        if (m.clientId) seen.set(m.clientId, (seen.get(m.clientId) ?? 0) + 1);
      });
      for (const id of v.acked.keys()) {
        if (seen.has(id)) continue;
        out.missing++;
        if (out.examples.length < 6) out.examples.push(`visitor ${v.n}: ${id} (acked #${[...v.acked.keys()].indexOf(id) + 1} of ${v.acked.size}; conversation has ${msgs.length} messages)`);
      }
      for (const c of seen.values()) if (c > 1) out.duplicates += c - 1;
    } finally {
      s.close();
    }
  }
  return out;
}

interface RoundStats {
  round: number;
  restartMs: number;
  check?: Check;
  resent: number;
  resentOk: number;
  sent: number;
  acked: number;
  inFlightAtKill: number;
  failed: number;
}

async function traffic(url: string, stats: RoundStats, killAt: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (const v of vs) {
    try {
      sockets[v.n] = await connect(url, v);
    } catch (err) {
      console.error(`  ${(err as Error).message}`);
    }
  }
  // Resend what was in flight at the previous kill (same clientId: must be stored once).
  await Promise.all(
    vs.map(async (v) => {
      const s = sockets[v.n];
      if (!s) return;
      for (const [id, text] of [...v.unacked]) {
        stats.resent++;
        try {
          const res = await send(s, id, text);
          if (res.ok) {
            stats.resentOk++;
            v.acked.set(id, text);
            v.unacked.delete(id);
            if (res.data?.token) v.token = res.data.token;
          }
        } catch {
          /* stays unacked */
        }
      }
    }),
  );
  // A visitor without a token yet sends its first message alone (unless --concurrent-first).
  if (!args.concurrentFirst) {
    await Promise.all(
      vs.map(async (v) => {
        const s = sockets[v.n];
        if (!s || v.token || Date.now() >= killAt) return;
        const id = clientId(v.n);
        const text = QUESTIONS[v.n % QUESTIONS.length]!;
        v.unacked.set(id, text);
        stats.sent++;
        try {
          const res = await send(s, id, text);
          if (res.ok) {
            v.unacked.delete(id);
            v.acked.set(id, text);
            stats.acked++;
            if (res.data?.token) v.token = res.data.token;
          }
        } catch {
          /* stays unacked */
        }
      }),
    );
  }
  // Continuous traffic until the kill: --inflight loops per visitor, each send → await ack → next.
  const loops: Promise<void>[] = [];
  for (const v of vs) {
    const s = sockets[v.n];
    if (!s) continue;
    let perRound = 0;
    for (let k = 0; k < args.inflight; k++) {
      loops.push(
        (async () => {
          while (Date.now() < killAt && s.connected && perRound < args.maxPerRound) {
            perRound++;
            const id = clientId(v.n);
            const text = `${QUESTIONS[counter % QUESTIONS.length]} (#${counter})`;
            v.unacked.set(id, text);
            stats.sent++;
            try {
              const res = await send(s, id, text);
              if (res.ok) {
                v.unacked.delete(id);
                v.acked.set(id, text);
                stats.acked++;
                if (res.data?.token) v.token ??= res.data.token;
              } else {
                v.unacked.delete(id); // refused, not stored: not a durability question
                stats.failed++;
              }
            } catch {
              break; // timeout or disconnect: the message stays in `unacked`
            }
          }
        })(),
      );
    }
  }
  return Promise.all(loops).then(() => sockets);
}

/**
 * Not a crash test: K fresh visitors each send two messages at once (before the first ack, as a
 * visitor typing fast does); both acks must be { ok: true } and both messages visible to the
 * visitor's `conversation:sync`.
 */
async function raceProbe(url: string, k: number): Promise<{ acked: number; invisible: number; conversations: number }> {
  const out = { acked: 0, invisible: 0, conversations: 0 };
  for (let i = 0; i < k; i++) {
    const v: V = { n: 1000 + i, acked: new Map(), unacked: new Map() };
    const s = await connect(url, v);
    const ids = [clientId(v.n), clientId(v.n)];
    const results = await Promise.allSettled(ids.map((id) => send(s, id, 'Where is my order?')));
    const convIds = new Set<string>();
    results.forEach((r, j) => {
      if (r.status !== 'fulfilled' || !r.value.ok) return;
      out.acked++;
      v.acked.set(ids[j]!, '');
      const data = r.value.data as { token?: string; conversation?: { id: string } };
      if (data.token) v.token = data.token;
      if (data.conversation) convIds.add(data.conversation.id);
    });
    out.conversations += convIds.size;
    s.close();
    if (!v.token) continue;
    const again = await connect(url, v);
    const seen = new Set((await syncAll(again)).map((m) => m.clientId));
    again.close();
    for (const id of v.acked.keys()) if (!seen.has(id)) out.invisible++;
  }
  return out;
}

const dataDir = mkdtempSync(join(tmpdir(), 'bulle-crash-'));
const port = await freePort();
// Visitors here send back to back on purpose (to have many messages in flight at the kill),
// so the per-visitor flood limit is lifted for this bench.
const env: Record<string, string> = {
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  BULLE_SEED_DEMO: 'true',
  BULLE_FSYNC: String(args.fsync),
  BULLE_VISITOR_MSG_PER_SEC: '1000',
  BULLE_VISITOR_MSG_BURST: '1000',
};
if (args.flushMs !== '') env.BULLE_FLUSH_MS = String(args.flushMs);
if (args.maxMessages !== '') env.BULLE_MAX_MESSAGES_IN_MEMORY = String(args.maxMessages);
console.log(`bench:crash — ${nVisitors} visitors × ${args.inflight} in flight, SIGKILL after ${args.killAfter} s, ${rounds} rounds, DATA_DIR ${dataDir}${args.maxMessages !== '' ? `, ${args.maxMessages} messages in memory at most` : ''}`);

const all: RoundStats[] = [];
let server: Child | undefined;
let final: Check | undefined;
let race: Awaited<ReturnType<typeof raceProbe>> | undefined;
try {
  for (let r = 1; r <= rounds + 1; r++) {
    const stats: RoundStats = { round: r, restartMs: 0, resent: 0, resentOk: 0, sent: 0, acked: 0, inFlightAtKill: 0, failed: 0 };
    const t0 = Date.now();
    server = await startChild('server/main.ts', env, port);
    stats.restartMs = Date.now() - t0;
    if (r > 1) stats.check = await verify(server.url);
    if (r === rounds + 1) {
      // Final: resend what the last kill caught in flight, check everything again, stop cleanly.
      const sockets = await traffic(server.url, stats, 0);
      for (const s of sockets) s?.close();
      final = await verify(server.url);
      if (args.raceProbe > 0) race = await raceProbe(server.url, Math.floor(args.raceProbe));
      await server.stop();
      all.push(stats);
      break;
    }
    const killAt = Date.now() + args.killAfter * 1000;
    const running = traffic(server.url, stats, killAt + 60_000); // the loops stop at the disconnect
    await sleep(Math.max(0, killAt - Date.now()));
    await server.kill9();
    const sockets = await running;
    for (const s of sockets) s?.close();
    stats.inFlightAtKill = vs.reduce((n, v) => n + v.unacked.size, 0);
    all.push(stats);
  }
} finally {
  if (server) await server.kill9();
  if (!args.keepData) rmSync(dataDir, { recursive: true, force: true });
}

const totalAcked = vs.reduce((n, v) => n + v.acked.size, 0);
console.log('');
console.log(
  table([
    ['round', 'start ms', 'resent', 'resent ok', 'sent', 'acked', 'refused', 'in flight at kill', 'checked', 'missing', 'dupes', 'seq gaps', 'bad token'],
    ...all.map((s) => [
      s.round > rounds ? 'final' : s.round,
      s.restartMs,
      s.resent,
      s.resentOk,
      s.sent,
      s.acked,
      s.failed,
      s.round > rounds ? '—' : s.inFlightAtKill,
      s.check?.expected ?? '—',
      s.check?.missing ?? '—',
      s.check?.duplicates ?? '—',
      s.check?.seqGaps ?? '—',
      s.check?.unknownToken ?? '—',
    ]),
    ['final check', '', '', '', '', '', '', '', final?.expected ?? '—', final?.missing ?? '—', final?.duplicates ?? '—', final?.seqGaps ?? '—', final?.unknownToken ?? '—'],
  ]),
);
if (race) {
  console.log(
    `first-message race probe (no crash): ${Math.floor(args.raceProbe)} new visitors × 2 messages sent at once → ${race.acked} acked, ` +
      `${race.conversations} conversations created (expected ${Math.floor(args.raceProbe)}), ${race.invisible} acked messages invisible to the visitor's sync`,
  );
}
const examples = [...all.flatMap((s) => s.check?.examples ?? []), ...(final?.examples ?? [])];
if (examples.length) console.log(`missing, e.g.:\n  ${[...new Set(examples)].slice(0, 6).join('\n  ')}`);
console.log('(row N: start of round N; "checked…bad token" verify the acks made before the previous kill; "final check" runs after the last resends)');
console.log('');
console.log(JSON.stringify({ acked: totalAcked, missing: final ? final.missing : totalAcked }));
process.exit(0);
