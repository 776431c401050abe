// eld (Nito-ELD, "extra small" database: 60 languages, ~30 MB of heap) as a TextModel. The one
// module that imports eld (STYLE.md habit 12). Chosen over franc as the main text model because,
// on our 8 routing languages, it reads 1–2 word texts far better (issue 3, bench:lang); franc stays
// for sentences and for the languages eld does not know (see franc-model.ts).
import { eld } from 'eld/extrasmall';
import type { Lang } from '../../server/protocol/types.js';
import { relative, type TextModel } from './text-model.js';

/** Log-evidence per point of eld's summed n-gram score (chosen on bench:lang; flat from 0.02 to 0.05). */
const SCALE = 0.03;
/** eld's own scaling of its average n-gram score into 0..1 (LanguageResult.orderAndScale). */
const ELD_SCALE = 25;
/** Our codes → eld's where they differ. */
const ALIASES: Record<string, string> = { nb: 'no', nn: 'no' };

const detector = eld.newInstance();
const KNOWN = new Set(Object.values(detector.info().Languages));

export function createEldModel(): TextModel {
  const code = (lang: Lang) => ALIASES[lang] ?? lang;
  return {
    knows: (lang) => KNOWN.has(code(lang)),
    evidence(text, langs) {
      const scaled = detector.detect(text).getScores();
      const ngrams = ngramCount(text);
      const wanted = new Map(langs.filter((l) => KNOWN.has(code(l))).map((l) => [code(l), l]));
      const raw = new Map<Lang, number>();
      let outside: number | undefined;
      for (const [eldLang, s] of Object.entries(scaled)) {
        // Back from eld's 0..1 to its summed n-gram score: s = x / (x + 25), x = sum / n-grams.
        const score = SCALE * ngrams * ((ELD_SCALE * s) / (1 - s));
        const lang = wanted.get(eldLang);
        if (lang) raw.set(lang, score);
        else outside = Math.max(outside ?? -Infinity, score);
      }
      if (raw.size === 0) return { scores: new Map() };
      // A language eld knows but that matched no n-gram of the text scores 0.
      for (const lang of wanted.values()) if (!raw.has(lang)) raw.set(lang, 0);
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
