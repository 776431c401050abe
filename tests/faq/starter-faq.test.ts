// The starter FAQ a new site begins with: the common shop questions in fr, en, es and de, every
// entry marked draft (to adapt), and each answering its own everyday questions from day one.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_THRESHOLD, createFaqMatcher, loadFaqDir, type FaqCatalog, type Matcher } from '../../faq/index.js';

const STARTER = join(import.meta.dirname, '..', '..', 'faq', 'data', 'starter');
const LANGS = ['de', 'en', 'es', 'fr'];
let catalog: FaqCatalog;
let matcher: Matcher;
beforeAll(async () => {
  catalog = await loadFaqDir(STARTER);
  matcher = createFaqMatcher(catalog);
});

describe('starter FAQ', () => {
  it('has the same entries in every language, all marked draft', () => {
    expect(Object.keys(catalog).sort()).toEqual(LANGS);
    const ids = (lang: string) => catalog[lang]!.entries.map((e) => e.id).sort();
    for (const lang of LANGS) {
      expect(ids(lang)).toEqual(ids('en'));
      for (const e of catalog[lang]!.entries) expect(e.draft, `${lang} ${e.id}`).toBe(true);
    }
  });

  it('answers every entry question and phrasing with that entry', () => {
    for (const lang of LANGS) {
      for (const e of catalog[lang]!.entries) {
        for (const text of [e.question, ...e.phrasings]) {
          const [best] = matcher.match(text, lang);
          expect.soft(best?.faqId, `${lang}: ${text}`).toBe(e.id);
          expect.soft(best?.confidence ?? 0, `${lang}: ${text}`).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
        }
      }
    }
  });
});
