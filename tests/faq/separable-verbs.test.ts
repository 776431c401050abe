// German separable verbs and umlauts typed as "ue": the verb and its particle meet the shop
// vocabulary's infinitive, a preposition joins nothing, and a vocabulary phrase keeps its verb.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../faq/analyzer.js';
import { builtinConcepts } from '../../faq/concepts.js';
import { createFaqMatcher } from '../../faq/index.js';

const terms = (text: string) => analyze(text, 'de', builtinConcepts('de')).filter((t) => !t.stop).map((t) => t.term).sort();

describe('German separable verbs', () => {
  it('joins a verb and its particle at the end of the clause', () => {
    expect(terms('wie setze ich mein Passwort zurück')).toEqual(terms('Passwort zurücksetzen'));
    expect(terms('wo lade ich die Rechnung herunter')).toEqual(terms('Rechnung herunterladen'));
    expect(terms('wie füge ich eine Lieferadresse hinzu')).toEqual(terms('Lieferadresse hinzufügen'));
    expect(terms('ich versuche mich abzumelden')).toContain(terms('abmelden')[0]);
  });

  it('lets one verb take two particles ("an oder ab")', () => {
    const t = terms('Wie melde ich mich für den Newsletter an oder ab?');
    expect(t).toContain(terms('abmelden')[0]);
    expect(t).toContain(terms('anmelden')[0]);
  });

  it('joins nothing to a preposition or across a phrase of the vocabulary', () => {
    expect(terms('kann ich an euch schreiben')).toEqual(terms('kann ich euch schreiben'));
    expect(terms('das Paket kommt nicht an')).toContain(terms('nicht angekommen')[0]);
  });

  it('reads umlauts typed as "ue", "oe", "ae"', () => {
    const m = createFaqMatcher({ de: { lang: 'de', entries: [
      { id: 'pw', question: 'Wie setze ich mein Passwort zurück?', answer: 'a', phrasings: [], keywords: [] },
      { id: 'ref', question: 'Wo bleibt meine Rückerstattung?', answer: 'b', phrasings: [], keywords: [] },
    ] } } as never, { cacheSize: 0 });
    expect(m.match('rueckerstattung', 'de')[0]?.faqId).toBe('ref');
    expect(m.match('passwort zuruecksetzen', 'de')[0]?.faqId).toBe('pw');
  });
});
