// eld-model.ts scores texts on a compact copy of eld's n-gram table (eld-ngrams.bin.gz) instead of
// calling eld, to save ~50 MB of RSS. That only holds if the numbers are eld's own: compared here,
// to the bit, with eld's detect() on texts of every kind the detector meets.
import { eld } from 'eld/extrasmall';
import { describe, expect, it } from 'vitest';
import { eldScores } from '../../faq/detector/eld-model.js';

const TEXTS = [
  'Où est ma commande ?', 'where is my order', '¿Dónde está mi pedido?', 'Wo ist meine Bestellung?', 'ok', 'merci',
  'hola', 'danke schön', 'Ich möchte meine Bestellung zurückgeben, sie ist kaputt angekommen.',
  "l'homme aujourd’hui don't", '😀😀 bonjour 😀', '123 456', '', ' ', 'x\udc00y', 'İstanbul ığdır', 'abcdefg',
  'a'.repeat(80) + 'bcdef ' + 'é'.repeat(90) + ' ' + 'xyz'.repeat(200), 'Привет, как дела?', 'こんにちは世界', 'مرحبا بالعالم',
  'Posso pagare con PayPal?', 'Waar blijft mijn pakket?', 'Gdzie jest moja paczka?', 'Onde está a minha encomenda?',
];
const WATCH = ['ca', 'sv', 'da', 'no', 'ro', 'cs', 'sk', 'hu', 'fi', 'hr', 'sl', 'tr', 'ru', 'uk', 'el', 'ar', 'he', 'zh', 'ja', 'ko'];
const SUBSETS = [['fr', 'en', 'es', 'de'], ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl', 'pl'], ['fr'], ['ja', 'zh', 'ko', 'en']].map((s) => [
  ...new Set([...s, ...WATCH]),
]);

describe('eld scores from the compact table', () => {
  for (const subset of SUBSETS) {
    it(`equal eld's detect() for [${subset.slice(0, 4).join(' ')}…]`, () => {
      const inst = eld.newInstance();
      inst.setLanguageSubset(subset);
      for (const text of TEXTS) {
        const ours = [...eldScores(text, subset)].sort();
        const theirs = Object.entries(inst.detect(text).getScores()).sort();
        expect(ours, JSON.stringify(text.slice(0, 40))).toEqual(theirs);
      }
    });
  }

  it('find something for a real sentence (the comparison is not between two empty results)', () => {
    const scores = eldScores('Wo ist meine Bestellung?', SUBSETS[0]!);
    expect(scores.get('de')).toBeGreaterThan(0);
    expect([...scores].sort((a, b) => b[1] - a[1])[0]![0]).toBe('de');
  });
});
