// decide(): the bot's three outcomes from the matcher's candidates, with per-site thresholds,
// and decideMessage(): the whole decision for one message (hand-off words first).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createFaqMatcher, decide, decideMessage, DEFAULT_CLOSE, DEFAULT_CLOSE_RICH, DEFAULT_THRESHOLDS, loadFaqDir, MAX_SUGGESTIONS, THIN_PHRASINGS,
  type MatchCandidate, type Matcher,
} from '../../faq/index.js';

const c = (faqId: string, confidence: number): MatchCandidate => ({ faqId, confidence, via: 'fuzzy', scores: { coverage: confidence } });

describe('decide', () => {
  it('answers from the answer threshold, with the best entry and its scores', () => {
    const d = decide([c('a', 0.9), c('b', 0.2)]);
    expect(d).toMatchObject({ outcome: 'answer', faqId: 'a', confidence: 0.9, scores: { coverage: 0.9 } });
  });

  it('offers up to three plausible entries between the two thresholds', () => {
    const mid = (DEFAULT_THRESHOLDS.answer + DEFAULT_THRESHOLDS.suggest) / 2;
    const d = decide([c('a', mid), c('b', mid - 0.01), c('c', mid - 0.02), c('d', mid - 0.03), c('e', 0.01)]);
    expect(d.outcome).toBe('suggest');
    expect(d.suggestions).toEqual(['a', 'b', 'c'].slice(0, MAX_SUGGESTIONS));
    expect(d.faqId).toBeUndefined();
  });

  it('leaves an implausible entry out of the suggestions', () => {
    const d = decide([c('a', DEFAULT_THRESHOLDS.suggest + 0.01), c('b', 0.01)]);
    expect(d.suggestions).toEqual(['a']);
  });

  it('steps aside under the suggest threshold, and with no candidate at all', () => {
    expect(decide([c('a', DEFAULT_THRESHOLDS.suggest - 0.01)])).toMatchObject({ outcome: 'stepAside', confidence: DEFAULT_THRESHOLDS.suggest - 0.01 });
    expect(decide([])).toMatchObject({ outcome: 'stepAside', confidence: 0, scores: {} });
  });

  it('steps aside on the plausibility when the matcher gives one, answers and offers on the confidence', () => {
    const p = (faqId: string, confidence: number, plausibility: number): MatchCandidate => ({ faqId, confidence, via: 'fuzzy', scores: { plausibility } });
    const { answer, suggest } = DEFAULT_THRESHOLDS;
    // Sure of the entry but not that the FAQ covers the message: no answer, no buttons.
    expect(decide([p('a', answer + 0.05, suggest - 0.01)]).outcome).toBe('stepAside');
    expect(decide([p('a', answer + 0.05, suggest + 0.01)])).toMatchObject({ outcome: 'answer', faqId: 'a' });
    expect(decide([p('a', suggest - 0.01, suggest + 0.01)])).toMatchObject({ outcome: 'suggest', suggestions: ['a'] });
  });

  it('offers both of two close entries instead of answering one (precision before answering)', () => {
    const r = (faqId: string, confidence: number, relevance: number): MatchCandidate => ({ faqId, confidence, via: 'fuzzy', scores: { relevance } });
    const close = [r('a', 0.95, 0.8), r('b', 0.9, 0.8 - DEFAULT_CLOSE / 2)];
    expect(decide(close)).toMatchObject({ outcome: 'suggest', suggestions: ['a', 'b'] });
    // Apart by more than the margin, or a runner-up that is not plausible: the best is answered.
    expect(decide([r('a', 0.95, 0.8), r('b', 0.9, 0.8 - 2 * DEFAULT_CLOSE)]).outcome).toBe('answer');
    expect(decide([r('a', 0.95, 0.8), r('b', DEFAULT_THRESHOLDS.suggest - 0.01, 0.79)]).outcome).toBe('answer');
    // A site's { answer, suggest } keeps the default margin; close 0 turns the rule off.
    expect(decide(close, { answer: 0.8, suggest: 0.4 }).outcome).toBe('suggest');
    expect(decide(close, { answer: 0.8, suggest: 0.4, close: 0 }).outcome).toBe('answer');
  });

  it('on a rich FAQ, takes the narrower close-entries margin (its phrasings already tell them apart)', () => {
    const r = (faqId: string, confidence: number, relevance: number, phrasings: number): MatchCandidate =>
      ({ faqId, confidence, via: 'fuzzy', scores: { relevance, phrasings } });
    const gap = (DEFAULT_CLOSE + DEFAULT_CLOSE_RICH) / 2;
    expect(decide([r('a', 0.95, 0.8, 1), r('b', 0.9, 0.8 - gap, 1)]).outcome).toBe('suggest');
    expect(decide([r('a', 0.95, 0.8, THIN_PHRASINGS + 1), r('b', 0.9, 0.8 - gap, THIN_PHRASINGS + 1)]).outcome).toBe('answer');
    expect(decide([r('a', 0.95, 0.8, 9), r('b', 0.9, 0.8 - DEFAULT_CLOSE_RICH / 2, 9)]).outcome).toBe('suggest');
  });

  it('takes a site’s own thresholds', () => {
    expect(decide([c('a', 0.5)], { answer: 0.45, suggest: 0.2 }).outcome).toBe('answer');
    expect(decide([c('a', 0.5)], { answer: 0.95, suggest: 0.6 }).outcome).toBe('stepAside');
  });
});

describe('decideMessage (demo FAQ)', () => {
  let matcher: Matcher;
  beforeAll(async () => {
    matcher = createFaqMatcher(await loadFaqDir(join(import.meta.dirname, '..', '..', 'faq', 'data', 'demo')));
  });

  it('hands off on a request for a person before looking at the FAQ', () => {
    expect(decideMessage(matcher, 'I want to talk to a human about my order', 'en')).toMatchObject({ outcome: 'handoff', candidates: [] });
  });

  it('answers a clear question, with the candidates and their component scores', () => {
    const d = decideMessage(matcher, 'Where is my parcel? I ordered a week ago', 'en');
    expect(d).toMatchObject({ outcome: 'answer', faqId: 'order-tracking' });
    expect(Object.keys(d.scores)).toEqual(expect.arrayContaining(['keyword', 'coverage', 'recall', 'lexical', 'known', 'evidence', 'margin']));
    expect(d.candidates[0]!.faqId).toBe('order-tracking');
  });

  it('steps aside on a question the FAQ does not cover', () => {
    expect(decideMessage(matcher, '¿Qué tiempo hace hoy en Madrid?', 'es').outcome).toBe('stepAside');
    expect(decideMessage(matcher, 'Can you recommend a good restaurant in Paris', 'en').outcome).toBe('stepAside');
  });
});
