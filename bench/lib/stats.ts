// Small numeric helpers for latency arrays and table printing.
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function summarize(values: number[]): LatencySummary {
  const s = Float64Array.from(values).sort();
  const arr = Array.from(s);
  return { n: arr.length, p50: percentile(arr, 50), p90: percentile(arr, 90), p99: percentile(arr, 99), max: arr.length ? arr[arr.length - 1]! : NaN };
}

export const round = (x: number, digits = 1): number | null => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

export function fmt(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toFixed(digits);
}

/** Rows of cells → aligned text; first row is the header. */
export function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const sep = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]!), sep, ...cells.slice(1).map(line)].join('\n');
}

export function parseArgs<T extends Record<string, number | string | boolean>>(argv: string[], defaults: T): T {
  const out: Record<string, number | string | boolean> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"`);
    const [rawKey, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const key = rawKey.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!(key in defaults)) throw new Error(`unknown option --${rawKey} (known: ${Object.keys(defaults).map((k) => '--' + k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())).join(' ')})`);
    const def = defaults[key];
    if (typeof def === 'boolean') {
      const next = argv[i + 1];
      if (inline === undefined && (next === 'true' || next === 'false')) {
        out[key] = next === 'true';
        i++;
      } else out[key] = inline === undefined ? true : inline === 'true' || inline === '1';
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${rawKey} needs a value`);
    if (typeof def === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`--${rawKey}: "${value}" is not a non-negative number`);
      out[key] = n;
    } else out[key] = value;
  }
  return out as T;
}

/**
 * p50/p99 per window of the run, by send time: shows whether a tail comes from the first seconds
 * (every visitor's first message creates their conversation) or from the whole run.
 */
export function timeline(latencies: number[], sentAt: number[], windowMs: number): string {
  if (!sentAt.length) return '—';
  const start = sentAt.reduce((a, b) => Math.min(a, b), Infinity);
  const windows: number[][] = [];
  sentAt.forEach((t, i) => (windows[Math.floor((t - start) / windowMs)] ??= []).push(latencies[i]!));
  return [...windows]
    .map((w, i) => {
      const s = summarize(w ?? []);
      return `${(i * windowMs) / 1000}s ${fmt(s.p50)}/${fmt(s.p99)}`;
    })
    .join(', ');
}
