// The shop vocabulary's shape: every language names only known concepts, with real forms, and
// the four first languages cover every concept (the later ones may be partial).
import { describe, expect, it } from 'vitest';
import { CONCEPTS } from '../../faq/vocabulary/concepts.js';
import { VOCABULARIES } from '../../faq/vocabulary/index.js';

const FULL = ['en', 'fr', 'es', 'de'];
/** The engine folds case and accents, so "abîmé" and "abimé" are the same form. */
const folded = (form: string): string => form.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('shop vocabulary', () => {
  it('has a gloss for every concept and a sensible number of concepts', () => {
    const ids = Object.keys(CONCEPTS);
    expect(ids.length).toBeGreaterThanOrEqual(80);
    expect(ids.length).toBeLessThanOrEqual(150);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(CONCEPTS[id]!.trim().length, id).toBeGreaterThan(0);
    }
  });

  it('serves the first four languages', () => {
    for (const lang of FULL) expect(VOCABULARIES[lang], lang).toBeDefined();
  });

  describe.each(Object.entries(VOCABULARIES))('%s', (key, vocab) => {
    it('is filed under its own language', () => {
      expect(vocab.lang).toBe(key);
    });

    it('uses only known concepts, with non-empty lists of distinct, trimmed forms', () => {
      for (const [concept, forms] of Object.entries(vocab.concepts)) {
        expect(CONCEPTS, `${key}: unknown concept "${concept}"`).toHaveProperty(concept);
        expect(forms.length, `${key}.${concept} is empty`).toBeGreaterThan(0);
        const seen = new Set<string>();
        for (const form of forms) {
          expect(form, `${key}.${concept}: "${form}"`).toBe(form.trim());
          expect(form.length, `${key}.${concept}: empty form`).toBeGreaterThan(0);
          const key2 = folded(form);
          expect(seen.has(key2), `${key}.${concept}: "${form}" twice`).toBe(false);
          seen.add(key2);
        }
      }
    });

    it.runIf(FULL.includes(key))('covers every concept', () => {
      const missing = Object.keys(CONCEPTS).filter((c) => !vocab.concepts[c]);
      expect(missing, `${key} lacks these concepts`).toEqual([]);
    });
  });
});
