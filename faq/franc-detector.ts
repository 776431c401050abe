// Which of the site's languages a visitor writes in. franc (trigram statistics, restricted to
// the site's languages) is reliable on sentences and close to a coin toss on "Do you ship to
// Canada?", so its vote is weighted by the text's length and added to the share of cue words
// (function words, greetings) of each language. Messages of 1–3 words do not get to switch a
// conversation's language ("ok", "merci"); without a conversation they go by cue words, then
// the browser's languages, then the site default. The answer is always one of hints.allowed.
import { francAll } from 'franc';
import type { Lang } from '../server/protocol/types.js';
import { cueShares } from './language-cues.js';
import type { DetectHints, Detection, LanguageDetector } from './types.js';
import { words } from './text.js';

/** ISO 639-1 (ours) → ISO 639-3 (franc's). A language missing here is never guessed from text. */
const ISO_639_3: Record<string, string> = {
  fr: 'fra', en: 'eng', es: 'spa', de: 'deu', it: 'ita', pt: 'por', nl: 'nld', pl: 'pol', ca: 'cat',
  sv: 'swe', da: 'dan', nb: 'nob', no: 'nob', fi: 'fin', cs: 'ces', sk: 'slk', ro: 'ron', hu: 'hun',
  el: 'ell', tr: 'tur', ru: 'rus', uk: 'ukr', bg: 'bul', hr: 'hrv', sl: 'slv', lt: 'lit', lv: 'lvs', et: 'ekk',
};
/** Up to this many words a message is "short": it keeps the conversation's language. */
const SHORT_WORDS = 3;
/** franc's own default; below it franc answers "und". */
const FRANC_MIN_LENGTH = 10;
/** From this many characters on, franc's vote counts in full. */
const FRANC_FULL_LENGTH = 50;
/** Weights of the other signals next to franc's 0..1 score: a nudge, never a veto on a clear case. */
const CUE_WEIGHT = 0.8;
const CONVERSATION_BONUS = 0.1;
const BROWSER_BONUS = 0.05;

export function createFrancDetector(): LanguageDetector {
  return { detect };
}

function detect(text: string, hints: DetectHints): Detection {
  const allowed = hints.allowed.length > 0 ? hints.allowed : [hints.fallback];
  const fallback = allowed.includes(hints.fallback) ? hints.fallback : allowed[0]!;
  const conversation = hints.conversation && allowed.includes(hints.conversation) ? hints.conversation : undefined;
  const browser = browserLanguage(hints.browser ?? [], allowed);
  const cues = cueShares(text, allowed);
  const prior = [conversation, browser, fallback, ...allowed];

  if (words(text).length > SHORT_WORDS) {
    const known = allowed.filter((l) => ISO_639_3[l]);
    const franc = new Map(known.length > 0 ? francAll(text, { only: known.map((l) => ISO_639_3[l]!), minLength: FRANC_MIN_LENGTH }) : []);
    const reliability = franc.has('und') ? 0 : Math.min(1, text.trim().length / FRANC_FULL_LENGTH);
    const scored = allowed
      .map((lang) => {
        let score = reliability * (franc.get(ISO_639_3[lang] ?? '') ?? 0) + CUE_WEIGHT * (cues.get(lang) ?? 0);
        if (lang === conversation) score += CONVERSATION_BONUS;
        if (lang === browser) score += BROWSER_BONUS;
        return { lang, score };
      })
      .sort((a, b) => b.score - a.score || prior.indexOf(a.lang) - prior.indexOf(b.lang));
    const margin = scored.length > 1 ? scored[0]!.score - scored[1]!.score : 1;
    return { lang: scored[0]!.lang, confidence: round(Math.min(0.99, 0.4 + margin)) };
  }

  // Short text: "ok" or "merci" must not switch a conversation's language.
  if (conversation) return { lang: conversation, confidence: 0.6 };
  if (cues.size > 0) {
    const [lang, share] = [...cues].sort((a, b) => b[1] - a[1] || prior.indexOf(a[0]) - prior.indexOf(b[0]))[0]!;
    return { lang, confidence: round(0.4 + 0.3 * share) };
  }
  if (browser) return { lang: browser, confidence: 0.4 };
  return { lang: fallback, confidence: 0.2 };
}

/** The first browser language the site speaks: "fr-CH" → "fr". */
function browserLanguage(tags: string[], allowed: Lang[]): Lang | undefined {
  for (const tag of tags) {
    const base = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (base && allowed.includes(base)) return base;
  }
  return undefined;
}

const round = (x: number) => Math.round(x * 100) / 100;
