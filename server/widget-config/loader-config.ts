// A site's appearance and proactive rules as the loader reads them (protocol/loader-config.ts):
// one language, one-letter keys, URL patterns turned into regular expressions here so the
// loader carries no glob code.
import type { LoaderConfig, LoaderRule } from '../../protocol/loader-config.js';
import type { Lang } from '../../protocol/types.js';
import type { ProactiveRule, SiteAppearance, SiteProactive } from './settings-schema.js';

interface SiteWidgetSettings {
  languages: Lang[];
  defaultLanguage: Lang;
  appearance?: SiteAppearance;
  proactive?: SiteProactive;
}

const CAP = { visit: 'v', day: 'd', visitor: 'u' } as const;

/** "/product*" → "/product.*" (to anchor): the rest of the glob is matched literally. */
const globBody = (glob: string): string => glob.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('.*');

/**
 * One regular expression for a rule's pages: its URL glob, minus the site's quiet pages (a negative
 * lookahead), so the loader tests one pattern. Undefined when the rule runs on every page.
 */
export function pagesRegExp(url: string | undefined, exclude: string[] | undefined): string | undefined {
  if (!url && !exclude?.length) return undefined;
  const quiet = exclude?.length ? `(?!(?:${exclude.map((g) => globBody(g) + '$').join('|')}))` : '';
  return '^' + quiet + (url ? globBody(url) + '$' : '');
}

/** The bubble's accessible name when the site gives no label (the app's words are in these four). */
const OPEN_CHAT: Record<string, string> = { en: 'Open chat', fr: 'Ouvrir le chat', es: 'Abrir el chat', de: 'Chat öffnen' };

/** The site's language nearest to what the page asked for. */
export function pickLang(site: SiteWidgetSettings, asked: string | undefined): Lang {
  const l = asked?.slice(0, 2).toLowerCase();
  return l && site.languages.includes(l) ? l : site.defaultLanguage;
}

/** `texts[lang]`, else the site's default language's, else any. */
const inLang = (texts: Record<string, string>, lang: Lang, fallback: Lang): string =>
  texts[lang] ?? texts[fallback] ?? Object.values(texts)[0]!;

function loaderRule(r: ProactiveRule, lang: Lang, fallback: Lang, exclude: string[] | undefined): LoaderRule {
  const w = r.when;
  const out: LoaderRule = { id: r.id, c: CAP[r.cap], m: inLang(r.message, lang, fallback) };
  if (w.secondsOnPage) out.s = w.secondsOnPage;
  const u = pagesRegExp(w.url, exclude);
  if (u) out.u = u;
  if (w.minPages && w.minPages > 1) out.p = w.minPages;
  if (w.event) out.e = w.event;
  if (w.data && Object.keys(w.data).length) out.d = { ...w.data };
  if (w.returning) out.v = 1;
  if (r.quickReplies?.length) {
    const msgLang = r.message[lang] ? lang : r.message[fallback] ? fallback : Object.keys(r.message)[0]!;
    out.q = r.quickReplies.map((q) => ({ label: inLang(q.label, msgLang, fallback), text: inLang(q.text, msgLang, fallback) }));
  }
  return out;
}

/** With a label, the round bubble becomes a pill with the icon and the words. */
const PILL = 'width:auto;padding:0 16px 0 14px;border-radius:28px;display:flex;align-items:center;gap:8px;font:600 15px system-ui,sans-serif';

export function buildLoaderConfig(site: SiteWidgetSettings, askedLang: string | undefined): LoaderConfig {
  const lang = pickLang(site, askedLang);
  const browserLang = askedLang?.slice(0, 2).toLowerCase() ?? '';
  const look = site.appearance;
  const label = look?.label ? inLang(look.label, lang, site.defaultLanguage) : '';
  // Declarations from checked values only (a #rrggbb colour, a side, a fixed pill): the loader sets
  // them as the bubble's style.
  const style = [look?.color && `background:${look.color}`, look?.position === 'left' && 'left:20px;right:auto', label && PILL].filter(Boolean).join(';');
  const a: LoaderConfig['a'] = {
    s: style,
    l: label,
    // The accessible name follows the visitor's language, like the app's own words.
    t: label || (OPEN_CHAT[browserLang] ?? OPEN_CHAT.en!),
  };
  if (look?.color) a.c = look.color;
  if (look?.position === 'left') a.p = 'l';
  const exclude = site.proactive?.exclude;
  const rules = (site.proactive?.rules ?? []).filter((r) => !r.off).map((r) => loaderRule(r, lang, site.defaultLanguage, exclude));
  return { a, r: rules, ...(rules.some((r) => r.p) ? { p: 1 as const } : {}) };
}
