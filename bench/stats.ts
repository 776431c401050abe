// npm run bench:stats -- [--conversations 10000] [--days 90] [--runs 7]
//
// How long the numbers take on the embedded store: an in-memory store is filled with
// --conversations conversations spread over --days days (a bot answer in each, a third handed
// off and closed by an agent, some rated, some with feedback and unanswered questions), then
// conversationStats and exportConversations are timed over the last 30 days and over the whole
// span, --runs times each (median and max wall time, and the median CPU time this process spent:
// on a shared machine the wall time mostly measures the others). The store computes them on the
// server's thread, so these times are how long a request holds it. Bounded: at most 200,000 conversations.
// Last line: JSON with the figures.
import { performance } from 'node:perf_hooks';
import { LowdbChatStore } from '../server/storage/lowdb-chat-store.js';
import type { StatsFilter } from '../server/storage/records.js';
import { fmt, parseArgs, table } from './lib/stats.js';

const args = parseArgs(process.argv.slice(2), { conversations: 10_000, days: 90, runs: 7 });
const N = Math.min(200_000, Math.max(1, Math.floor(args.conversations)));
const DAYS = Math.min(3650, Math.max(1, Math.floor(args.days)));
const RUNS = Math.min(50, Math.max(1, Math.floor(args.runs)));
const DAY = 86_400_000;
const END = Date.parse('2026-12-06T00:00:00Z');
const START = END - DAYS * DAY;

const store = new LowdbChatStore({ dir: null });
await store.open();
const langs = ['fr', 'en', 'es', 'de'];
const tags = ['order-status', 'returns', 'delivery', 'payment'];
for (let i = 0; i < N; i++) {
  const createdAt = START + Math.floor((i / N) * DAYS * DAY);
  const handed = i % 3 === 0;
  const id = `c${i}`;
  await store.createConversation({
    id,
    siteId: 'demo',
    visitorId: `v${i % Math.max(1, Math.floor(N / 2))}`,
    status: handed ? 'closed' : 'bot',
    lang: langs[i % 4]!,
    langConfidence: 1,
    createdAt,
    updatedAt: createdAt,
    lastSeq: 0,
    visitorReadSeq: 0,
    visitorLanguages: [langs[i % 4]!],
    ...(i % 5 === 0 ? { feedback: { 2: i % 10 === 0 ? 'unhelpful' : 'helpful' } } : {}),
    ...(handed
      ? {
          handedOffAt: createdAt + 60_000,
          firstAgentReplyAt: createdAt + 60_000 + (i % 600) * 1000,
          closedAt: createdAt + 30 * 60_000,
          firstClosedAt: createdAt + 30 * 60_000,
          endedBy: 'agent' as const,
          resolved: i % 4 !== 0,
          tag: tags[i % 4],
          assignedAgentId: `a${i % 5}`,
          ...(i % 2 === 0 ? { rating: { score: 1 + (i % 5), at: createdAt + 31 * 60_000 } } : {}),
        }
      : {}),
  });
  await store.appendMessage(id, { author: 'visitor', text: 'where is my order?' });
  await store.appendMessage(id, { author: 'bot', text: 'answer', bot: { outcome: 'answer', via: 'fuzzy', faqId: `faq-${i % 20}`, confidence: 0.9, lang: 'en', langConfidence: 1 } });
  await store.appendMessage(id, { author: 'visitor', text: 'thanks' });
  if (i % 10 === 0) {
    await store.addUnanswered({ id: `u${i}`, siteId: 'demo', text: 'q', lang: langs[i % 4]!, at: createdAt, conversationId: id, reason: 'unhelpful' });
  }
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ranges: [string, StatsFilter][] = [
  ['last 30 days', { siteId: 'demo', from: day(END - 30 * DAY), to: day(END - 1) }],
  [`all ${DAYS} days`, { siteId: 'demo', from: day(START), to: day(END - 1) }],
  ['all, lang=fr', { siteId: 'demo', from: day(START), to: day(END - 1), lang: 'fr' }],
];
const rows: (string | number)[][] = [['query', 'in scope', 'stats p50 ms', 'stats max ms', 'stats CPU p50 ms', 'export p50 ms']];
const figures: Record<string, unknown> = { conversations: N, days: DAYS, runs: RUNS };
for (const [name, filter] of ranges) {
  const stats: number[] = [];
  const cpu: number[] = [];
  const exports: number[] = [];
  let scope = 0;
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    const c0 = process.cpuUsage();
    scope = (await store.conversationStats(filter)).conversations;
    stats.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    t = performance.now();
    await store.exportConversations(filter);
    exports.push(performance.now() - t);
  }
  stats.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const cpuP50 = cpu[Math.floor(RUNS / 2)]!;
  exports.sort((a, b) => a - b);
  const p50 = stats[Math.floor(RUNS / 2)]!;
  rows.push([name, scope, fmt(p50), fmt(stats[RUNS - 1]), fmt(cpuP50), fmt(exports[Math.floor(RUNS / 2)])]);
  figures[name] = { scope, statsP50Ms: Number(p50.toFixed(1)), statsMaxMs: Number(stats[RUNS - 1]!.toFixed(1)), statsCpuP50Ms: Number(cpuP50.toFixed(1)), exportP50Ms: Number(exports[Math.floor(RUNS / 2)]!.toFixed(1)) };
}
await store.close();
console.log(table(rows));
console.log(JSON.stringify(figures));
