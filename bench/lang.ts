// npm run bench:lang -- <langid-short.jsonl> [--seed 7] [--fallback en]
//
// Language detection on short chat-like texts, given as a path: one {"text","lang"} per line. The site speaks the 8 routing
// languages (allowed = en fr es de it pt nl pl, default --fallback); texts in other languages are
// reported apart ("outside the routing set": where they land and how sure the detector is).
//   1. memory: heap and RSS before and after loading the detector (and one call, for lazy tables);
//   2. no hint: detect(text, { allowed, fallback });
//   3. 70 %-right browser hint: the text's language for exactly 70 % of the texts of each language
//      and length group, otherwise one of the other 7 routing languages, all drawn from a seeded
//      PRNG so every run sees the same hints;
//   4. time per message: both passes 5 more times, best round of each (wall clock), CPU time beside.
// Prints tables, and as the last line one JSON object (fractions 0..1).
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseArgs, table } from './lib/stats.js';

const ROUTING = ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl', 'pl'];
const BUCKETS = ['1-2', '3-5', '6-12'] as const;
type Bucket = (typeof BUCKETS)[number];

const [file, ...rest] = process.argv.slice(2);
if (!file || file.startsWith('--')) {
  console.error('usage: npm run bench:lang -- <langid-short.jsonl> [--seed 7] [--fallback en]');
  process.exit(2);
}
const args = parseArgs(rest, { seed: 7, fallback: 'en' });

interface Sample { text: string; lang: string; bucket: Bucket | undefined }
const samples: Sample[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => {
    const { text, lang } = JSON.parse(l) as { text: string; lang: string };
    return { text, lang, bucket: bucketOf(text) };
  });
const inSet = samples.filter((s) => ROUTING.includes(s.lang));
const outside = samples.filter((s) => !ROUTING.includes(s.lang));

/** Word = whitespace token with a letter or digit in it (README: "Viens !" is 1 word). */
function bucketOf(text: string): Bucket | undefined {
  const n = text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
  return n >= 1 && n <= 2 ? '1-2' : n >= 3 && n <= 5 ? '3-5' : n >= 6 && n <= 12 ? '6-12' : undefined;
}

/** mulberry32: small, seeded, good enough to draw hints. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 1. Memory: the detector module is imported only now, after a baseline with a full GC.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mem = () => {
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed / 2 ** 20, rss: m.rss / 2 ** 20 };
};
const before = mem();
const { createLanguageDetector } = await import('../faq/detector/index.js');
const detector = createLanguageDetector();
detector.detect('Bonjour, où est ma commande ?', { allowed: ROUTING, fallback: args.fallback });
const after = mem();
const heapMB = after.heap - before.heap;
const rssMB = after.rss - before.rss;

// 2.–3. The two passes. Hints are drawn once, in file order: in each language × length group,
// exactly 70 % (rounded) of the texts, picked by a seeded shuffle, get their own language.
const rand = prng(args.seed);
const hints: string[] = new Array(inSet.length);
const groups = new Map<string, number[]>();
inSet.forEach((s, i) => groups.set(`${s.lang}/${s.bucket}`, [...(groups.get(`${s.lang}/${s.bucket}`) ?? []), i]));
for (const idx of groups.values()) {
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  idx.forEach((k, n) => {
    const lang = inSet[k]!.lang;
    const others = ROUTING.filter((l) => l !== lang);
    hints[k] = n < Math.round(0.7 * idx.length) ? lang : others[Math.floor(rand() * others.length)]!;
  });
}
const outsideHints = outside.map(() => ROUTING[Math.floor(rand() * ROUTING.length)]!);

interface Pass { name: string; lang: string[]; confidence: number[]; ms: number }
function run(name: string, list: Sample[], browser: (i: number) => string[] | undefined): Pass {
  const out: Pass = { name, lang: [], confidence: [], ms: 0 };
  const t0 = performance.now();
  for (let i = 0; i < list.length; i++) {
    const b = browser(i);
    const d = detector.detect(list[i]!.text, { allowed: ROUTING, fallback: args.fallback, ...(b ? { browser: b } : {}) });
    out.lang.push(d.lang);
    out.confidence.push(d.confidence);
  }
  out.ms = performance.now() - t0;
  return out;
}
const noHint = run('no hint', inSet, () => undefined);
const withHint = run('70 % hint', inSet, (i) => [hints[i]!]);
const outNoHint = run('outside, no hint', outside, () => undefined);
const outWithHint = run('outside, hint', outside, (i) => [outsideHints[i]!]);
// 4. Time: the two passes again, TIMING_ROUNDS times; the best round of each counts (the usual
// micro-benchmark rule: other processes only ever add time), CPU time is printed beside it.
const TIMING_ROUNDS = 5;
let bestNone = Infinity;
let bestHint = Infinity;
const cpu0 = process.cpuUsage();
for (let r = 0; r < TIMING_ROUNDS; r++) {
  bestNone = Math.min(bestNone, run('no hint', inSet, () => undefined).ms);
  bestHint = Math.min(bestHint, run('70 % hint', inSet, (i) => [hints[i]!]).ms);
}
const cpu = process.cpuUsage(cpu0);
const usPerMessage = ((bestNone + bestHint) * 1000) / (2 * inSet.length);
const cpuUsPerMessage = (cpu.user + cpu.system) / (2 * TIMING_ROUNDS * inSet.length);

const acc = (p: Pass, keep: (s: Sample) => boolean) => {
  let n = 0;
  let ok = 0;
  inSet.forEach((s, i) => {
    if (!keep(s)) return;
    n++;
    if (p.lang[i] === s.lang) ok++;
  });
  return n ? ok / n : NaN;
};
const summary = (p: Pass) => ({
  overall: acc(p, () => true),
  byBucket: Object.fromEntries(BUCKETS.map((b) => [b, acc(p, (s) => s.bucket === b)])) as Record<Bucket, number>,
});
const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) : '—');
const r4 = (x: number) => Math.round(x * 10000) / 10000;

// Tables.
const count = (b?: Bucket) => inSet.filter((s) => !b || s.bucket === b).length;
console.log(`bench:lang — ${file}: ${inSet.length} texts in the 8 routing languages, ${outside.length} outside; fallback ${args.fallback}, hint seed ${args.seed}\n`);
console.log(table([
  ['accuracy %', `all (${count()})`, ...BUCKETS.map((b) => `${b} (${count(b)})`)],
  ...[noHint, withHint].map((p) => [p.name, pct(acc(p, () => true)), ...BUCKETS.map((b) => pct(acc(p, (s) => s.bucket === b)))]),
]));
console.log('\n' + table([
  ['by language %', ...ROUTING],
  ...[noHint, withHint].map((p) => [p.name, ...ROUTING.map((l) => pct(acc(p, (s) => s.lang === l)))]),
]));
const hintRight = hints.filter((h, i) => h === inSet[i]!.lang).length / hints.length;
const meanConf = (p: Pass, ok: boolean) => {
  const cs = p.confidence.filter((_, i) => (p.lang[i] === inSet[i]!.lang) === ok);
  return cs.length ? cs.reduce((a, b) => a + b, 0) / cs.length : NaN;
};
console.log(`\nhint right on ${pct(hintRight)} % of texts; mean confidence right/wrong: no hint ${meanConf(noHint, true).toFixed(2)}/${meanConf(noHint, false).toFixed(2)}, hint ${meanConf(withHint, true).toFixed(2)}/${meanConf(withHint, false).toFixed(2)}`);
// Calibration: how much of the traffic clears a confidence bar, and how often it is right there.
const CONF_BARS = [0.5, 0.8, 0.9, 0.95];
const atBar = (p: Pass, bar: number) => {
  const idx = inSet.map((_, i) => i).filter((i) => p.confidence[i]! >= bar);
  const ok = idx.filter((i) => p.lang[i] === inSet[i]!.lang).length;
  return `${pct(idx.length / inSet.length)} / ${pct(idx.length ? ok / idx.length : NaN)}`;
};
console.log('\n' + table([
  ['confidence ≥ (share % / right %)', ...CONF_BARS.map(String)],
  ...[noHint, withHint].map((p) => [p.name, ...CONF_BARS.map((b) => atBar(p, b))]),
]));

// Outside the routing set: which routing language each extra language lands on, and how sure.
const outLangs = [...new Set(outside.map((s) => s.lang))];
if (outLangs.length) {
  const landing = (p: Pass, l: string) => {
    const idx = outside.map((s, i) => (s.lang === l ? i : -1)).filter((i) => i >= 0);
    const tally = new Map<string, number>();
    for (const i of idx) tally.set(p.lang[i]!, (tally.get(p.lang[i]!) ?? 0) + 1);
    const top = [...tally].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k, v]) => `${k} ${pct(v / idx.length)}`).join(', ');
    const conf = idx.reduce((a, i) => a + p.confidence[i]!, 0) / idx.length;
    return [top, conf.toFixed(2)];
  };
  console.log('\n' + table([
    ['outside the routing set', 'no hint: lands on %', 'mean conf.', 'random hint: lands on %', 'mean conf.'],
    ...outLangs.map((l) => [l, ...landing(outNoHint, l), ...landing(outWithHint, l)]),
  ]));
}

console.log(`\ntime ${usPerMessage.toFixed(1)} µs per message (best of ${TIMING_ROUNDS} rounds; CPU ${cpuUsPerMessage.toFixed(1)} µs on average); detector memory: heap +${heapMB.toFixed(1)} MB, RSS +${rssMB.toFixed(1)} MB (after GC)`);
console.log(JSON.stringify({
  noHint: roundAll(summary(noHint)),
  withHint: roundAll(summary(withHint)),
  usPerMessage: Math.round(usPerMessage * 10) / 10,
  detectorMB: Math.round(Math.max(heapMB, rssMB) * 10) / 10,
}));

function roundAll(s: ReturnType<typeof summary>) {
  return { overall: r4(s.overall), byBucket: Object.fromEntries(Object.entries(s.byBucket).map(([k, v]) => [k, r4(v)])) };
}
