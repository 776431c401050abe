// eld (Nito-ELD, "extra small" database: 60 languages, ~30 MB of heap) as a TextModel. The one
// module that imports eld (STYLE.md habit 12). It is the main text model because, on our 8 routing
// languages, it reads 1–2 word texts far better than franc (bench:lang: 77 % against 53 % with no
// hint); franc stays as the second opinion and for the languages eld does not know (franc-model.ts).
import { eld } from 'eld/extrasmall';
import type { Lang } from '../../server/protocol/types.js';
import { relative, type TextModel } from './text-model.js';

/** Log-evidence per point of eld's summed n-gram score (chosen on bench:lang: flat from 0.02 to 0.05). */
const SCALE = 0.03;
/** eld's own scaling of its average n-gram score into 0..1 (LanguageResult.orderAndScale). */
const ELD_SCALE = 25;
/** Our codes → eld's where they differ. */
const ALIASES: Record<string, string> = { nb: 'no', nn: 'no' };
/**
 * Languages outside a site that visitors plausibly write in: scored too, only so that a text that
 * fits one of them better comes out unsure (eld filters its results to a subset, so fewer is faster).
 */
const WATCH = ['ca', 'sv', 'da', 'no', 'ro', 'cs', 'sk', 'hu', 'fi', 'hr', 'sl', 'tr', 'ru', 'uk', 'el', 'ar', 'he', 'zh', 'ja', 'ko'];
/** One eld instance per set of site languages (they share the n-gram tables); sites have few sets. */
const MAX_INSTANCES = 64;

const KNOWN = new Set(Object.values(eld.info().Languages));
const code = (lang: Lang) => ALIASES[lang] ?? lang;

export function createEldModel(): TextModel {
  const instances = new Map<string, typeof eld>();
  const instanceFor = (codes: string[]) => {
    const key = codes.join(' ');
    let inst = instances.get(key);
    if (!inst) {
      if (instances.size >= MAX_INSTANCES) instances.delete(instances.keys().next().value!);
      inst = eld.newInstance();
      inst.setLanguageSubset([...new Set([...codes, ...WATCH])]);
      instances.set(key, inst);
    }
    return inst;
  };
  return {
    knows: (lang) => KNOWN.has(code(lang)),
    evidence(text, langs) {
      const wanted = new Map(langs.filter((l) => KNOWN.has(code(l))).map((l) => [code(l), l]));
      if (wanted.size === 0) return { scores: new Map() };
      const scaled = instanceFor([...wanted.keys()].sort()).detect(text).getScores();
      const ngrams = ngramCount(text);
      // A language eld knows but that matched no n-gram of the text scores 0.
      const raw = new Map<Lang, number>([...wanted.values()].map((l) => [l, 0]));
      let outside: number | undefined;
      for (const [eldLang, s] of Object.entries(scaled)) {
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
