// The byte budget (issue #2, STYLE.md habit 11): print the loader's and the app's minified and
// gzipped sizes, and fail the build when either passes its budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGETS = [
  { name: 'loader /widget.js', file: 'dist/widget/widget.js', gzipMax: 1024 },
  { name: 'app /widget/app.js', file: 'dist/widget/app.js', gzipMax: 20 * 1024 },
];

let failed = false;
for (const { name, file, gzipMax } of BUDGETS) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    console.error(`size-check: ${file} is missing (did the build run?)`);
    failed = true;
    continue;
  }
  const gz = gzipSync(bytes, { level: 9 }).length;
  const ok = gz <= gzipMax;
  if (!ok) failed = true;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(20)} ${String(bytes.length).padStart(7)} B min  ${String(gz).padStart(6)} B gzip  (budget ${gzipMax} B gzip)`,
  );
}
if (failed) {
  console.error('size-check: a bundle is over its budget');
  process.exit(1);
}
