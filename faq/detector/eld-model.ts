// eld (Nito-ELD, "extra small" database: 60 languages) as a TextModel. The one module that imports
// eld. It is the main text model because, on our 8 routing languages, it reads
// 1–2 word texts far better than franc (bench:lang: 77 % against 53 % with no hint); franc stays as
// the second opinion and for the languages eld does not know (franc-model.ts).
//
// eld's own tables take ~30 MB of heap (~55 MB of RSS), so eld's detect() is not called: its
// n-gram reading (eld-text.ts, with eld's dictionary and separators) is scored on the same table in
// typed arrays (eld-ngrams.ts, under 1 MB), made from the installed eld by scripts/eld-ngrams.ts.
// eldScores() gives eld's scores to the last bit (`npx tsx scripts/eld-ngrams.ts --check` compares).
import { readFileSync } from 'node:fs';
import type { Lang } from '../../protocol/types.js';
import { addScores, decodeTables, eldSource } from './eld-ngrams.js';
import { eldNgrams, type EldText } from './eld-text.js';
import { relative, type TextModel } from './text-model.js';

/** Log-evidence per point of eld's summed n-gram score (chosen on bench:lang: flat from 0.02 to 0.05). */
const SCALE = 0.03;
/** eld's own scaling of its average n-gram score into 0..1 (LanguageResult.orderAndScale). */
const ELD_SCALE = 25;
/** eld adds this to every stored score (calculateScores: the table keeps score − 53). */
const ELD_BASE_SCORE = 53;
/** Our codes → eld's where they differ. */
const ALIASES: Record<string, string> = { nb: 'no', nn: 'no' };
/**
 * Languages outside a site that visitors plausibly write in: scored too, only so that a text that
 * fits one of them better comes out unsure.
 */
const WATCH = ['ca', 'sv', 'da', 'no', 'ro', 'cs', 'sk', 'hu', 'fi', 'hr', 'sl', 'tr', 'ru', 'uk', 'el', 'ar', 'he', 'zh', 'ja', 'ko'];

/** eld's src/ folder: its package exports only the entry points, so its parts are found from one. */
const ELD_SRC = new URL('../', import.meta.resolve('eld/extrasmall'));
/**
 * The table file, from the project root: this module (faq/detector/) and the server bundle
 * (dist/server/) are both two folders down, so the same relative path serves both.
 */
const TABLE_FILE = new URL('../../faq/detector/eld-ngrams.bin.gz', import.meta.url);

const [{ dictionary }, { separators }] = (await Promise.all([
  import(new URL('dictionary.js', ELD_SRC).href),
  import(new URL('regexPatterns.js', ELD_SRC).href),
])) as [{ dictionary: string[] }, { separators: RegExp }];
const READ: EldText = { dictionary, separators };

const { tables, source } = decodeTables(readFileSync(TABLE_FILE));
const installed = eldSource(ELD_SRC);
if (installed.version !== source.version || installed.sha256 !== source.sha256) {
  throw new Error(
    `faq/detector/eld-ngrams.bin.gz was made from eld ${source.version}, but eld ${installed.version} is installed ` +
      `(or its n-grams differ): run \`npx tsx scripts/eld-ngrams.ts\`, then \`npx tsx scripts/eld-ngrams.ts --check\``,
  );
}

const INDEX = new Map(tables.languages.map((l, i) => [l, i]));
const code = (lang: Lang) => ALIASES[lang] ?? lang;

export function createEldModel(): TextModel {
  return {
    knows: (lang) => INDEX.has(code(lang)),
    evidence(text, langs) {
      const wanted = new Map(langs.filter((l) => INDEX.has(code(l))).map((l) => [code(l), l]));
      if (wanted.size === 0) return { scores: new Map() };
      const scaled = eldScores(text, new Set([...wanted.keys(), ...WATCH]));
      const ngrams = ngramCount(text);
      // A language eld knows but that matched no n-gram of the text scores 0.
      const raw = new Map<Lang, number>([...wanted.values()].map((l) => [l, 0]));
      let outside: number | undefined;
      for (const [eldLang, s] of scaled) {
        // Back from eld's 0..1 to its summed n-gram score: s = x / (x + 25), x = sum / n-grams.
        const score = SCALE * ngrams * ((ELD_SCALE * s) / (1 - s));
        const lang = wanted.get(eldLang);
        if (lang) raw.set(lang, score);
        else outside = Math.max(outside ?? -Infinity, score);
      }
      return relative(raw, outside);
    },
  };
}

const sums = new Float64Array(tables.languages.length);

/**
 * What eld's `detect(text).getScores()` gives with `setLanguageSubset(subset)`: eld's 0..1 score
 * of each language of the subset (eld's codes) that matched an n-gram of the text.
 */
export function eldScores(text: string, subset: Iterable<string>): Map<string, number> {
  const ngrams = eldNgrams(text, READ);
  sums.fill(0);
  for (const ngram of ngrams) addScores(tables, ngram, ELD_BASE_SCORE, sums);
  const scores = new Map<string, number>();
  for (const lang of subset) {
    const i = INDEX.get(lang);
    if (i === undefined || !(sums[i]! > 0)) continue;
    const x = sums[i]! / ngrams.size;
    scores.set(lang, x / (x + ELD_SCALE));
  }
  return scores;
}

/** About how many n-grams eld reads in the text (4 bytes, stride 3, per word): evidence grows with it. */
function ngramCount(text: string): number {
  let n = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}'’]+/u)) {
    if (!word) continue;
    let bytes = 0;
    for (const ch of word) {
      const c = ch.codePointAt(0)!;
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    n += bytes > 4 ? Math.ceil((bytes - 4) / 3) + 1 : 1;
  }
  return n;
}
