// Typos the corrector must get right: a doubled letter typed once, a missed letter over an extra
// one, a short word that is a typo of a shop word rather than of a little word.
import { describe, expect, it } from 'vitest';
import { createTypoCorrector } from '../../faq/fuzzy-index.js';
import { createWordFixer } from '../../faq/word-fixer.js';
import { builtinConcepts } from '../../faq/concepts.js';
import { lexiconVocabulary } from '../../faq/analyzer.js';

describe('typo corrections', () => {
  it('restores a doubled letter typed once', () => {
    const c = createTypoCorrector(['passe', 'pas', 'commande', 'bestellung', 'adresse']);
    expect(c.correct('pase')?.word).toBe('passe');
    expect(c.correct('comande')?.word).toBe('commande');
    expect(c.correct('bestelung')?.word).toBe('bestellung');
  });

  it('prefers a missed letter to an extra one at equal distance', () => {
    const c = createTypoCorrector(['factur', 'facture', 'fact']);
    expect(c.correct('factre')?.word).toBe('facture');
  });

  it('reads a short word as a typo of a shop word before a little word ("mot de pase")', () => {
    const fixer = createWordFixer('fr', () => false, [...lexiconVocabulary('fr'), ...builtinConcepts('fr').vocabulary]);
    expect(fixer.fix(['mot', 'de', 'pase', 'oublie']).words).toEqual(['mot', 'de', 'passe', 'oublie']);
  });
});
