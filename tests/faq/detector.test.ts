// Language detection: eld + franc + cue words on the text, and the hints a chat has —
// the conversation's language (sticky), the browser languages, the page's lang, the site default.
import { describe, expect, it } from 'vitest';
import { createLanguageDetector, type DetectHints } from '../../faq/index.js';

const detector = createLanguageDetector();
const ROUTING = ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl', 'pl'];
const site = (over: Partial<DetectHints> = {}): DetectHints => ({ allowed: ['fr', 'en', 'es', 'de'], fallback: 'en', ...over });
const routing = (over: Partial<DetectHints> = {}): DetectHints => ({ allowed: ROUTING, fallback: 'en', ...over });

describe('language detector', () => {
  it.each([
    ['en', 'Hello, I ordered a jacket last week and it still has not arrived.'],
    ['fr', 'Bonjour, je voudrais savoir quand ma commande sera livrée.'],
    ['es', 'Hola, quiero saber cuándo llegará mi pedido.'],
    ['de', 'Hallo, ich möchte wissen, wann meine Bestellung ankommt.'],
    ['it', 'Buongiorno, vorrei sapere quando arriverà il mio ordine.'],
    ['pt', 'Olá, gostaria de saber quando chega a minha encomenda.'],
    ['nl', 'Hallo, ik wil graag weten wanneer mijn bestelling aankomt.'],
    ['pl', 'Dzień dobry, chciałbym wiedzieć, kiedy dotrze moje zamówienie.'],
  ])('reads a normal %s sentence whatever the browser says: "%s"', (lang, text) => {
    for (const browser of [[], ...ROUTING.map((l) => [l])]) {
      const d = detector.detect(text, routing({ browser }));
      expect(d.lang).toBe(lang);
      expect(d.confidence).toBeGreaterThan(0.9);
    }
  });

  it.each([
    ['fr', 'Je peux payer avec PayPal ?'],
    ['fr', 'Où est mon colis ?'],
    ['es', '¿Cuánto tarda el envío de mi pedido a Madrid?'],
    ['es', 'Quiero cancelar mi pedido'],
    ['de', 'Wie lange dauert die Lieferung nach Österreich?'],
    ['de', 'Kann ich mit PayPal bezahlen?'],
    ['en', 'Where is my order? I want to track my parcel'],
    ['en', 'What payment methods do you accept?'],
    ['en', 'Do you ship to Canada?'],
  ])('reads %s in the short question "%s", whatever the browser says', (lang, text) => {
    for (const browser of [['en-US'], ['fr-FR'], ['es-ES'], ['de-DE'], []]) {
      expect(detector.detect(text, site({ browser })).lang).toBe(lang);
    }
  });

  it.each([
    ['merci', 'fr'],
    ['bonjour', 'fr'],
    ['hola', 'es'],
    ['gracias', 'es'],
    ['danke', 'de'],
    ['vielen Dank', 'de'],
    ['grazie', 'it'],
    ['obrigado', 'pt'],
    ['bedankt', 'nl'],
    ['dziękuję', 'pl'],
    ['thanks', 'en'],
  ])('reads the greeting or thanks "%s" as %s, even against the browser', (text, lang) => {
    const against = ROUTING.find((l) => l !== lang)!;
    expect(detector.detect(text, routing({ browser: [against] })).lang).toBe(lang);
  });

  it.each([
    ['ok', 'fr'],
    ['merci', 'en'],
    ['thanks', 'fr'],
    ['Merci beaucoup', 'de'],
    ['PayPal', 'es'],
    ['danke', 'pl'],
  ])('keeps the conversation language on a short "%s" (conversation %s)', (text, conversation) => {
    expect(detector.detect(text, routing({ conversation, browser: ['en-GB'] })).lang).toBe(conversation);
  });

  it('lets a real sentence switch the conversation language', () => {
    expect(detector.detect('Ich möchte meine Bestellung stornieren', site({ conversation: 'en' })).lang).toBe('de');
    expect(detector.detect('Hola, necesito ayuda con mi pedido', site({ conversation: 'fr' })).lang).toBe('es');
  });

  it('lets the browser decide a word that fits several languages, regional tags included', () => {
    // The same word in most of the routing languages.
    for (const word of ['taxi', 'PayPal', 'ok']) {
      for (const lang of ROUTING) {
        expect(detector.detect(word, routing({ browser: [`${lang}-XX`] })).lang).toBe(lang);
      }
    }
    expect(detector.detect('PayPal', site({ browser: ['de-CH', 'en'] })).lang).toBe('de');
    expect(detector.detect('ok', site({ browser: ['es-MX'] })).lang).toBe('es');
    // A browser language the site does not speak is skipped for the next one…
    expect(detector.detect('ok', site({ browser: ['ja-JP', 'fr-CA'] })).lang).toBe('fr');
    // …and with none of them, the site default.
    expect(detector.detect('ok', site({ browser: ['ja-JP'] }))).toEqual({ lang: 'en', confidence: expect.any(Number) });
  });

  it("uses the page's lang when the browser says nothing the site speaks, and the browser before it", () => {
    expect(detector.detect('ok', site({ page: 'de-AT' })).lang).toBe('de');
    expect(detector.detect('PayPal', site({ page: 'es', browser: ['ja'] })).lang).toBe('es');
    expect(detector.detect('ok', site({ page: 'de-AT', browser: ['fr-FR'] })).lang).toBe('fr');
    // A page in a language the site does not speak is ignored.
    expect(detector.detect('ok', site({ page: 'ja' })).lang).toBe('en');
    // Text still beats the page.
    expect(detector.detect('Où est mon colis ?', site({ page: 'de' })).lang).toBe('fr');
  });

  it('is sure of a clear sentence and unsure of a word any language could say', () => {
    expect(detector.detect('¿Cuánto tarda el envío de mi pedido a Madrid?', site()).confidence).toBeGreaterThan(0.9);
    expect(detector.detect('ok', site()).confidence).toBeLessThan(0.5);
  });

  it('is unsure of a sentence in a language outside the site', () => {
    // Catalan and Swedish on a site with the 8 routing languages.
    expect(detector.detect('Bon dia, vull saber quan arribarà la meva comanda.', routing()).confidence).toBeLessThan(0.6);
    expect(detector.detect('Hej, jag vill veta när min beställning kommer fram.', routing()).confidence).toBeLessThan(0.6);
  });

  it('always answers one of the allowed languages, with a confidence in 0..1', () => {
    const allowed = ['fr', 'de'];
    const texts = ['Where is my order? I want to track my parcel', '¿Dónde está mi pedido?', 'ok', '', '   ', '12345 67890 12345', 'Hola', '👍', 'Где мой заказ?', 'x'.repeat(5000)];
    for (const text of texts) {
      for (const hints of [{ browser: ['en-US'], conversation: 'es' }, { browser: ['es'], page: 'it' }, { browser: [] }, {}]) {
        const d = detector.detect(text, { allowed, fallback: 'fr', ...hints });
        expect(allowed).toContain(d.lang);
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
      }
    }
    // No allowed languages at all: the fallback.
    expect(detector.detect('Hola', { allowed: [], fallback: 'fr' }).lang).toBe('fr');
  });

  it('handles a site language no model knows through the hints', () => {
    const hints = { allowed: ['en', 'xx'], fallback: 'en', browser: ['xx-YY'] };
    expect(detector.detect('ok', hints).lang).toBe('xx');
    expect(detector.detect('Where is my order? I want to track my parcel', hints).lang).toBe('en');
  });

  it('uses franc for a site language eld does not know (Irish)', () => {
    const hints = { allowed: ['en', 'ga'], fallback: 'en' };
    expect(detector.detect('Cá bhfuil m’ordú? Níor tháinig sé fós agus tá mé ag fanacht le seachtain.', hints).lang).toBe('ga');
    expect(detector.detect('Where is my order? It has not arrived yet and I have been waiting for a week.', hints).lang).toBe('en');
  });
});
