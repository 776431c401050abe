// The welcome (services/sites/welcome.ts): the site's own greeting and topics, or — for a site stored
// before welcomes existed — a default greeting and the FAQ's first entries; topics in the
// visitor's language, from the default language's FAQ when theirs has none; bad topics refused.
import { describe, expect, it } from 'vitest';
import type { FaqQuestions } from '../../server/bot/engine.js';
import { botStrings } from '../../server/bot/bot-strings.js';
import { buildWelcome, checkWelcome, MAX_WELCOME_TOPICS } from '../../server/services/sites/welcome.js';
import type { SiteRecord } from '../../server/storage/records.js';

const questions: FaqQuestions = {
  en: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, question: `${id}?` })),
  fr: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, question: `${id} ?` })),
};
const site: SiteRecord = {
  id: 's',
  name: 'S',
  languages: ['en', 'fr', 'it'],
  defaultLanguage: 'en',
  allowedOrigins: [],
  faqDir: 'faq/data/demo',
  createdAt: 0,
};
const topic = (q: string) => ({ label: q, text: q });

describe('welcome', () => {
  it('defaults, for a site without one: the built-in greeting and the FAQ’s first entries', () => {
    expect(buildWelcome(site, questions, 'fr')).toEqual({
      lang: 'fr',
      text: botStrings('fr').welcome,
      topics: ['a ?', 'b ?', 'c ?', 'd ?'].map(topic),
    });
    expect(checkWelcome(site, questions)).toBeUndefined();
  });

  it('uses the site’s greeting and topics, in the visitor’s language or else the default FAQ’s', () => {
    const own = { ...site, welcome: { messages: { fr: 'Salut !' }, topics: ['e', 'b'] } };
    expect(buildWelcome(own, questions, 'fr')).toEqual({ lang: 'fr', text: 'Salut !', topics: [topic('e ?'), topic('b ?')] });
    // No Italian FAQ and no Italian greeting: the English questions, the English built-in text.
    expect(buildWelcome(own, questions, 'it')).toEqual({ lang: 'it', text: botStrings('it').welcome, topics: [topic('e?'), topic('b?')] });
  });

  it('refuses unknown topics and too many, when the site loads', () => {
    expect(() => checkWelcome({ ...site, welcome: { messages: {}, topics: ['a', 'zz'] } }, questions)).toThrow(/zz/);
    const many = Array.from({ length: MAX_WELCOME_TOPICS + 1 }, () => 'a');
    expect(() => checkWelcome({ ...site, welcome: { messages: {}, topics: many } }, questions)).toThrow(/at most/);
  });
});
