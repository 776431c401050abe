// What the concept layer costs in memory: `npm run bench:faq:memory -- [<bench file>]`. The heap
// (after a full GC) before and after loading the built-in vocabulary and building its concept
// maps in every language; then, with a bench file, a site matcher built without and with the
// other languages' sentences in each language's index.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const base = heap();
const { VOCABULARIES } = await import('../faq/vocabulary/index.js');
const afterData = heap();
const { builtinConcepts } = await import('../faq/concepts.js');
for (const lang of Object.keys(VOCABULARIES)) builtinConcepts(lang);
const afterMaps = heap();
const forms = Object.values(VOCABULARIES).reduce((n, v) => n + Object.values(v.concepts).reduce((m, f) => m + f.length, 0), 0);
console.log(`vocabulary: ${Object.keys(VOCABULARIES).length} languages, ${forms} forms; data ${mb(afterData - base)}, concept maps ${mb(afterMaps - afterData)}, total ${mb(afterMaps - base)} (heap after GC, analyser and stemmers included)`);

const path = process.argv.slice(2).find((a) => a !== '--');
if (path) {
  const { createFaqMatcher } = await import('../faq/index.js');
  const { buildCatalog, readBenchFile } = await import('./lib/faq-data.js');
  const catalog = buildCatalog(readBenchFile(path).intents);
  const before = heap();
  const own = createFaqMatcher(catalog, { cacheSize: 0, crossLingual: false });
  const ownSize = heap() - before;
  const cross = createFaqMatcher(catalog, { cacheSize: 0 });
  const crossSize = heap() - before - ownSize;
  console.log(`site matcher for ${path}: each language's own sentences ${mb(ownSize)}, with every language's sentences ${mb(crossSize)}`);
  void own.match('x', 'en');
  void cross.match('x', 'en');
}
