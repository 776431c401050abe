// The matcher on the English demo FAQ: real questions (typos, shouting, extra words) reach the
// right entry above the answer threshold; off-topic text stays below it, so it goes to a person.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_THRESHOLD, createFaqMatcher, loadFaqDir, type FaqCatalog, type Matcher } from '../../faq/index.js';

const DEMO = join(import.meta.dirname, '..', '..', 'faq', 'data', 'demo');
let catalog: FaqCatalog;
let matcher: Matcher;
beforeAll(async () => {
  catalog = await loadFaqDir(DEMO);
  matcher = createFaqMatcher(catalog);
});

describe('FaqMatcher (English demo FAQ)', () => {
  it.each([
    ['Where is my order? I want to track my parcel', 'order-tracking'],
    ['How can I track my order?', 'order-tracking'],
    ['helloooo where is my packageeee', 'order-tracking'],
    ['wher is my parcell', 'order-tracking'],
    ['How long does delivery take?', 'delivery-times'],
    ['how lnog does delivry take', 'delivery-times'],
    ['hi, how many days for shipping to Belgium?', 'delivery-times'],
    ['what is the delivery cost to italy', 'delivery-costs'],
    ['Do you ship to Canada?', 'international-shipping'],
    ['What payment methods do you accept?', 'payment-methods'],
    ['can i pay with paypall', 'payment-methods'],
    ['my credit card was declined', 'payment-failed'],
    ['I returned my order but have not been refunded', 'refund-timing'],
    ['how do i send back a mug', 'returns-policy'],
    ['THE MUG ARRIVED BROKEN!!', 'damaged-item'],
    ['I forgot my pasword', 'password-reset'],
    ['can I change my adress', 'change-address'],
    ['i want to cancel my order', 'cancel-order'],
    ['my promo code is not working', 'promo-code'],
    ['is the sage vase in stock', 'stock-availability'],
    ['can I pick up my order in Lyon', 'click-and-collect'],
    ['please stop emailing me', 'newsletter-unsubscribe'],
  ])('"%s" → %s', (text, faqId) => {
    const [best] = matcher.match(text, 'en');
    expect(best?.faqId).toBe(faqId);
    expect(best!.confidence).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
  });

  it.each([
    "what's the meaning of life",
    'my cat is sick',
    'asdfgh',
    'How long does it take to cook pasta',
    'what is your favourite colour',
    'Can you recommend a good restaurant in Paris',
    'who won the football match yesterday',
    'my car broke down',
    'what time is it in Tokyo',
    'I love your mugs',
    'ok',
    '',
  ])('"%s" stays under the threshold', (text) => {
    const [best] = matcher.match(text, 'en');
    expect(best?.confidence ?? 0).toBeLessThan(ANSWER_THRESHOLD);
  });

  it('returns at most 5 candidates, best first, one per entry, confidences in 0..1', () => {
    const list = matcher.match('my parcel arrived broken and one item is missing, I want a refund', 'en');
    expect(list.length).toBeGreaterThan(1);
    expect(list.length).toBeLessThanOrEqual(5);
    expect(new Set(list.map((c) => c.faqId)).size).toBe(list.length);
    for (let i = 1; i < list.length; i++) expect(list[i]!.confidence).toBeLessThanOrEqual(list[i - 1]!.confidence);
    for (const c of list) {
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('says which rule found the entry: a keyword, or the fuzzy match', () => {
    expect(matcher.match('tracking number please', 'en')[0]).toMatchObject({ faqId: 'order-tracking', via: 'keyword' });
    expect(matcher.match('can I have a bill for my purchase', 'en')[0]).toMatchObject({ faqId: 'invoice', via: 'keyword' });
    expect(matcher.match('do you sel my informaton', 'en')[0]).toMatchObject({ faqId: 'privacy', via: 'fuzzy' });
  });

  it('a keyword shared by two entries is weaker than one that names a single entry', () => {
    const custom = createFaqMatcher({
      en: {
        lang: 'en',
        entries: [
          { id: 'a', question: 'Alpha question', phrasings: [], keywords: ['parcel', 'lost'], answers: ['a'] },
          { id: 'b', question: 'Beta question', phrasings: [], keywords: ['parcel'], answers: ['b'] },
        ],
      },
    });
    const [first, second] = custom.match('my parcel is lost', 'en');
    expect(first).toMatchObject({ faqId: 'a', via: 'keyword' });
    expect(second).toMatchObject({ faqId: 'b', via: 'keyword' });
    expect(first!.confidence).toBeGreaterThan(second!.confidence);
  });

  it('knows nothing about a language without a FAQ', () => {
    expect(matcher.match('Dov’è il mio ordine?', 'it')).toEqual([]);
  });
});
