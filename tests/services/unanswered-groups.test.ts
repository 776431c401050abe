// Grouping the Unanswered list: near-identical questions are one line with a count, newest first,
// with what was attached from them since.
import { describe, expect, it } from 'vitest';
import type { FaqAddition, UnansweredItem } from '../../protocol/types.js';
import { groupUnanswered, questionKey } from '../../server/services/faq/unanswered-groups.js';

const item = (id: string, text: string, at: number, over: Partial<UnansweredItem> = {}): UnansweredItem => ({
  id,
  text,
  lang: 'en',
  at,
  conversationId: `c-${id}`,
  reason: 'stepped-aside',
  ...over,
});

const addition = (over: Partial<FaqAddition>): FaqAddition => ({
  id: 'f1',
  kind: 'phrasing',
  status: 'active',
  lang: 'en',
  faqId: 'order-tracking',
  text: 'where is parcel 1',
  source: 'agent',
  at: 100,
  ...over,
});

describe('questionKey', () => {
  it('sets aside case, accents, punctuation, order numbers and other figures, e-mails and links', () => {
    expect(questionKey('Où est ma commande #48213 ??')).toBe('ou est ma commande #');
    expect(questionKey('ou est  ma COMMANDE 50122')).toBe('ou est ma commande #');
    expect(questionKey('Where is order A-50122!')).toBe(questionKey('where is order 48213'));
    expect(questionKey('Can I pay 12.50 € by card?')).toBe('can i pay # by card');
    expect(questionKey('Write to jo@shop.fr or see https://shop.fr/help')).toBe(questionKey('write to ann@x.org or see www.example.com'));
    expect(questionKey('¿Dónde está mi pedido?')).toBe('donde esta mi pedido');
  });

  it('keeps words and their order', () => {
    expect(questionKey('can I return it')).not.toBe(questionKey('can I exchange it'));
    expect(questionKey('is it in stock')).not.toBe(questionKey('it is in stock'));
  });
});

describe('groupUnanswered', () => {
  it('groups per language and key, newest first, with a count, the newest words and id, and every reason', () => {
    const groups = groupUnanswered([
      item('u5', 'Where is parcel 50122?', 50, { reason: 'unhelpful', candidates: [{ faqId: 'order-tracking', confidence: 0.5 }] }),
      item('u4', 'Do you ship to Mars?', 40),
      item('u3', 'where is PARCEL #48213', 30),
      item('u2', 'Où est le colis 1 ?', 20, { lang: 'fr' }),
      item('u1', 'Where is parcel 1', 10),
    ]);
    expect(groups.map((g) => [g.key, g.count, g.id, g.text])).toEqual([
      ['en:where is parcel #', 3, 'u5', 'Where is parcel 50122?'],
      ['en:do you ship to mars', 1, 'u4', 'Do you ship to Mars?'],
      ['fr:ou est le colis #', 1, 'u2', 'Où est le colis 1 ?'],
    ]);
    expect(groups[0]).toMatchObject({ latestAt: 50, conversationId: 'c-u5', reasons: ['unhelpful', 'stepped-aside'] });
    expect(groups[0]!.candidates).toEqual([{ faqId: 'order-tracking', confidence: 0.5 }]);
  });

  it('shows what was attached since: by the same words or from one of its questions; the latest wins; dismissed ones do not count', () => {
    const items = [item('u2', 'Where is parcel 7?', 20), item('u1', 'Do you ship to Mars?', 10)];
    const [parcel, mars] = groupUnanswered(items, [
      addition({ id: 'a1', text: 'WHERE is parcel 48213', at: 100 }),
      addition({ id: 'a2', kind: 'entry', status: 'draft', faqId: 'mars', text: 'Shipping to Mars?', unansweredId: 'u1', at: 110 }),
      addition({ id: 'a3', faqId: 'contact', text: 'where is parcel 9', status: 'dismissed', at: 120 }),
    ]);
    expect(parcel!.attached).toEqual({ additionId: 'a1', faqId: 'order-tracking', kind: 'phrasing', status: 'active', at: 100 });
    expect(mars!.attached).toEqual({ additionId: 'a2', faqId: 'mars', kind: 'entry', status: 'draft', at: 110 });
    // Another language's addition is not this group's.
    const [fr] = groupUnanswered([item('u9', 'where is parcel 3', 5, { lang: 'fr' })], [addition({})]);
    expect(fr!.attached).toBeUndefined();
  });
});
