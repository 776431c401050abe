// The figures the FAQ bench reports, from one outcome per test query.
import { percentile } from './stats.js';

export interface Outcome {
  /** null = out of scope: the bot should step aside. */
  expected: string | null;
  /** The entry answered with, or null when the bot did not answer. */
  answered: string | null;
  /** What the bot offered, best first: the answer, or the "did you mean" entries; empty when it stepped aside. */
  offered: string[];
  /** The matcher's top candidates, best first (for the top-3 figure). */
  top: string[];
  ms: number;
}

export interface Figures {
  inScopeTop1: number;
  top3: number;
  oosStepAside: number;
  precision: number;
  msMedian: number;
  msP95: number;
  n: number;
  nInScope: number;
  nOos: number;
  answered: number;
  suggested: number;
}

export function figures(outcomes: Outcome[]): Figures {
  const inScope = outcomes.filter((o) => o.expected !== null);
  const oos = outcomes.filter((o) => o.expected === null);
  const answered = outcomes.filter((o) => o.answered !== null);
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const share = (k: number, n: number) => (n > 0 ? k / n : 0);
  return {
    // Stepping aside, or only suggesting, is not a right answer.
    inScopeTop1: share(inScope.filter((o) => o.answered === o.expected).length, inScope.length),
    // The right entry among the matcher's top 3, unless the bot stepped aside.
    top3: share(inScope.filter((o) => o.offered.length > 0 && o.top.slice(0, 3).includes(o.expected!)).length, inScope.length),
    // Neither an answer nor buttons: the bot said it could not help and offered a person.
    oosStepAside: share(oos.filter((o) => o.offered.length === 0).length, oos.length),
    precision: share(answered.filter((o) => o.answered === o.expected).length, answered.length),
    msMedian: percentile(ms, 50),
    msP95: percentile(ms, 95),
    n: outcomes.length,
    nInScope: inScope.length,
    nOos: oos.length,
    answered: answered.length,
    suggested: outcomes.filter((o) => o.answered === null && o.offered.length > 0).length,
  };
}
