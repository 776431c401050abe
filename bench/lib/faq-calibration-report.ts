// `bench:faq --calibrate`: fits the confidence on the bench's answers, two-fold cross-validated,
// and prints the weights and thresholds to put in faq/confidence.ts and faq/decide.ts.
import type { MatchCandidate } from '../../faq/index.js';
import { chooseThresholds, FEATURES, fitLogistic, predict, rates, sampleOf, twoFolds, type Rates } from './faq-calibrate.js';
import { table } from './stats.js';

export function calibrationReport(asked: { expected: string | null; candidates: MatchCandidate[] }[]): string {
  const samples = asked.map((a) => sampleOf(a.candidates, a.expected));
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const row = (name: string, r: Rates, t: { answer: number; suggest: number }) =>
    [name, `${t.answer} / ${t.suggest}`, pct(r.top1), pct(r.top3), pct(r.oosStepAside), pct(r.precision)];
  const rows: (string | number)[][] = [['fit on → measured on', 'answer / suggest', 'top-1', 'top-3', 'OOS step-aside', 'precision']];
  const folds = twoFolds(samples);
  folds.forEach((train, k) => {
    const test = folds[1 - k]!;
    const w = fitLogistic(train);
    const t = chooseThresholds(train, train.map((s) => predict(w, s)));
    rows.push(row(`fold ${k + 1} → fold ${2 - k}`, rates(test, test.map((s) => predict(w, s)), t.answer, t.suggest), t));
  });
  const w = fitLogistic(samples);
  const p = samples.map((s) => predict(w, s));
  const t = chooseThresholds(samples, p);
  rows.push(row('all → all', rates(samples, p, t.answer, t.suggest), t));
  const curve: (string | number)[][] = [['answer from', 'top-1', 'precision', 'OOS answered']];
  for (const a of [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
    const r = rates(samples, p, a, a);
    curve.push([a, pct(r.top1), pct(r.precision), pct(1 - r.oosStepAside)]);
  }
  const weights = ['bias', ...FEATURES].map((name, i) => `${name}: ${w[i]!.toFixed(2)}`).join(', ');
  return `calibration (best candidate by relevance; hand-offs left out)\n${table(rows.filter((r) => r.length))}\nweights { ${weights} }\n\nfitted confidence, answer threshold alone (no "did you mean"):\n${table(curve)}`;
}
