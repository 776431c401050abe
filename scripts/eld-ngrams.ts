// npx tsx scripts/eld-ngrams.ts                   write faq/detector/eld-ngrams.bin.gz from the installed eld
// npx tsx scripts/eld-ngrams.ts --check <x.jsonl>  check that file against the installed eld, and that
//                                                 eld-model.ts's eldScores() equals eld's detect() scores
//
// Run both after upgrading eld (eld-model.ts refuses to start on a table made from another eld).
// The check reads the texts of the file given (one {"text","lang"} per line, e.g. the short-text
// language-ID evaluation set) plus edge cases, under several language subsets, and compares the scores to the bit.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eld } from 'eld/extrasmall';
import { decodeTables, eldSource, encodeTables, tablesFrom, type EldNgramsData } from '../faq/detector/eld-ngrams.js';

const ELD_SRC = new URL('../', import.meta.resolve('eld/extrasmall'));
const FILE = fileURLToPath(new URL('../faq/detector/eld-ngrams.bin.gz', import.meta.url));
const { ngramsData } = (await import(new URL('ngrams/extrasmall.js', ELD_SRC).href)) as { ngramsData: EldNgramsData };
const fresh = tablesFrom(ngramsData);
const source = eldSource(ELD_SRC);

const [mode, corpus] = process.argv.slice(2);
if (mode === '--check' && !corpus) {
  console.error('usage: npx tsx scripts/eld-ngrams.ts --check <texts.jsonl>');
  process.exit(2);
}
if (mode !== '--check') {
  writeFileSync(FILE, encodeTables(fresh, source));
  console.log(`eld-ngrams: ${FILE}: eld ${source.version}, ${fresh.keys.length} n-grams, ${fresh.lang.length} scores`);
  process.exit(0);
}

const failures: string[] = [];
const { tables, source: made } = decodeTables(readFileSync(FILE));
if (JSON.stringify(made) !== JSON.stringify(source)) failures.push(`table made from ${JSON.stringify(made)}, installed ${JSON.stringify(source)}`);
for (const k of ['keys', 'starts', 'lang', 'score'] as const) {
  if (Buffer.compare(Buffer.from(tables[k].buffer), Buffer.from(fresh[k].buffer)) !== 0) failures.push(`table ${k} differs from the installed eld's`);
}
if (JSON.stringify(tables.languages) !== JSON.stringify(fresh.languages)) failures.push('table languages differ');

const texts = existsSync(corpus)
  ? readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text)
  : [];
texts.push(
  '', ' ', '123 456', "l'homme aujourd’hui don't", '😀😀 bonjour 😀', '\ud83d', 'x\udc00y', 'İstanbul ığdır', 'ab', 'abc', 'abcd', 'abcdefg',
  'a'.repeat(80) + 'bcdef ' + 'é'.repeat(90) + ' ' + 'xyz'.repeat(200), 'Привет, как дела?', 'こんにちは世界', 'مرحبا بالعالم', 'Γειά σου',
  texts.slice(0, 60).join(' '),
);
// Subsets as eld-model.ts asks them (site languages + its watch list), and all 60 languages.
const WATCH = ['ca', 'sv', 'da', 'no', 'ro', 'cs', 'sk', 'hu', 'fi', 'hr', 'sl', 'tr', 'ru', 'uk', 'el', 'ar', 'he', 'zh', 'ja', 'ko'];
const SUBSETS = [
  ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl', 'pl'], ['fr', 'en', 'es', 'de'], ['fr'], ['no'], ['eu', 'es'], ['ja', 'zh', 'ko', 'en'],
  ['ru', 'uk', 'bg', 'sr'], ['ar', 'fa', 'ur', 'he'], ['hi', 'ta', 'th', 'am', 'yo', 'vi', 'tl'],
].map((site) => [...new Set([...site, ...WATCH])]);
SUBSETS.push(fresh.languages);
const { eldScores } = await import('../faq/detector/eld-model.js');
const instances = SUBSETS.map((subset) => {
  const inst = eld.newInstance();
  inst.setLanguageSubset(subset);
  return inst;
});
let compared = 0;
for (const text of texts) {
  SUBSETS.forEach((subset, i) => {
    // Compared as sorted [language, score] pairs: eld orders its object by score, we by subset.
    const ours = JSON.stringify([...eldScores(text, subset)].sort());
    const theirs = JSON.stringify(Object.entries(instances[i]!.detect(text).getScores()).sort());
    compared++;
    if (ours !== theirs && failures.length < 20) failures.push(`${JSON.stringify(text.slice(0, 60))} [${subset.join(' ')}]: ${ours} ≠ eld ${theirs}`);
  });
}
console.log(`eld-ngrams --check: ${texts.length} texts × ${SUBSETS.length} language subsets compared with eld's detect(): ${failures.length ? 'FAILED' : 'identical'}`);
for (const f of failures) console.error('  ' + f);
process.exit(failures.length ? 1 : 0);
