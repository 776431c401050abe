// eld's "extrasmall" n-gram table (60 languages, ~50,000 n-grams) in four typed arrays: under 1 MB
// where eld's own `{ ngram: { langIndex: score } }` objects take ~30 MB of heap and ~55 MB of RSS
// (sparse integer-keyed objects each get a dictionary of their own). Same numbers, other layout.
// scripts/eld-ngrams.ts writes it (eld-ngrams.bin.gz) from the installed eld; eld-model.ts reads it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface NgramTables {
  /** eld's language codes, by eld's language index. */
  languages: string[];
  /** Every n-gram as packNgram(), ascending. */
  keys: Float64Array;
  /** The scores of n-gram i are entries starts[i] … starts[i + 1] − 1 of `lang` and `score`. */
  starts: Uint32Array;
  lang: Uint8Array;
  score: Uint8Array;
}

/** Which eld the table was made from: its version and a hash of its n-gram file. */
export interface EldSource {
  version: string;
  sha256: string;
}

/** eld's n-gram file format (src/ngrams/extrasmall.js). */
export interface EldNgramsData {
  languages: Record<number, string>;
  ngrams: Record<string, Record<number, number>>;
}

/**
 * An n-gram of eld's (≤ 6 characters, each ≤ U+00FF: UTF-8 bytes mapped through eld's dictionary)
 * as one exact number: bijective base 257, so lengths cannot collide and 257⁶ < 2⁵³. Anything
 * longer (eld's last n-gram of a word over 70 bytes) cannot be in the table: −1.
 */
export function packNgram(s: string): number {
  if (s.length > 6) return -1;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return -1;
    n = n * 257 + c + 1;
  }
  return n;
}

/** Adds n-gram `ngram`'s scores, plus eld's base score, to `sums` (by language index). */
export function addScores(t: NgramTables, ngram: string, base: number, sums: Float64Array): void {
  const key = packNgram(ngram);
  if (key < 0) return;
  let lo = 0;
  let hi = t.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = t.keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else {
      for (let p = t.starts[mid]!; p < t.starts[mid + 1]!; p++) sums[t.lang[p]!]! += t.score[p]! + base;
      return;
    }
  }
}

export function tablesFrom(data: EldNgramsData): NgramTables {
  const codes = Object.entries(data.languages);
  const languages = codes.map(([i, code], at) => {
    if (Number(i) !== at) throw new Error(`eld language indices are not 0…${codes.length - 1}`);
    return code;
  });
  const rows = Object.entries(data.ngrams).map(([ngram, scores]) => {
    const key = packNgram(ngram);
    if (key < 0) throw new Error(`eld n-gram ${JSON.stringify(ngram)} does not pack`);
    return { key, scores: Object.entries(scores) };
  });
  rows.sort((a, b) => a.key - b.key);
  const pairs = rows.reduce((n, r) => n + r.scores.length, 0);
  const t: NgramTables = {
    languages,
    keys: new Float64Array(rows.length),
    starts: new Uint32Array(rows.length + 1),
    lang: new Uint8Array(pairs),
    score: new Uint8Array(pairs),
  };
  let p = 0;
  rows.forEach((r, i) => {
    t.keys[i] = r.key;
    t.starts[i] = p;
    for (const [lang, score] of r.scores) {
      if (!Number.isInteger(score) || score < 0 || score > 0xff) throw new Error(`eld score ${score} does not fit a byte`);
      t.lang[p] = Number(lang);
      t.score[p++] = score;
    }
  });
  t.starts[rows.length] = p;
  return t;
}

/** What eld-model.ts checks the table against: the installed eld (`dir` = its src/ folder). */
export function eldSource(dir: URL): EldSource {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', dir), 'utf8')) as { version: string };
  const sha256 = createHash('sha256').update(readFileSync(new URL('ngrams/extrasmall.js', dir))).digest('hex');
  return { version: pkg.version, sha256 };
}

// File: one JSON line (source, languages, counts), then the four arrays as they lie in memory
// (little-endian, as on every machine Node runs on here), gzipped.
export function encodeTables(t: NgramTables, source: EldSource): Buffer {
  const head = JSON.stringify({ source, languages: t.languages, ngrams: t.keys.length, pairs: t.lang.length });
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return gzipSync(Buffer.concat([Buffer.from(head + '\n'), bytes(t.keys), bytes(t.starts), t.lang, t.score]), { level: 9 });
}

export function decodeTables(file: Buffer): { tables: NgramTables; source: EldSource } {
  const buf = gunzipSync(file);
  const nl = buf.indexOf(10);
  const head = JSON.parse(buf.subarray(0, nl).toString('utf8')) as { source: EldSource; languages: string[]; ngrams: number; pairs: number };
  let at = nl + 1;
  // Copied out (not views) so each array is aligned and owns exactly its bytes.
  const take = <T extends Float64Array | Uint32Array | Uint8Array>(make: new (n: number) => T, n: number): T => {
    const a = new make(n);
    new Uint8Array(a.buffer).set(buf.subarray(at, at + a.byteLength));
    at += a.byteLength;
    return a;
  };
  const tables: NgramTables = {
    languages: head.languages,
    keys: take(Float64Array, head.ngrams),
    starts: take(Uint32Array, head.ngrams + 1),
    lang: take(Uint8Array, head.pairs),
    score: take(Uint8Array, head.pairs),
  };
  if (at !== buf.length) throw new Error('eld n-gram file: wrong length');
  return { tables, source: head.source };
}
