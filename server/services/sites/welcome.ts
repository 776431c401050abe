// The welcome a widget shows when its panel opens (before anything is sent, so nothing is stored):
// the site's greeting in the visitor's language and a few of its FAQ questions as buttons. The
// same topics follow the bot's small-talk replies ("hi" → "Hello! …" and the topics), since a
// visitor who only said hello has not said yet what they came for.
import type { Lang, QuickReply, Welcome } from '../../../protocol/types.js';
import type { FaqQuestions } from '../../bot/engine.js';
import type { SiteRecord } from '../../storage/records.js';
import { botStrings } from '../../bot/bot-strings.js';

/** At most this many topic buttons: more would fill a phone's panel before the visitor writes. */
export const MAX_WELCOME_TOPICS = 4;

/** The site's topics as buttons in `lang` (from the default language's FAQ when `lang` has none). */
export function welcomeTopics(site: SiteRecord, questions: FaqQuestions, lang: Lang): QuickReply[] {
  const entries = questions[lang]?.length ? questions[lang]! : (questions[site.defaultLanguage] ?? []);
  const ids = site.welcome?.topics ?? entries.map((e) => e.id);
  return ids.slice(0, MAX_WELCOME_TOPICS).flatMap((id) => {
    const entry = entries.find((e) => e.id === id);
    return entry ? [{ label: entry.question, text: entry.question }] : [];
  });
}

export function buildWelcome(site: SiteRecord, questions: FaqQuestions, lang: Lang): Welcome {
  return { lang, text: site.welcome?.messages[lang] ?? botStrings(lang).welcome, topics: welcomeTopics(site, questions, lang) };
}

/** Checked once when the site loads, like its FAQ files: every topic is an entry of its default-language FAQ. */
export function checkWelcome(site: SiteRecord, questions: FaqQuestions): void {
  const topics = site.welcome?.topics;
  if (!topics) return;
  if (topics.length > MAX_WELCOME_TOPICS) throw new Error(`site ${site.id}: welcome.topics: at most ${MAX_WELCOME_TOPICS}`);
  const known = new Set((questions[site.defaultLanguage] ?? []).map((e) => e.id));
  const unknown = topics.filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`site ${site.id}: welcome.topics: no FAQ entry "${unknown.join('", "')}" in ${site.defaultLanguage}`);
}
