// FAQ bench: `npm run bench:faq -- <faq-intents.json> [--errors] [--holdout k] [--calibrate]`.
// Builds a site FAQ
// from the file's entries, asks every test query as a visitor would — the real detector picks
// the language (the test's `lang` is only the browser hint), then the bot's own decision path
// (hand-off words, matcher, decide()) — and prints the figures, overall and per language, then
// the same figures as one JSON line. Also times the matcher on a FAQ of ~500 phrasings.
// --holdout k: k train phrasings per entry are left out of the FAQ and asked as extra in-scope
// queries (a thinner FAQ, as a merchant's would be). --calibrate: refits faq/confidence.ts.
import { performance } from 'node:perf_hooks';
import { createFaqMatcher, createLanguageDetector, decideMessage, DEFAULT_THRESHOLDS, type MatchCandidate } from '../faq/index.js';
import { calibrationReport } from './lib/faq-calibration-report.js';
import { buildCatalog, faqIdOf, holdOut, phrasingCount, readBenchFile, type BenchTest } from './lib/faq-data.js';
import { figures, type Figures, type Outcome } from './lib/faq-metrics.js';
import { percentile, table } from './lib/stats.js';
import { topicAccuracy, topicLine } from './lib/topic-accuracy.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
const showErrors = args.includes('--errors');
const calibrate = args.includes('--calibrate');
const holdoutAt = args.indexOf('--holdout');
const holdout = holdoutAt >= 0 ? Number(args[holdoutAt + 1]) : 0;
/** --answer, --suggest, --close: try other thresholds than faq/decide.ts's. */
const numberArg = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
const thresholds = {
  answer: numberArg('--answer') ?? DEFAULT_THRESHOLDS.answer,
  answerThin: numberArg('--answer-thin') ?? numberArg('--answer') ?? DEFAULT_THRESHOLDS.answerThin ?? DEFAULT_THRESHOLDS.answer,
  suggest: numberArg('--suggest') ?? DEFAULT_THRESHOLDS.suggest,
  close: numberArg('--close') ?? DEFAULT_THRESHOLDS.close ?? 0,
};
const path = args.find((a, i) => !a.startsWith('--') && !['--holdout', '--answer', '--answer-thin', '--suggest', '--close'].includes(args[i - 1] ?? ''));
if (!path || !Number.isInteger(holdout) || holdout < 0) {
  console.error('usage: npm run bench:faq -- <faq-intents.json> [--errors] [--holdout k] [--calibrate] [--no-intents] [--no-foils] [--answer a] [--answer-thin a] [--suggest s] [--close c]');
  process.exit(2);
}

const ALLOWED = ['en', 'fr', 'es', 'de'];
const DEFAULT_LANG = 'en';
const bench = holdOut(readBenchFile(path), holdout);
const catalog = buildCatalog(bench.intents);
/**
 * A request for a person is answered by handing off: for the FAQ's "talk to a person" entry that
 * is the right answer; without such an entry, handing off counts as stepping aside.
 */
const HANDOFF_ENTRY = Object.values(catalog).some((f) => f.entries.some((e) => e.id === faqIdOf('contact_human_agent')))
  ? faqIdOf('contact_human_agent')
  : null;
// No cache: the bench measures the matcher itself (and repeats each query to time it).
/** --no-intents: without the built-in intent library, for comparison. */
const intents = !args.includes('--no-intents');
/** --no-foils: without ranking the unanswered built-in intents against the entries. */
const foils = !args.includes('--no-foils');
const matcher = createFaqMatcher(catalog, { cacheSize: 0, intents, foils });
const detector = createLanguageDetector();

interface Asked extends Outcome {
  test: BenchTest;
  detected: string;
  decision: string;
  confidence: number;
  candidates: MatchCandidate[];
  faqLang: string;
}

function ask(test: BenchTest): Asked {
  const start = performance.now();
  const detected = detector.detect(test.text, { allowed: ALLOWED, browser: [test.lang], fallback: DEFAULT_LANG });
  const faqLang = catalog[detected.lang] ? detected.lang : DEFAULT_LANG;
  const d = decideMessage(matcher, test.text, faqLang, thresholds);
  const ms = performance.now() - start;
  const expected = test.intent === null ? null : faqIdOf(test.intent);
  const top = d.candidates.map((c) => c.faqId);
  const base = { test, expected, detected: detected.lang, faqLang, decision: d.outcome, confidence: d.confidence, candidates: d.candidates, top, ms };
  switch (d.outcome) {
    case 'handoff':
      return HANDOFF_ENTRY ? { ...base, answered: HANDOFF_ENTRY, offered: [HANDOFF_ENTRY], top: [HANDOFF_ENTRY] } : { ...base, answered: null, offered: [], top: [] };
    case 'answer':
      return { ...base, answered: d.faqId!, offered: [d.faqId!] };
    case 'suggest':
      return { ...base, answered: null, offered: d.suggestions ?? [] };
    case 'smalltalk':
      // "hi", "thanks": the bot replies in kind, which answers no FAQ entry.
      return { ...base, answered: null, offered: [] };
    default:
      return { ...base, answered: null, offered: [] };
  }
}

// Warm up (JIT, stemmer caches), then measure.
for (const t of bench.tests) ask(t);
const asked = bench.tests.map(ask);

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const row = (name: string, f: Figures) => [
  name, f.n, f.nInScope, f.nOos, pct(f.inScopeTop1), pct(f.top3), pct(f.oosStepAside), pct(f.precision),
  f.msMedian.toFixed(3), f.msP95.toFixed(3),
];
const langs = [...new Set(bench.tests.map((t) => t.lang))].sort();
const overall = figures(asked);
const byLang = Object.fromEntries(langs.map((l) => [l, figures(asked.filter((a) => a.test.lang === l))]));

console.log(`FAQ bench: ${path}${holdout ? ` (${holdout} train phrasings per entry held out of the FAQ and asked)` : ''}`);
console.log(`FAQ built: ${Object.keys(catalog).map((l) => `${l} ${catalog[l]!.entries.length} entries / ${phrasingCount(catalog, l)} phrasings`).join(', ')}; no keywords`);
console.log(`thresholds: answer ≥ ${thresholds.answer} (thin FAQ ≥ ${thresholds.answerThin}), "did you mean" ≥ ${thresholds.suggest}, close entries within ${thresholds.close} offered together; language by the detector (allowed ${ALLOWED.join(' ')}, test lang as browser hint)\n`);
/** A language's FAQ shape: "thin" with at most 2 sentences per entry (a question, maybe one more), else "rich". */
const shapeOf = (l: string) => {
  const perEntry = phrasingCount(catalog, l) / Math.max(1, catalog[l]?.entries.length ?? 1);
  return `${perEntry <= 2 ? 'thin' : 'rich'} ${perEntry.toFixed(1)}/entry`;
};
console.log(table([
  ['', 'FAQ shape', 'queries', 'in scope', 'out of scope', 'in-scope top-1', 'top-3', 'OOS step-aside', 'precision', 'ms median', 'ms p95'],
  [row('overall', overall)[0]!, holdout ? `held out ${holdout}` : '', ...row('overall', overall).slice(1)],
  ...langs.map((l) => [l, catalog[l] ? shapeOf(l) : 'none', ...row(l, byLang[l]!).slice(1)]),
]));

// Where the figures come from: each source's decisions.
const sources = [...new Set(bench.tests.map((t) => t.src.startsWith('clinc:') ? 'clinc:<domain>' : t.src))];
console.log('\n' + table([
  ['source', 'queries', 'answered right', 'answered wrong', 'did you mean', 'stepped aside', 'hand-off'],
  ...sources.map((src) => {
    const of = asked.filter((a) => (a.test.src.startsWith('clinc:') ? 'clinc:<domain>' : a.test.src) === src);
    const count = (p: (a: Asked) => boolean) => of.filter(p).length;
    return [src, of.length, count((a) => a.answered !== null && a.answered === a.expected),
      count((a) => a.answered !== null && a.answered !== a.expected), count((a) => a.decision === 'suggest'),
      count((a) => a.decision === 'stepAside'), count((a) => a.decision === 'handoff')];
  }),
]));
const detectedAs = new Map<string, number>();
for (const a of asked) detectedAs.set(a.detected, (detectedAs.get(a.detected) ?? 0) + 1);
const topics = topicAccuracy(asked, bench.intents, (a) => matcher.match(a.test.text, a.faqLang));
console.log(`\n${topicLine(topics)}`);
console.log(`\nlanguage detected: ${[...detectedAs].map(([l, n]) => `${l} ${n}`).join(', ')} (all test queries are labelled ${langs.join(', ')})`);

// Timing on a bigger FAQ: the entries twice, the copies with the other languages' questions too.
// "one pass" is wall time as measured above (includes whatever else the machine is doing);
// "fastest of 5" is each query's own cost, without the scheduler's and the GC's pauses.
const big = buildCatalog(bench.intents, 2);
const bigMatcher = createFaqMatcher(big, { cacheSize: 0, intents, foils });
const onePass: number[] = [];
const fastest: number[] = [];
for (const t of bench.tests) decideMessage(bigMatcher, t.text, 'en');
for (const t of bench.tests) {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    decideMessage(bigMatcher, t.text, 'en');
    runs.push(performance.now() - start);
  }
  onePass.push(runs[0]!);
  fastest.push(Math.min(...runs));
}
const ms = (xs: number[], p: number) => percentile([...xs].sort((a, b) => a - b), p).toFixed(3);
console.log(`matcher + decision on an English FAQ of ${big.en!.entries.length} entries / ${phrasingCount(big, 'en')} phrasings, per query: one pass median ${ms(onePass, 50)} ms, p95 ${ms(onePass, 95)} ms; fastest of 5 median ${ms(fastest, 50)} ms, p95 ${ms(fastest, 95)} ms`);
const fullPath = fastestOf(asked.map((a) => a.test));
console.log(`same on the bench FAQ (full path incl. language detection), fastest of 5: median ${ms(fullPath, 50)} ms, p95 ${ms(fullPath, 95)} ms`);

function fastestOf(tests: BenchTest[]): number[] {
  return tests.map((t) => {
    let best = Infinity;
    for (let i = 0; i < 5; i++) best = Math.min(best, timeOne(t));
    return best;
  });
}
function timeOne(t: BenchTest): number {
  const start = performance.now();
  ask(t);
  return performance.now() - start;
}

if (showErrors) {
  console.log('\nerrors (expected → decision: got [top candidates] confidence):');
  for (const a of asked) {
    const right = a.expected === null ? a.offered.length === 0 : a.answered === a.expected;
    if (!right) console.log(`${a.test.src.padEnd(14)} ${String(a.expected).padEnd(26)} ${a.decision.padEnd(9)} ${String(a.answered ?? a.offered.join('|')).padEnd(26)} [${a.top.slice(0, 3).join(' ')}] ${a.confidence}  ${a.test.text}`);
  }
}

if (calibrate) console.log('\n' + calibrationReport(asked.filter((a) => a.decision !== 'handoff')));

const json = (f: Figures) => ({
  inScopeTop1: r4(f.inScopeTop1), top3: r4(f.top3), oosStepAside: r4(f.oosStepAside), precision: r4(f.precision),
  msMedian: r4(f.msMedian), msP95: r4(f.msP95),
});
function r4(x: number) {
  return Math.round(x * 10000) / 10000;
}
console.log(JSON.stringify({ ...json(overall), topicAccuracy: r4(topics.overall.accuracy), topicAccuracySteppedAside: r4(topics.steppedAside.accuracy), byLang: Object.fromEntries(langs.map((l) => [l, json(byLang[l]!)])) }));
