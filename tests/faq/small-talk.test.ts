// Small talk (faq/small-talk.ts): greetings, thanks, goodbyes, "are you a bot?", "ok" and "how are
// you", as people type them, in fr/en/es/de; a greeting before a question leaves the question to
// the matcher, and a question is never small talk. Then decideMessage() on the demo FAQ.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createFaqMatcher, decideMessage, findSmallTalk, isSmallTalk, loadFaqDir, smallTalkLanguage, smallTalkReply, SMALL_TALK_LANGS, type Matcher,
} from '../../faq/index.js';

const cases: Record<string, Record<string, string[]>> = {
  fr: {
    greeting: ['bonjour', 'Bonjour !', 'bjr', 'slt', 'coucou', 'Bonsoir', 'salut à tous', 'Bonjouuur madame'],
    thanks: ['merci', 'merci beaucoup', 'Merci bcp !!', "merci d'avance", 'je vous remercie'],
    bye: ['au revoir', 'bonne journée', 'à bientôt'],
    bot: ['tu es un robot ?', "c'est un bot ?", 'vous êtes un robot ?'],
    ack: ["d'accord", 'ok', 'ça marche', 'parfait'],
    howAreYou: ['ça va ?', 'bonjour, comment allez-vous ?'],
  },
  en: {
    greeting: ['hi', 'hey', 'hiya', 'Hello!', 'hello there', 'hi all', 'good morning', 'heyyy'],
    thanks: ['thanks', 'thx', 'thank you so much', 'Thanks a lot!', 'ty'],
    bye: ['bye', 'goodbye', 'have a nice day', 'see you'],
    bot: ['are you a bot?', 'am I talking to a robot?', 'is this a bot'],
    ack: ['ok', 'okay', 'got it', 'cool', 'alright'],
    howAreYou: ['how are you?', "hi, how's it going?", 'whats up'],
  },
  es: {
    greeting: ['hola', 'holaa', 'buenas', 'Buenos días', 'hola a todos'],
    thanks: ['gracias!!', 'muchas gracias', 'mil gracias'],
    bye: ['adiós', 'hasta luego', 'chao'],
    bot: ['¿eres un bot?', '¿hablo con un robot?'],
    ack: ['vale', 'de acuerdo', 'perfecto'],
    howAreYou: ['¿qué tal?', 'hola, ¿cómo estás?'],
  },
  de: {
    greeting: ['hallo', 'Hallo zusammen', 'servus', 'moin', 'Guten Tag', 'grüß gott'],
    thanks: ['danke', 'danke dir', 'vielen Dank!', 'dankeschön'],
    bye: ['tschüss', 'auf Wiedersehen', 'schönen Tag noch'],
    bot: ['bist du ein Bot?', 'sind Sie ein Roboter?'],
    ack: ['alles klar', 'ok', 'passt', 'super'],
    howAreYou: ["wie geht's?", 'hallo, wie geht es Ihnen?'],
  },
};

describe('small talk', () => {
  for (const [lang, kinds] of Object.entries(cases)) {
    for (const [kind, texts] of Object.entries(kinds)) {
      it(`${lang}: ${kind}`, () => {
        for (const text of texts) {
          const st = findSmallTalk(text);
          expect(st, text).not.toBeNull();
          expect({ text, kind: st!.kind, rest: st!.rest }).toEqual({ text, kind, rest: '' });
          // Words shared by every language ("ok", "super") name none in particular.
          if (!['ok', 'super'].includes(text)) expect(st!.langs, text).toContain(lang);
        }
      });
    }
  }

  it('knows emoji alone', () => {
    expect(findSmallTalk('👋')).toMatchObject({ kind: 'greeting', rest: '' });
    expect(findSmallTalk('🙏')).toMatchObject({ kind: 'thanks', rest: '' });
    expect(findSmallTalk('👍')).toMatchObject({ kind: 'ack', rest: '' });
    expect(findSmallTalk('merci 🙏😊')).toMatchObject({ kind: 'thanks', rest: '' });
  });

  it('answers a goodbye before a thanks, a question about the bot before a greeting', () => {
    expect(findSmallTalk('ok thanks, bye!')?.kind).toBe('bye');
    expect(findSmallTalk('hi, are you a bot?')?.kind).toBe('bot');
  });

  it('takes a greeting off the front of a question and thanks off its end', () => {
    expect(findSmallTalk('bonjour, où est ma commande ?')).toMatchObject({ kind: 'greeting', rest: 'où est ma commande' });
    expect(findSmallTalk('Hi there! Where is my order 48213?')).toMatchObject({ rest: 'Where is my order 48213' });
    expect(findSmallTalk('Hola, ¿cuánto tarda el envío?')).toMatchObject({ rest: 'cuánto tarda el envío' });
    expect(findSmallTalk('Hallo, wo ist meine Bestellung? Danke!')).toMatchObject({ rest: 'wo ist meine Bestellung' });
    // Filler words stay with the question unless more small talk follows them.
    expect(findSmallTalk('Salut ! Vous livrez en Belgique ?')).toMatchObject({ rest: 'Vous livrez en Belgique' });
  });

  it('never calls a question small talk', () => {
    for (const text of [
      'hello, my parcel never arrived',
      'bonjour, je voudrais retourner un article',
      'hola, mi pedido no ha llegado',
      'hallo, mein Paket ist nicht angekommen',
      'where is my order',
      'Do you ship to France?',
      'is it ok to pay by card',
      'ok but where is my refund',
      'thanks but the parcel is damaged',
      // A yes answers a question ("talk to a person?"): not small talk.
      'yes',
      'oui',
      'ja',
    ]) {
      expect(isSmallTalk(text), text).toBe(false);
    }
    expect(findSmallTalk('where is my order')).toBeNull();
    expect(findSmallTalk('is it ok to pay by card')).toBeNull();
    expect(findSmallTalk('oh')).toBeNull();
    expect(findSmallTalk('')).toBeNull();
  });

  it('tells the language to answer in, among the site’s, preferring the detector’s', () => {
    const site = ['fr', 'en', 'es', 'de'];
    expect(smallTalkLanguage('hola', site, 'en')).toBe('es');
    expect(smallTalkLanguage('hallo', site)).toBe('de');
    expect(smallTalkLanguage('hello', site, 'en')).toBe('en');
    expect(smallTalkLanguage('merci', site, 'de')).toBe('de');
    expect(smallTalkLanguage('ok', site, 'fr')).toBe('fr');
    expect(smallTalkLanguage('👋', site, 'fr')).toBeUndefined();
    expect(smallTalkLanguage('hola, mi pedido', site, 'en')).toBeUndefined();
  });

  it('words its replies differently from the last time, in every language it knows', () => {
    for (const lang of SMALL_TALK_LANGS) {
      const first = smallTalkReply('greeting', lang);
      expect(first.text.length).toBeGreaterThan(0);
      for (let n = 0; n < 20; n++) expect(smallTalkReply('greeting', lang, first.variant).variant).not.toBe(first.variant);
    }
    // A language without small talk of its own is answered in English.
    expect(smallTalkReply('thanks', 'xx').text).toMatch(/welcome|help|pleasure/i);
  });
});

describe('decideMessage with small talk', () => {
  let matcher: Matcher;
  beforeAll(async () => {
    matcher = createFaqMatcher(await loadFaqDir(join(import.meta.dirname, '..', '..', 'faq', 'data', 'demo')));
  });

  it('replies in kind to small talk alone', () => {
    for (const [text, lang] of [['bonjour', 'fr'], ['hi', 'en'], ['hola', 'es'], ['hallo', 'de'], ['merci', 'fr'], ['thanks', 'en']] as const) {
      expect(decideMessage(matcher, text, lang), text).toMatchObject({ outcome: 'smalltalk', candidates: [] });
    }
  });

  it('answers the question after a greeting', () => {
    expect(decideMessage(matcher, 'bonjour, où est ma commande ?', 'fr')).toMatchObject({ outcome: 'answer', faqId: 'order-tracking' });
    expect(decideMessage(matcher, 'Hallo, wo ist meine Bestellung?', 'de')).toMatchObject({ outcome: 'answer', faqId: 'order-tracking' });
  });

  it('asks for a person before small talk', () => {
    expect(decideMessage(matcher, 'hello, I want to talk to a human', 'en').outcome).toBe('handoff');
  });
});
