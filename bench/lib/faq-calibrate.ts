// Fits the matcher's confidence (faq/confidence.ts) on a bench file: a logistic model of "the
// best candidate is the right entry" from its component scores, with two-fold cross-validation
// so the figures printed for the chosen thresholds come from queries the fit did not see.
import type { MatchCandidate } from '../../faq/index.js';

export const FEATURES = ['coverage', 'recall', 'known', 'evidence', 'margin', 'relevance', 'support', 'fit'] as const;

/** Features left out of the fit (`--without support`: the plausibility's model). */
const DROPPED = new Set(process.argv.flatMap((a, i) => (process.argv[i - 1] === '--without' ? a.split(',') : [])));

export interface Sample {
  x: number[];
  /** The best candidate is the expected entry. */
  right: boolean;
  inScope: boolean;
  /** The expected entry is among the top 3 by relevance. */
  inTop3: boolean;
  /** Weight in the fit (1 unless set): each FAQ shape counts the same, whatever its size. */
  w?: number;
}

export function sampleOf(candidates: MatchCandidate[], expected: string | null): Sample {
  const byRelevance = [...candidates].sort((a, b) => (b.scores?.relevance ?? 0) - (a.scores?.relevance ?? 0));
  const best = byRelevance[0];
  const x = FEATURES.map((f) => (DROPPED.has(f) ? 0 : (best?.scores?.[f] ?? 0)));
  return {
    x,
    right: best !== undefined && best.faqId === expected,
    inScope: expected !== null,
    inTop3: expected !== null && byRelevance.slice(0, 3).some((c) => c.faqId === expected),
  };
}

/** Logistic regression by Newton's method, with a little L2 on the weights (not the bias). */
export function fitLogistic(samples: Sample[], l2 = 1e-3): number[] {
  const d = FEATURES.length + 1;
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const total = samples.reduce((sum, s) => sum + (s.w ?? 1), 0);
    for (const s of samples) {
      const xb = [1, ...s.x];
      const p = sigmoid(dot(w, xb));
      const y = s.right ? 1 : 0;
      const sw = (s.w ?? 1) / total;
      for (let i = 0; i < d; i++) {
        grad[i]! += (p - y) * xb[i]! * sw;
        for (let j = 0; j < d; j++) hess[i]![j]! += p * (1 - p) * xb[i]! * xb[j]! * sw;
      }
    }
    for (let i = 1; i < d; i++) {
      grad[i]! += 2 * l2 * w[i]!;
      hess[i]![i]! += 2 * l2;
    }
    const step = solve(hess, grad);
    w = w.map((v, i) => v - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

export const predict = (w: number[], s: Sample) => sigmoid(dot(w, [1, ...s.x]));

export interface Rates {
  top1: number;
  top3: number;
  oosStepAside: number;
  precision: number;
}

/** The figures for confidences `p` at thresholds (answer, suggest). */
export function rates(samples: Sample[], p: number[], answer: number, suggest: number): Rates {
  let right = 0, answered = 0, top3 = 0, oosAside = 0, inScope = 0, oos = 0;
  samples.forEach((s, i) => {
    const ans = p[i]! >= answer;
    const offered = p[i]! >= suggest;
    if (ans) answered++;
    if (ans && s.right) right++;
    if (s.inScope) {
      inScope++;
      if (offered && s.inTop3) top3++;
    } else {
      oos++;
      if (!offered) oosAside++;
    }
  });
  return { top1: right / inScope, top3: top3 / inScope, oosStepAside: oosAside / oos, precision: answered ? right / answered : 1 };
}

/**
 * Thresholds from the targets: the answer threshold with the best top-1 that keeps
 * precision ≥ 0.9 and out-of-scope step-aside ≥ 0.9 (plus `margin` for what the held-out set
 * will take away), and the lowest suggest threshold that still steps aside on ≥ 0.9 + margin
 * of out-of-scope questions.
 */
export function chooseThresholds(samples: Sample[], p: number[], margin = 0.02): { answer: number; suggest: number } {
  const grid = Array.from({ length: 91 }, (_, i) => 0.05 + i / 100);
  let answer = 0.95;
  let bestTop1 = -1;
  for (const t of grid) {
    const r = rates(samples, p, t, t);
    if (r.precision >= 0.9 + margin && r.oosStepAside >= 0.9 + margin && r.top1 > bestTop1) [answer, bestTop1] = [t, r.top1];
  }
  const suggest = grid.find((t) => t <= answer && rates(samples, p, answer, t).oosStepAside >= 0.9 + margin) ?? answer;
  return { answer: round2(answer), suggest: round2(suggest) };
}

/**
 * Thresholds for several FAQ shapes at once: the answer threshold with the best mean top-1 that
 * keeps precision and out-of-scope step-aside ≥ 0.9 + margin on EVERY shape, then the lowest
 * suggest threshold that keeps step-aside there on every shape.
 */
export function chooseThresholdsAll(groups: { samples: Sample[]; p: number[] }[], margin = 0.02): { answer: number; suggest: number } {
  const grid = Array.from({ length: 91 }, (_, i) => 0.05 + i / 100);
  let answer = 0.95;
  let bestTop1 = -1;
  for (const t of grid) {
    const rs = groups.map((g) => rates(g.samples, g.p, t, t));
    const top1 = rs.reduce((s, r) => s + r.top1, 0) / rs.length;
    if (rs.every((r) => r.precision >= 0.9 + margin && r.oosStepAside >= 0.9 + margin) && top1 > bestTop1) [answer, bestTop1] = [t, top1];
  }
  const suggest = grid.find((t) => t <= answer && groups.every((g) => rates(g.samples, g.p, answer, t).oosStepAside >= 0.9 + margin)) ?? answer;
  return { answer: round2(answer), suggest: round2(suggest) };
}

/** Seeded split into two folds (mulberry32), so the figures are reproducible. */
export function twoFolds<T>(items: T[], seed = 7): [T[], T[]] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const folds: [T[], T[]] = [[], []];
  for (const item of items) folds[rand() < 0.5 ? 0 : 1].push(item);
  return folds;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Gaussian elimination with partial pivoting: A x = b. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[pivot]![c]!)) pivot = r;
    [M[c], M[pivot]] = [M[pivot]!, M[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / M[r]![r]!;
  }
  return x;
}
