// The demo shop's FAQ in its four languages: every file loads, they cover the same topics (so a
// visitor gets the same answers whatever their language), and a few everyday questions per
// language reach the right entry, while off-topic ones go to a person.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_THRESHOLD, createFaqMatcher, loadFaqDir, type FaqCatalog, type Matcher } from '../../faq/index.js';

const DEMO = join(import.meta.dirname, '..', '..', 'faq', 'data', 'demo');
const LANGS = ['de', 'en', 'es', 'fr'];
let catalog: FaqCatalog;
let matcher: Matcher;
beforeAll(async () => {
  catalog = await loadFaqDir(DEMO);
  matcher = createFaqMatcher(catalog);
});

describe('demo FAQ files', () => {
  it('all four languages load and share the same 28 ids', () => {
    expect(Object.keys(catalog).sort()).toEqual(LANGS);
    const ids = (lang: string) => catalog[lang]!.entries.map((e) => e.id).sort();
    expect(ids('en')).toHaveLength(28);
    for (const lang of LANGS) expect(ids(lang)).toEqual(ids('en'));
  });

  it('every entry has several phrasings, keywords and at least two answer variations', () => {
    for (const lang of LANGS) {
      for (const e of catalog[lang]!.entries) {
        expect.soft(e.phrasings.length, `${lang} ${e.id} phrasings`).toBeGreaterThanOrEqual(4);
        expect.soft(e.keywords.length, `${lang} ${e.id} keywords`).toBeGreaterThanOrEqual(1);
        expect.soft(e.answers.length, `${lang} ${e.id} answers`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it("each entry's own question is answered by that entry", () => {
    for (const lang of LANGS) {
      for (const e of catalog[lang]!.entries) {
        const [best] = matcher.match(e.question, lang);
        expect.soft(best?.faqId, `${lang}: ${e.question}`).toBe(e.id);
        expect.soft(best?.confidence ?? 0, `${lang}: ${e.question}`).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
      }
    }
  });
});

describe('matching per language', () => {
  it.each([
    ['fr', 'Où est mon colis ?', 'order-tracking'],
    ['fr', 'ou est ma comande', 'order-tracking'],
    ['fr', 'Combien de temps pour la livraison en Belgique ?', 'delivery-times'],
    ['fr', 'Est-ce que je peux payer avec PayPal ?', 'payment-methods'],
    ['fr', 'Mon bol est arrivé cassé', 'damaged-item'],
    ['fr', "j'ai oublié mon mot de passe", 'password-reset'],
    ['es', '¿Cuánto tarda el envío de mi pedido a Madrid?', 'delivery-times'],
    ['es', '¿Dónde está mi paquete?', 'order-tracking'],
    ['es', '¿El envío es gratis?', 'delivery-costs'],
    ['es', 'Quiero cancelar mi pedido', 'cancel-order'],
    ['es', 'Mi taza llegó rota', 'damaged-item'],
    ['de', 'Wo ist mein Paket?', 'order-tracking'],
    ['de', 'wo ist meine bestelung', 'order-tracking'],
    ['de', 'Wie lange dauert der Versand nach Österreich?', 'delivery-times'],
    ['de', 'Kann ich mit PayPal bezahlen?', 'payment-methods'],
    ['de', 'Ich habe mein Passwort vergessen', 'password-reset'],
  ])('%s: "%s" → %s', (lang, text, faqId) => {
    const [best] = matcher.match(text, lang);
    expect(best?.faqId).toBe(faqId);
    expect(best!.confidence).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
  });

  it.each([
    ['fr', 'Quelle est la recette de la ratatouille ?'],
    ['fr', 'Mon chat est malade'],
    ['es', '¿Me puedes recomendar una receta de paella con mariscos?'],
    ['es', 'Mi gato está enfermo'],
    ['de', 'Was ist der Sinn des Lebens?'],
    ['de', 'Kannst du mir ein Rezept für Apfelkuchen geben?'],
  ])('%s: "%s" stays under the threshold', (lang, text) => {
    expect(matcher.match(text, lang)[0]?.confidence ?? 0).toBeLessThan(ANSWER_THRESHOLD);
  });
});
