// The FAQ editor's form model: lines and rows to the FAQ file format and back, the checks it
// shares with the server, and which problem goes under which field.
import { describe, expect, it } from 'vitest';
import { blankForm, formProblems, fromForm, problemsOf, toForm } from '../../agent-console/src/faq-editor/entry-form.js';

const entry = {
  id: 'returns-policy',
  question: 'Comment retourner un article ?',
  phrasings: ['Je veux renvoyer un article', 'Retour possible ?'],
  keywords: ['retour'],
  answers: ['Sous 30 jours.', 'Vous avez 30 jours.'],
  links: [{ label: 'Retours', url: 'https://shop.example/retours' }],
  topic: 'returns',
};

describe('the FAQ entry form', () => {
  it('round-trips an entry; blank lines and empty link rows are left out', () => {
    expect(fromForm(toForm(entry))).toEqual(entry);
    const typed = { ...toForm(entry), phrasings: '  Retour possible ?\n\n', links: [...toForm(entry).links, { label: ' ', url: '' }] };
    expect(fromForm(typed)).toEqual({ ...entry, phrasings: ['Retour possible ?'] });
    expect(fromForm({ ...toForm(entry), draft: true }).draft).toBe(true);
    // Built-in intents: one, several, or none named ([]) survive the form.
    for (const intent of ['track_order', ['track_order', 'return_item'], []]) expect(fromForm(toForm({ ...entry, intent })).intent).toEqual(intent);
  });

  it('names each field with a problem, as the server would', () => {
    const form = { ...blankForm(), id: 'Bad Id', links: [{ label: '', url: 'javascript:alert(1)' }] };
    const problems = formProblems(form);
    expect(problemsOf(problems, 'id')).toEqual(['must be lower-case letters, digits and dashes']);
    expect(problemsOf(problems, 'question')).toEqual(['must be a non-empty string']);
    expect(problemsOf(problems, 'answers')).toEqual(['must be a non-empty array of strings']);
    expect(problemsOf(problems, 'links[0]')).toEqual(['must be a non-empty string', 'must use http:, https: or mailto:']);
    expect(formProblems(toForm(entry))).toEqual([]);
  });
});
