// Topic reading (faq/topic.ts) and topic keyword rules (faq/topic-rules.ts): the candidates'
// topics and the rules combined, the demo's two French routing examples, and the rules file's checks.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFaqMatcher, createTopicReader, FaqFileError, loadFaqDir, loadTopicRules, parseFaqFile, parseTopicRules, readTopic } from '../../faq/index.js';
import { DEMO_TOPICS } from '../../server/seed/demo-seed.js';

const DEMO = join(import.meta.dirname, '..', '..', 'faq', 'data', 'demo');
const topicOf = (id: string) => ({ a: 'orders', b: 'orders', c: 'complaint' })[id];

describe('readTopic', () => {
  it('adds up the candidates of one topic and says how far ahead it is', () => {
    const r = readTopic([{ faqId: 'c', confidence: 0.6, via: 'fuzzy' }, { faqId: 'a', confidence: 0.5, via: 'fuzzy' }, { faqId: 'b', confidence: 0.5, via: 'fuzzy' }], topicOf);
    expect(r).toMatchObject({ id: 'orders', via: 'faq' });
    expect(r!.confidence).toBeCloseTo(0.75 - 0.3, 5);
  });

  it('a keyword rule can decide on its own, and both signals together say so', () => {
    expect(readTopic([], topicOf, new Map([['complaint', 0.5]]))).toEqual({ id: 'complaint', confidence: 0.5, via: 'keywords' });
    expect(readTopic([{ faqId: 'c', confidence: 0.5, via: 'fuzzy' }], topicOf, new Map([['complaint', 0.5]]))?.via).toBe('both');
  });

  it('reads nothing from weak or untopiced candidates', () => {
    expect(readTopic([{ faqId: 'a', confidence: 0.1, via: 'fuzzy' }], topicOf)).toBeNull();
    expect(readTopic([{ faqId: 'x', confidence: 0.9, via: 'fuzzy' }], topicOf)).toBeNull();
  });
});

describe('the demo topics', () => {
  it('every demo entry names one of the demo site topics, in every language, and the rules too', async () => {
    const known = new Set(DEMO_TOPICS.map((t) => t.id));
    const catalog = await loadFaqDir(DEMO);
    for (const file of Object.values(catalog)) for (const e of file.entries) expect(known.has(e.topic!), `${file.lang} ${e.id}`).toBe(true);
    const rules = await loadTopicRules(DEMO);
    for (const topics of Object.values(rules)) for (const t of Object.keys(topics)) expect(known.has(t)).toBe(true);
  });

  it('"mon colis est arrivé cassé" is a complaint, "où est ma commande" is about orders', async () => {
    const catalog = await loadFaqDir(DEMO);
    const matcher = createFaqMatcher(catalog, { cacheSize: 0 });
    const reader = createTopicReader(catalog, await loadTopicRules(DEMO));
    const read = (text: string) => reader.read(text, 'fr', matcher.match(text, 'fr'))?.id;
    expect(read('mon colis est arrivé cassé')).toBe('complaint');
    expect(read('où est ma commande')).toBe('orders');
    // No FAQ candidate needed: the rules alone.
    expect(reader.read('je veux un humain, mon vase est cassé', 'fr', [])?.id).toBe('complaint');
  });
});

describe('topics.json and an entry\'s topic', () => {
  it('an entry\'s topic is an id, optional', () => {
    const entry = { id: 'e', question: 'Q?', phrasings: [], keywords: [], answers: ['A'] };
    expect(parseFaqFile({ lang: 'fr', entries: [{ ...entry, topic: 'orders' }] }, 'fr', 'fr.json').entries[0]!.topic).toBe('orders');
    expect(parseFaqFile({ lang: 'fr', entries: [entry] }, 'fr', 'fr.json').entries[0]!.topic).toBeUndefined();
    expect(() => parseFaqFile({ lang: 'fr', entries: [{ ...entry, topic: 'Orders!' }] }, 'fr', 'fr.json')).toThrow(/entries\[0\]\.topic/);
  });

  it('names the file and the field of a mistake', () => {
    expect(() => parseTopicRules({}, 'topics.json')).toThrow(FaqFileError);
    expect(() => parseTopicRules([{ lang: 'fr', topics: { Complaint: ['x'] } }], 'topics.json')).toThrow(/\[0\]\.topics\.Complaint/);
    expect(() => parseTopicRules([{ lang: 'fr', topics: { complaint: [] } }], 'topics.json')).toThrow(/non-empty array/);
    expect(() => parseTopicRules([{ lang: 'fr', topics: {}, extra: 1 }], 'topics.json')).toThrow(/extra: unknown field/);
    expect(parseTopicRules([{ lang: 'fr', topics: { complaint: [' cassé '] } }], 'topics.json')).toEqual({ fr: { complaint: ['cassé'] } });
  });
});
