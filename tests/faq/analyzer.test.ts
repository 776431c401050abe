// The analyser: what the matcher compares, per language: normalisation, chat spellings,
// stemming, stop words, entities as placeholders.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../faq/analyzer.js';

const content = (text: string, lang: string) => analyze(text, lang).filter((t) => !t.stop).map((t) => t.term);

describe('analyze', () => {
  it('turns order numbers, emails, amounts and tracking numbers into placeholders', () => {
    expect(content('status of order 00004587345', 'en')).toContain('#order');
    expect(content('invoice #12588', 'en')).toContain('#order');
    expect(content('write to jo.doe@example.com', 'en')).toContain('#email');
    expect(content('I expect a refund of $1499', 'en')).toContain('#money');
    expect(content('colis LA123456789FR', 'fr')).toContain('#tracking');
  });

  it('expands chat spellings and contractions, folds case, accents and repeated letters', () => {
    expect(analyze('can u help me plz', 'en').map((t) => t.surface)).toEqual(['can', 'you', 'help', 'me', 'please']);
    expect(analyze("I don't know", 'en').map((t) => t.surface)).toEqual(['i', 'do', 'not', 'know']);
    expect(content('WHERE IS MY PARCELLLL', 'en')).toEqual(content('where is my parcel', 'en'));
    expect(content('Où est ma commande ?', 'fr')).toEqual(content('ou est ma commande', 'fr'));
  });

  it('stems and folds shop synonyms into one term', () => {
    expect(content('invoices', 'en')).toEqual(content('bill', 'en'));
    expect(content('tracking', 'en')).toEqual(content('track', 'en'));
    expect(content('envíos', 'es')).toEqual(content('envio', 'es'));
    expect(content('Rückerstattung', 'de')).toEqual(content('Erstattung', 'de'));
  });

  it('drops stop words and filler, joins expressions', () => {
    expect(content('I need help to check my order please', 'en')).toEqual(['check', 'order']);
    expect(content('customer service', 'en')).toEqual(['custserv']);
    expect(content("j'ai oublié mon mot de passe", 'fr')).toEqual([...content('oublié', 'fr'), ...content('mot de passe', 'fr')]);
  });
});
