// npm run bench:start -- [--conversations 100000] [--messages 4] [--log-messages 3] [--scenarios crash,clean,log-only]
//                         [--fsync false] [--root <checkout>] [--keep-data] [--node-args "<flags>"]
//
// How long the server takes to start on a big data folder. For each scenario a temp data folder
// is filled with --conversations conversations (each with its visitor), then the real server is
// built on it in a child process (bench/lib/start-child.ts) and timed:
//   crash     shards with --messages messages each, plus a log holding --log-messages more
//             messages of every conversation and its updated record (a kill -9 after a busy stretch)
//   clean     shards only (a start after a clean stop): the folder the crash start left behind,
//             --messages + --log-messages messages each (or fresh shards without crash)
//   log-only  no shards: the log holds everything (a crash before the first compaction)
// "ready" is buildServer + listen (open included), "compacted" when the start's compaction has
// rewritten the shards and dropped the log. Wall times and, beside them, the CPU time the server
// process spent (user + system): on a shared machine the wall time mostly measures the others. --root starts another checkout's server/ on the same
// data (to compare versions). Bounded: at most 200,000 conversations, 10 minutes per start.
// Last line: JSON with every scenario's figures.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, track } from './lib/proc.js';
import { fmt, parseArgs, table } from './lib/stats.js';
import { encodeBatch } from '../server/storage/wal.js';

const args = parseArgs(process.argv.slice(2), {
  conversations: 100_000,
  messages: 4,
  logMessages: 3,
  scenarios: 'crash,clean,log-only',
  fsync: false,
  root: '',
  keepData: false,
  /** Extra node flags for the started server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
  nodeArgs: '',
});
const N = Math.min(200_000, Math.max(1, Math.floor(args.conversations)));
const M = Math.min(50, Math.floor(args.messages));
const K = Math.min(50, Math.max(1, Math.floor(args.logMessages)));
const root = args.root ? resolve(args.root) : ROOT;
const CHILD_TIMEOUT_MS = 10 * 60_000;
setTimeout(() => {
  console.error('bench:start watchdog: giving up');
  process.exit(2);
}, 60 * 60_000).unref();

const id = () => randomBytes(12).toString('base64url');
const TEXTS = [
  'Hello, how long does delivery to Lyon take?',
  'Can I return a pair of shoes I bought last week if they are too small?',
  'Our standard delivery takes 2 to 4 working days; express delivery arrives the next day.',
  'Do you ship to Belgium and Switzerland, and what does it cost?',
];
const PAGE = { url: 'https://shop.example/products/trail-running-shoes', title: 'Trail running shoes – Shop' };

interface Item {
  visitor: Record<string, unknown>;
  conversation: Record<string, unknown>;
  messages: Record<string, unknown>[];
}

function message(conversationId: string, seq: number): Record<string, unknown> {
  const visitor = seq % 2 === 1;
  return {
    id: id(),
    conversationId,
    seq,
    author: visitor ? 'visitor' : 'bot',
    text: TEXTS[seq % TEXTS.length],
    createdAt: 1_765_000_000_000 + seq * 1000,
    ...(visitor ? { clientId: id(), page: PAGE } : { lang: 'en', bot: { outcome: 'answer', faqId: 'delivery-time', score: 0.82, lang: 'en', langConfidence: 0.9 } }),
  };
}

function item(): Item {
  const visitorId = id();
  const conversationId = id();
  const visitor = { id: visitorId, siteId: 'demo', tokenHash: randomBytes(32).toString('hex'), languages: ['en', 'fr'], currentConversationId: conversationId, createdAt: 1_765_000_000_000 };
  const conversation = {
    id: conversationId,
    siteId: 'demo',
    visitorId,
    status: 'bot',
    lang: 'en',
    langConfidence: 0.9,
    createdAt: 1_765_000_000_000,
    updatedAt: 1_765_000_000_000,
    lastSeq: 0,
    visitorReadSeq: 0,
    visitorLanguages: ['en', 'fr'],
    firstMessage: TEXTS[0],
    lastPage: PAGE,
  };
  return { visitor, conversation, messages: [] };
}

/** Shards as the store writes them: visitors bucketed by their id's first character. */
function writeShards(dir: string, items: Item[]): void {
  mkdirSync(join(dir, 'visitors'), { recursive: true });
  mkdirSync(join(dir, 'conversations'), { recursive: true });
  writeFileSync(join(dir, 'core.json'), JSON.stringify({ sites: [], agents: [], sessions: [] }));
  const buckets = new Map<string, unknown[]>();
  for (const it of items) {
    const key = `b${(it.visitor.id as string).charCodeAt(0).toString(16)}`;
    (buckets.get(key) ?? buckets.set(key, []).get(key)!).push(it.visitor);
    const conversation = { ...it.conversation, lastSeq: it.messages.length, updatedAt: 1_765_000_000_000 + it.messages.length * 1000 };
    writeFileSync(join(dir, 'conversations', `${it.conversation.id}.json`), JSON.stringify({ conversation, messages: it.messages }));
  }
  for (const [key, visitors] of buckets) writeFileSync(join(dir, 'visitors', `${key}.json`), JSON.stringify({ visitors }));
}

/** A log as group commit writes it under load: batches of ~200 records, in one file. */
function writeLog(dir: string, items: Item[], from: number, withVisitors: boolean): void {
  const fd = openSync(join(dir, 'wal.log'), 'a');
  try {
    let lines: string[] = [];
    const flush = () => {
      if (lines.length) writeSync(fd, encodeBatch(lines));
      lines = [];
    };
    for (const it of items) {
      if (withVisitors) lines.push(JSON.stringify({ k: 'visitor', v: it.visitor }));
      const last = from + K;
      lines.push(JSON.stringify({ k: 'conv', v: { ...it.conversation, status: 'queued', lastSeq: last, updatedAt: 1_765_000_000_000 + last * 1000 } }));
      for (let seq = from + 1; seq <= last; seq++) lines.push(JSON.stringify({ k: 'msg', v: message(it.conversation.id as string, seq) }));
      if (lines.length >= 200) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

function sizeMB(path: string): number {
  let bytes = 0;
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
    else bytes += st.size;
  };
  try {
    walk(path);
  } catch {
    return 0;
  }
  return bytes / 2 ** 20;
}

function runChild(dir: string): Promise<Record<string, number | string | null>> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, [...String(args.nodeArgs).split(' ').filter(Boolean), '--expose-gc', '--import', 'tsx', join(ROOT, 'bench/lib/start-child.ts'), root, dir, String(args.fsync)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    track(proc);
    let out = '';
    let err = '';
    proc.stdout.on('data', (b: Buffer) => (out += b.toString()));
    proc.stderr.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
    const timer = setTimeout(() => proc.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolvePromise(JSON.parse(last));
      } catch {
        reject(new Error(`start child ended (${code ?? signal}) without a result:\n${err}`));
      }
    });
  });
}

const results: Record<string, unknown>[] = [];
console.log(`bench:start: ${N} conversations, ${M} messages each in the shards, ${K} more each in the log; fsync ${args.fsync}; server from ${root}`);
const wanted = String(args.scenarios).split(',').map((x) => x.trim()).filter(Boolean);
for (const w of wanted) if (!['clean', 'crash', 'log-only'].includes(w)) throw new Error(`unknown scenario "${w}"`);

/** Start the server on `dir` and keep the figures. */
async function measure(scenario: string, dir: string): Promise<void> {
  const shardsMB = sizeMB(join(dir, 'conversations')) + sizeMB(join(dir, 'visitors'));
  const logMB = sizeMB(join(dir, 'wal.log'));
  console.log(`  ${scenario}: shards ${shardsMB.toFixed(0)} MB, log ${logMB.toFixed(0)} MB; starting…`);
  const r = await runChild(dir);
  results.push({ scenario, conversations: N, shardsMB, logMB, ...r, left: readdirSync(dir).filter((n) => n.startsWith('wal')) });
}

function generated(scenario: string, build: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulle-bench-start-'));
  const t = performance.now();
  build(dir);
  console.log(`  ${scenario}: data written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return dir;
}

const dirs: string[] = [];
try {
  if (wanted.includes('crash') || wanted.includes('clean')) {
    const items = Array.from({ length: N }, item);
    const dir = generated(wanted.includes('crash') ? 'crash' : 'clean', (d) => {
      for (const it of items) it.messages = Array.from({ length: M }, (_, i) => message(it.conversation.id as string, i + 1));
      writeShards(d, items);
      if (wanted.includes('crash')) writeLog(d, items, M, false);
    });
    dirs.push(dir);
    if (wanted.includes('crash')) await measure('crash', dir);
    // The crash start's compaction left a clean data folder (its shards written by the store): reused.
    if (wanted.includes('clean')) await measure('clean', dir);
  }
  if (wanted.includes('log-only')) {
    const dir = generated('log-only', (d) => writeLog(d, Array.from({ length: N }, item), 0, true));
    dirs.push(dir);
    await measure('log-only', dir);
  }
} finally {
  for (const dir of dirs) {
    if (args.keepData) console.log(`  data kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const s = (ms: unknown) => (typeof ms === 'number' && Number.isFinite(ms) ? fmt(ms / 1000, 1) : '—');
console.log(
  '\n' +
    table([
      ['scenario', 'conversations', 'shards MB', 'log MB', 'open s', 'open CPU s', 'ready s', 'ready CPU s', 'compacted s', 'compaction CPU s', 'heap MB', 'RSS MB', 'error'],
      ...results.map((r) => [
        String(r.scenario),
        Number(r.conversations),
        fmt(r.shardsMB as number, 0),
        fmt(r.logMB as number, 0),
        s(r.openMs),
        s(r.openCpuMs),
        s(r.readyMs),
        s(r.readyCpuMs),
        s(r.compactedMs),
        s(r.compactCpuMs),
        fmt(r.heapMB as number, 0),
        fmt(r.rssMB as number, 0),
        r.error ? String(r.error).slice(0, 60) : '',
      ]),
    ]),
);
console.log(JSON.stringify({ conversations: N, messages: M, logMessages: K, fsync: args.fsync, root, results }));
