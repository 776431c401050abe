// The FAQ bench file (its format in docs/benchmarks.md) → a site FAQ in every language its entries
// carry, built the way a merchant would write one: the canonical question per language, the
// English `train` paraphrases as phrasings of the English entry, no hand-written keywords.
import { readFileSync } from 'node:fs';
import { parseFaqFile } from '../../faq/loader.js';
import type { FaqCatalog, FaqEntry } from '../../faq/types.js';

export interface BenchIntent {
  id: string;
  question: string;
  questions: Record<string, string>;
  train: string[];
}

export interface BenchTest {
  id: string;
  text: string;
  intent: string | null;
  lang: string;
  src: string;
}

export interface BenchFile {
  intents: BenchIntent[];
  tests: BenchTest[];
}

export function readBenchFile(path: string): BenchFile {
  const data = JSON.parse(readFileSync(path, 'utf8')) as BenchFile;
  if (!Array.isArray(data.intents) || !Array.isArray(data.tests)) throw new Error(`${path}: expected { intents, tests }`);
  // A test without a language is English, as the bench README has it.
  return { ...data, tests: data.tests.map((t) => ({ ...t, lang: t.lang || 'en', src: t.src || 'unknown' })) };
}

/** FAQ ids are lower-case with dashes; the bench's use underscores. */
export const faqIdOf = (intent: string) => intent.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/**
 * One <lang> FAQ per language found in `questions`. `copies` > 1 repeats every entry under
 * another id (with the other languages' questions as extra phrasings) to time a bigger FAQ.
 */
export function buildCatalog(intents: BenchIntent[], copies = 1): FaqCatalog {
  const langs = [...new Set(intents.flatMap((i) => Object.keys(i.questions ?? { en: i.question })))].sort();
  const catalog: FaqCatalog = {};
  for (const lang of langs) {
    const entries: FaqEntry[] = [];
    for (let copy = 0; copy < copies; copy++) {
      for (const intent of intents) {
        const question = intent.questions?.[lang] ?? (lang === 'en' ? intent.question : undefined);
        if (!question) continue;
        const others = copy === 0 ? [] : Object.entries(intent.questions ?? {}).filter(([l]) => l !== lang).map(([, q]) => q);
        entries.push({
          id: copy === 0 ? faqIdOf(intent.id) : `${faqIdOf(intent.id)}-copy${copy}`,
          question,
          phrasings: [...(lang === 'en' ? (intent.train ?? []) : []), ...others],
          keywords: [],
          answers: [`(bench answer for ${intent.id})`],
        });
      }
    }
    // Through the loader's checks, as a merchant's file would go.
    catalog[lang] = parseFaqFile({ lang, entries }, lang, `bench:${lang}`);
  }
  return catalog;
}

export const phrasingCount = (catalog: FaqCatalog, lang: string) =>
  (catalog[lang]?.entries ?? []).reduce((n, e) => n + 1 + e.phrasings.length, 0);

/**
 * `k` train phrasings per intent (seeded choice) leave the FAQ and become in-scope test queries
 * (src "holdout"): the FAQ gets thinner, as a merchant's would be, and the bot meets wordings
 * written by the same people as the phrasings it kept.
 */
export function holdOut(bench: BenchFile, k: number): BenchFile {
  if (k <= 0) return bench;
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const tests: BenchTest[] = [...bench.tests];
  const intents = bench.intents.map((intent) => {
    const order = (intent.train ?? []).map((t) => ({ t, r: rand() })).sort((a, b) => a.r - b.r).map((x) => x.t);
    order.slice(0, k).forEach((text, i) => tests.push({ id: `holdout-${intent.id}-${i}`, text, intent: intent.id, lang: 'en', src: 'holdout' }));
    return { ...intent, train: order.slice(k) };
  });
  return { intents, tests };
}
