// franc (trigram ranks, 187 languages) as a TextModel, restricted to the site's languages. The one
// module that imports franc (tests/architecture checks it). franc is close to a
// coin toss on a few words, so it only speaks from FRANC_MIN_LENGTH characters on; it is the only
// text model for a site language that eld does not know (e.g. Basque is in eld, Irish is not).
import { francAll } from 'franc';
import type { Lang } from '../../protocol/types.js';
import { relative, type TextModel } from './text-model.js';

/** ISO 639-1 (ours) → ISO 639-3 (franc's). A language missing here is never guessed by franc. */
const ISO_639_3: Record<string, string> = {
  en: 'eng', fr: 'fra', es: 'spa', de: 'deu', it: 'ita', pt: 'por', nl: 'nld', pl: 'pol', ca: 'cat',
  sv: 'swe', da: 'dan', nb: 'nob', no: 'nob', nn: 'nno', fi: 'fin', cs: 'ces', sk: 'slk', ro: 'ron',
  hu: 'hun', el: 'ell', tr: 'tur', ru: 'rus', uk: 'ukr', bg: 'bul', hr: 'hrv', sl: 'slv', lt: 'lit',
  lv: 'lvs', et: 'ekk', ga: 'gle', cy: 'cym', eu: 'eus', gl: 'glg', lb: 'ltz', is: 'isl', sq: 'sqi',
  sr: 'srp', bs: 'bos', mt: 'mlt', ar: 'arb', he: 'heb', ja: 'jpn', zh: 'cmn', ko: 'kor', vi: 'vie',
};

export interface FrancOptions {
  /** Below this many characters (trimmed) franc says nothing. */
  minLength: number;
  /** Log-evidence per character of text per point of franc's 0..1 score. */
  scale: number;
}

export function createFrancModel({ minLength, scale }: FrancOptions): TextModel {
  return {
    knows: (lang) => lang in ISO_639_3,
    evidence(text, langs) {
      const trimmed = text.trim();
      const known = langs.filter((l) => ISO_639_3[l]);
      if (trimmed.length < minLength || known.length < 2) return { scores: new Map() };
      const byIso3 = new Map(known.map((l) => [ISO_639_3[l]!, l]));
      const raw = new Map<Lang, number>();
      // franc's score: 1 for the closest language, then 1 − (distance − best) / (length × 300 − best).
      for (const [iso3, score] of francAll(trimmed, { only: [...byIso3.keys()], minLength })) {
        const lang = byIso3.get(iso3);
        if (lang) raw.set(lang, scale * trimmed.length * score);
      }
      return relative(raw, undefined);
    },
  };
}
