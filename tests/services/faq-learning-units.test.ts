// The pure parts of the FAQ learning: additions applied over the files' catalog, and the visitor's
// own words found behind a helpful "did you mean" answer.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { applyAdditions } from '../../server/bot/catalog-additions.js';
import { createBotEngine } from '../../server/bot/engine.js';
import type { FaqCatalog } from '../../faq/index.js';
import type { Message } from '../../protocol/types.js';
import { suggestedQuestion } from '../../server/services/faq/bot-feedback.js';

const files = (): FaqCatalog => ({
  en: { lang: 'en', entries: [{ id: 'contact', question: 'How can I reach you?', phrasings: ['phone number'], keywords: [], answers: ['Call us.'] }] },
});

describe('applyAdditions', () => {
  it('adds phrasings and entries in order, skipping what does not apply, and leaves the files alone', () => {
    const base = files();
    const out = applyAdditions(base, [
      { kind: 'phrasing', lang: 'en', faqId: 'contact', text: 'can I call you' },
      { kind: 'phrasing', lang: 'en', faqId: 'contact', text: 'phone number' },
      { kind: 'phrasing', lang: 'en', faqId: 'gone', text: 'x' },
      { kind: 'phrasing', lang: 'de', faqId: 'contact', text: 'telefon' },
      { kind: 'entry', lang: 'en', faqId: 'bikes', text: 'Do you rent bikes?', answer: 'No.' },
      { kind: 'entry', lang: 'en', faqId: 'contact', text: 'Taken id', answer: 'No.' },
      { kind: 'entry', lang: 'fr', faqId: 'velos', text: 'Louez-vous des vélos ?', answer: 'Non.' },
    ]);
    expect(out.en!.entries.map((e) => [e.id, e.phrasings])).toEqual([
      ['contact', ['phone number', 'can I call you']],
      ['bikes', []],
    ]);
    expect(out.en!.entries[1]).toMatchObject({ question: 'Do you rent bikes?', answers: ['No.'] });
    expect(out.fr).toBeUndefined();
    expect(base).toEqual(files());
  });
});

const msg = (seq: number, author: Message['author'], text: string, bot?: Message['bot']): Message =>
  ({ id: `m${seq}`, conversationId: 'c', seq, author, text, createdAt: seq, ...(bot ? { bot } : {}) }) as Message;

describe('suggestedQuestion', () => {
  const suggest = msg(2, 'bot', 'Did you mean one of these?', {
    outcome: 'suggest',
    via: 'fuzzy',
    lang: 'en',
    langConfidence: 1,
    faqId: 'delivery-times',
    confidence: 0.4,
    suggestions: [{ faqId: 'delivery-times', question: 'How long does delivery take?' }],
  });
  const answer = msg(4, 'bot', 'Two days.', { outcome: 'answer', via: 'fuzzy', lang: 'en', langConfidence: 1, faqId: 'delivery-times', confidence: 0.9 });

  it('finds the question before the suggestion the visitor picked', () => {
    const before = [msg(1, 'visitor', 'delivery'), suggest, msg(3, 'visitor', 'How long does delivery take?')];
    expect(suggestedQuestion(before, answer)).toEqual({ lang: 'en', faqId: 'delivery-times', text: 'delivery' });
  });

  it('is null for an answer given straight away, or a pick of another entry', () => {
    expect(suggestedQuestion([msg(3, 'visitor', 'How long does delivery take?')], answer)).toBeNull();
    const other = [msg(1, 'visitor', 'delivery'), suggest, msg(3, 'visitor', 'Something else entirely')];
    expect(suggestedQuestion(other, answer)).toBeNull();
  });
});

describe('BotEngine.reloadSite', () => {
  it('answers the same text differently at once: the matcher and its cache are new', async () => {
    const engine = createBotEngine();
    await engine.addSite({ id: 's', languages: ['en'], defaultLanguage: 'en', faqDir: join(import.meta.dirname, '..', '..', 'faq', 'data', 'demo') });
    const ask = () => engine.think({ siteId: 's', text: 'Do you sell replacement lids for teapots?', hints: { browser: ['en'] }, locked: { lang: 'en', confidence: 1 } });
    expect(ask().reply.decision.outcome).toBe('fallback');
    engine.reloadSite('s', [{ kind: 'phrasing', lang: 'en', faqId: 'stock-availability', text: 'Do you sell replacement lids for teapots?' }]);
    expect(ask().reply.decision).toMatchObject({ outcome: 'answer', faqId: 'stock-availability' });
    expect(engine.entries('s').find((e) => e.id === 'stock-availability' && e.lang === 'en')?.phrasings).toContain('Do you sell replacement lids for teapots?');
    // Taken back: the files alone again.
    engine.reloadSite('s', []);
    expect(ask().reply.decision.outcome).toBe('fallback');
  }, 60_000);
});
