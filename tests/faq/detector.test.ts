// Language detection: franc for sentences, cue words and hints for short messages, and a
// conversation's language that a short "ok" or "merci" does not switch.
import { describe, expect, it } from 'vitest';
import { createFrancDetector, type DetectHints } from '../../faq/index.js';

const detector = createFrancDetector();
const site = (over: Partial<DetectHints> = {}): DetectHints => ({ allowed: ['fr', 'en', 'es', 'de'], fallback: 'en', ...over });

describe('FrancDetector', () => {
  it.each([
    ['fr', 'Bonjour, je voudrais parler à un conseiller, ma commande est arrivée cassée'],
    ['fr', 'Je peux payer avec PayPal ?'],
    ['fr', 'Où est mon colis ?'],
    ['es', '¿Cuánto tarda el envío de mi pedido a Madrid?'],
    ['es', 'Quiero cancelar mi pedido'],
    ['de', 'Wie lange dauert die Lieferung nach Österreich?'],
    ['de', 'Kann ich mit PayPal bezahlen?'],
    ['en', 'Where is my order? I want to track my parcel'],
    ['en', 'What payment methods do you accept?'],
    ['en', 'Do you ship to Canada?'],
  ])('reads %s in "%s", whatever the browser says', (lang, text) => {
    for (const browser of [['en-US'], ['fr-FR'], ['es-ES'], ['de-DE'], []]) {
      expect(detector.detect(text, site({ browser })).lang).toBe(lang);
    }
  });

  it('is confident on a clear sentence', () => {
    expect(detector.detect('¿Cuánto tarda el envío de mi pedido a Madrid?', site()).confidence).toBeGreaterThan(0.8);
  });

  it.each([
    ['ok', 'fr'],
    ['merci', 'en'],
    ['thanks', 'fr'],
    ['Merci beaucoup', 'de'],
    ['PayPal', 'es'],
  ])('keeps the conversation language on a short "%s" (conversation %s)', (text, conversation) => {
    expect(detector.detect(text, site({ conversation, browser: ['en-GB'] })).lang).toBe(conversation);
  });

  it('lets a real sentence switch the conversation language', () => {
    expect(detector.detect('Ich möchte meine Bestellung stornieren', site({ conversation: 'en' })).lang).toBe('de');
  });

  it('reads greetings and thanks in short first messages', () => {
    expect(detector.detect('merci', site({ browser: ['en-US'] })).lang).toBe('fr');
    expect(detector.detect('Hola', site({ browser: ['en-US'] })).lang).toBe('es');
    expect(detector.detect('danke', site({ browser: ['fr-FR'] })).lang).toBe('de');
    expect(detector.detect('thanks', site({ browser: ['de-DE'] })).lang).toBe('en');
  });

  it('lets the browser decide a one-word message without cues, regional tags included', () => {
    expect(detector.detect('PayPal', site({ browser: ['de-CH', 'en'] })).lang).toBe('de');
    expect(detector.detect('ok', site({ browser: ['es-MX'] })).lang).toBe('es');
    // A browser language the site does not speak is skipped for the next one…
    expect(detector.detect('ok', site({ browser: ['ja-JP', 'fr-CA'] })).lang).toBe('fr');
    // …and with none of them, the site default.
    expect(detector.detect('ok', site({ browser: ['ja-JP'] }))).toEqual({ lang: 'en', confidence: expect.any(Number) });
  });

  it('always answers one of the allowed languages', () => {
    const allowed = ['fr', 'de'];
    for (const text of ['Where is my order? I want to track my parcel', '¿Dónde está mi pedido?', 'ok', '', '12345 67890 12345', 'Hola']) {
      for (const browser of [['en-US'], ['es'], []]) {
        const d = detector.detect(text, { allowed, fallback: 'fr', browser, conversation: 'es' });
        expect(allowed).toContain(d.lang);
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it('handles a site language franc cannot guess from text through the hints', () => {
    const hints = { allowed: ['en', 'xx'], fallback: 'en', browser: ['xx-YY'] };
    expect(detector.detect('ok', hints).lang).toBe('xx');
    expect(detector.detect('Where is my order? I want to track my parcel', hints).lang).toBe('en');
  });
});
