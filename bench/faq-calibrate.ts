// Fits the matcher's confidence on several FAQ shapes at once:
// `npm run bench:faq:calibrate -- <file>[:holdout] <file>[:holdout] ...` (e.g. the multilingual
// dev file with its thin FAQ, and faq-intents.json with and without 4 phrasings held out). Each
// shape is built and asked as bench:faq does (detector, hand-off words, matcher); the logistic
// fit weighs every shape the same; thresholds must hold on every shape. Prints per shape: the
// two-fold cross-validated figures, the all-data figures, and the weights for faq/confidence.ts.
import { createFaqMatcher, createLanguageDetector, decideMessage, type MatchCandidate } from '../faq/index.js';
import { chooseThresholdsAll, FEATURES, fitLogistic, predict, rates, sampleOf, twoFolds, type Sample } from './lib/faq-calibrate.js';
import { buildCatalog, faqIdOf, holdOut, readBenchFile } from './lib/faq-data.js';
import { table } from './lib/stats.js';

const specs = process.argv.slice(2).filter((a, i, all) => a !== '--' && a !== '--without' && all[i - 1] !== '--without');
if (specs.length === 0) {
  console.error('usage: npm run bench:faq:calibrate -- <file>[:holdout] ...');
  process.exit(2);
}
const ALLOWED = ['en', 'fr', 'es', 'de'];
const detector = createLanguageDetector();

interface Shape {
  name: string;
  samples: Sample[];
}

const shapes: Shape[] = specs.map((spec) => {
  const [path, k] = spec.split(/:(?=\d+$)/);
  const holdout = Number(k ?? 0);
  const bench = holdOut(readBenchFile(path!), holdout);
  const matcher = createFaqMatcher(buildCatalog(bench.intents), { cacheSize: 0 });
  const samples: Sample[] = [];
  for (const t of bench.tests) {
    const lang = detector.detect(t.text, { allowed: ALLOWED, browser: [t.lang], fallback: 'en' }).lang;
    const d = decideMessage(matcher, t.text, lang);
    if (d.outcome === 'handoff') continue;
    samples.push(sampleOf(d.candidates as MatchCandidate[], t.intent === null ? null : faqIdOf(t.intent)));
  }
  const name = `${path!.split('/').pop()}${holdout ? ` --holdout ${holdout}` : ''}`;
  for (const s of samples) s.w = 1 / samples.length;
  return { name, samples };
});

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const fit = (train: Shape[]) => fitLogistic(train.flatMap((s) => s.samples));
const thresholdsOf = (w: number[], of: Shape[]) => chooseThresholdsAll(of.map((s) => ({ samples: s.samples, p: s.samples.map((x) => predict(w, x)) })));

// Two folds within every shape: fit and choose on one half of each, measure on the other.
const folds = shapes.map((s) => twoFolds(s.samples));
const rows: (string | number)[][] = [['shape', 'fit on', 'answer / suggest', 'top-1', 'top-3', 'OOS step-aside', 'precision']];
for (const k of [0, 1]) {
  const train = shapes.map((s, i) => ({ name: s.name, samples: folds[i]![k]! }));
  const w = fit(train);
  const t = thresholdsOf(w, train);
  shapes.forEach((s, i) => {
    const test = folds[i]![1 - k]!;
    const r = rates(test, test.map((x) => predict(w, x)), t.answer, t.suggest);
    rows.push([s.name, `fold ${k + 1} → ${2 - k}`, `${t.answer} / ${t.suggest}`, pct(r.top1), pct(r.top3), pct(r.oosStepAside), pct(r.precision)]);
  });
}
const w = fit(shapes);
const t = thresholdsOf(w, shapes);
for (const s of shapes) {
  const r = rates(s.samples, s.samples.map((x) => predict(w, x)), t.answer, t.suggest);
  rows.push([s.name, 'all → all', `${t.answer} / ${t.suggest}`, pct(r.top1), pct(r.top3), pct(r.oosStepAside), pct(r.precision)]);
}
console.log(`calibration on ${shapes.length} FAQ shapes (best candidate by relevance; hand-offs left out; each shape weighs the same)`);
console.log(table(rows));
console.log(`weights { ${['bias', ...FEATURES].map((n, i) => `${n}: ${w[i]!.toFixed(2)}`).join(', ')} }`);
console.log(`thresholds { answer: ${t.answer}, suggest: ${t.suggest} }`);
