// The built-in intent library: every language's phrasings are there and distinct, a thin FAQ's
// entries are linked to the intents they answer (or to the ones they name), an intent no entry
// answers makes the bot step aside instead of answering a neighbour, and the FAQ file checks
// the `intent` field.
import { describe, expect, it } from 'vitest';
import { createFaqMatcher, decideMessage, parseFaqFile, FaqFileError, type FaqCatalog, type FaqEntry } from '../../faq/index.js';
import { conceptsFor } from '../../faq/concepts.js';
import { INTENTS, intentPhrasings, type IntentId } from '../../faq/intents/index.js';
import { linkIntents } from '../../faq/intents/link.js';

const entry = (id: string, question: string, extra: Partial<FaqEntry> = {}): FaqEntry => ({ id, question, phrasings: [], keywords: [], answers: [`answer ${id}`], ...extra });

/** A merchant's thin FAQ: one French question per entry, no gift card, no size entry. */
const THIN: FaqCatalog = {
  fr: {
    lang: 'fr',
    entries: [
      entry('suivi', 'Où en est ma commande ?'),
      entry('retours', 'Comment retourner un article ?'),
      entry('delais-remboursement', 'Quand serai-je remboursé ?'),
      entry('paiement', 'Quels moyens de paiement acceptez-vous ?'),
      entry('mot-de-passe', "J'ai oublié mon mot de passe"),
      entry('annulation', 'Comment annuler ma commande ?'),
      entry('facture', 'Comment obtenir ma facture ?'),
    ],
  },
};

describe('intent library', () => {
  it('has every intent in fr, es, de and en with many distinct phrasings, and some in it, pt, nl', () => {
    for (const [lang, min] of [['fr', 35], ['es', 35], ['de', 35], ['en', 35], ['it', 10], ['pt', 10], ['nl', 10]] as const) {
      const phrasings = intentPhrasings(lang);
      for (const id of Object.keys(INTENTS) as IntentId[]) {
        const list = phrasings[id] ?? [];
        expect(list.length, `${lang} ${id}`).toBeGreaterThanOrEqual(min);
        const keys = list.map((p) => p.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
        expect(new Set(keys).size, `${lang} ${id}: a phrasing repeated`).toBe(keys.length);
      }
    }
  });

  it("links a thin FAQ's entries to the intents they answer, from one French question each", () => {
    const { links } = linkIntents(THIN, (lang) => conceptsFor(lang));
    expect(Object.fromEntries(links)).toMatchObject({
      suivi: ['track_order'],
      retours: ['return_item'],
      'delais-remboursement': ['track_refund'],
      paiement: ['check_payment_methods'],
      'mot-de-passe': ['recover_password'],
      annulation: ['cancel_order'],
    });
    expect(links.get('facture')?.some((i) => i === 'get_invoice' || i === 'check_invoice')).toBe(true);
  });

  it('honours the intents an entry names, and [] for none', () => {
    const named: FaqCatalog = { fr: { lang: 'fr', entries: [entry('a', 'Où en est ma commande ?', { intent: [] }), entry('b', 'Question sans rapport', { intent: 'track_order' })] } };
    const { links } = linkIntents(named, (lang) => conceptsFor(lang));
    expect(links.get('a')).toEqual([]);
    expect(links.get('b')).toEqual(['track_order']);
  });

  it('answers shoppers in words the FAQ never wrote, through the linked phrasings', () => {
    const m = createFaqMatcher(THIN, { cacheSize: 0 });
    const without = createFaqMatcher(THIN, { cacheSize: 0, intents: false });
    let withoutRight = 0;
    for (const [text, id] of [
      ['tjrs pas reçu mon colis, vous pouvez regarder ?', 'suivi'],
      ['je veux renvoyer la robe, elle ne me va pas', 'retours'],
      ['je me souviens plus de mes identifiants', 'mot-de-passe'],
    ] as const) {
      const d = decideMessage(m, text, 'fr');
      expect(d.outcome === 'answer' ? d.faqId : d.outcome, text).toBe(id);
      const before = decideMessage(without, text, 'fr');
      if (before.outcome === 'answer' && before.faqId === id) withoutRight++;
    }
    // The same FAQ without the library misses most of them.
    expect(withoutRight).toBeLessThan(2);
  });

  it('steps aside on a common shop question the FAQ has no entry for, instead of a neighbour', () => {
    const m = createFaqMatcher(THIN, { cacheSize: 0 });
    for (const text of ['vous vendez des cartes cadeaux ?', 'quelle taille je prends pour un 38 ?']) {
      const d = decideMessage(m, text, 'fr');
      expect(d.outcome, text).toBe('stepAside');
    }
    const d = decideMessage(m, 'vous vendez des cartes cadeaux ?', 'fr');
    expect(d.candidates[0]?.scores?.foil).toBe(1);
  });

  it('checks the intent field of a FAQ file', () => {
    const file = (intent: unknown) => ({ lang: 'fr', entries: [{ id: 'a', question: 'Où est ma commande ?', phrasings: [], keywords: [], answers: ['x'], intent }] });
    expect(parseFaqFile(file('track_order'), 'fr', 'fr.json').entries[0]!.intent).toBe('track_order');
    expect(parseFaqFile(file(['track_order', 'delivery_period']), 'fr', 'fr.json').entries[0]!.intent).toEqual(['track_order', 'delivery_period']);
    expect(() => parseFaqFile(file('where_is_it'), 'fr', 'fr.json')).toThrow(FaqFileError);
    expect(() => parseFaqFile(file('where_is_it'), 'fr', 'fr.json')).toThrow(/entries\[0\]\.intent/);
    expect(() => parseFaqFile(file(3), 'fr', 'fr.json')).toThrow(/intent/);
  });
});
