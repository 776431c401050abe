// A visitor's language before they have written anything: the new chat's provisional language
// (the bot's detection corrects it) and the welcome's.
import type { Lang } from '../../../protocol/types.js';

/** The browser's most preferred language the site has ("de-DE, en" → de), else the site's default. */
export function browserLanguage(site: { languages: readonly Lang[]; defaultLanguage: Lang }, browser: readonly string[]): Lang {
  for (const b of browser) {
    const lang = b.toLowerCase().split('-')[0]!;
    if (site.languages.includes(lang)) return lang;
  }
  return site.defaultLanguage;
}
