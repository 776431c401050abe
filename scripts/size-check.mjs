// The byte budget: print the loader's and the app's sizes as the server sends them — the minified
// file and its precompressed .br and .gz copies (vite.config.ts writes them; the server never
// compresses per request) — and fail the build when a gzip copy (or the loader's brotli copy) passes
// its budget, or a copy is missing (the server would then send the file uncompressed). The loader's
// 1.5 KB holds window.Bulle, the proactive rules and the follow-up check (docs/2026-12-07-loader-budget.md).
import { existsSync, readFileSync, statSync } from 'node:fs';

const MANIFEST = 'dist/widget-manifest.json';
if (!existsSync(MANIFEST)) {
  console.error(`size-check: ${MANIFEST} is missing (did the app build run?)`);
  process.exit(1);
}
const { app } = JSON.parse(readFileSync(MANIFEST, 'utf8'));

const BUDGETS = [
  { name: 'loader /widget.js', file: 'dist/widget/widget.js', gzipMax: 1536, brMax: 1536 },
  { name: `app /widget/${app}`, file: `dist/widget/${app}`, gzipMax: 21 * 1024 },
];

let failed = false;
for (const { name, file, gzipMax, brMax = Infinity } of BUDGETS) {
  const sizes = ['', '.br', '.gz'].map((ext) => (existsSync(file + ext) ? statSync(file + ext).size : NaN));
  if (sizes.some(Number.isNaN)) {
    console.error(`size-check: ${file} or its .br/.gz copy is missing (did the build run?)`);
    failed = true;
    continue;
  }
  const [min, br, gz] = sizes;
  const ok = gz <= gzipMax && br <= brMax;
  if (!ok) failed = true;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(26)} ${String(min).padStart(7)} B min  ${String(br).padStart(6)} B br  ${String(gz).padStart(6)} B gzip  (budget ${gzipMax} B gzip)`,
  );
}
if (failed) {
  console.error('size-check: a bundle is over its budget');
  process.exit(1);
}
