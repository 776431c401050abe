// What a follow-up says and which events are still news: every status in fr, en, es, de, the
// carrier's link only where a parcel moves, and only the newest event of each order.
import { describe, expect, it } from 'vitest';
import { ORDER_EVENT_STATUSES } from '../../protocol/follow-up-schemas.js';
import { followUpOf } from '../../server/services/follow-ups/follow-up-service.js';
import { pendingFollowUps } from '../../server/storage/order-events.js';
import { orderEvent } from '../storage/order-events-contract.js';

describe('follow-up text', () => {
  it('says every status in each language, naming the order and the carrier', () => {
    for (const lang of ['fr', 'en', 'es', 'de']) {
      const texts = ORDER_EVENT_STATUSES.map((status) => followUpOf(orderEvent('e', { status, carrier: 'dhl express', trackingNumber: 'JD0001' }), lang).text);
      expect(new Set(texts).size).toBe(ORDER_EVENT_STATUSES.length);
      for (const t of texts) expect(t).toContain('48213');
      expect(texts[1]).toContain('DHL');
    }
    expect(followUpOf(orderEvent('e', { status: 'shipped' }), 'it').text).toBe('Your order 48213 has shipped with Colissimo.');
  });

  it('links the carrier where a parcel moves, never an unknown carrier or a cancelled order', () => {
    expect(followUpOf(orderEvent('e', { status: 'delayed' }), 'de').link).toEqual({ url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901', label: 'Sendung verfolgen (Colissimo)' });
    expect(followUpOf(orderEvent('e', { status: 'cancelled' }), 'en').link).toBeUndefined();
    expect(followUpOf(orderEvent('e', { carrier: 'Pigeon Post' }), 'en')).toMatchObject({ text: 'Your order 48213 has shipped with Pigeon Post.' });
    expect(followUpOf(orderEvent('e', { carrier: 'Pigeon Post' }), 'en').link).toBeUndefined();
    expect(followUpOf(orderEvent('e', { trackingNumber: undefined }), 'en').link).toBeUndefined();
  });
});

describe('pendingFollowUps', () => {
  it('keeps the newest event of each order, and drops it once shown', () => {
    const events = [
      orderEvent('a1', { orderNumber: 'A', status: 'confirmed', at: 1 }),
      orderEvent('a2', { orderNumber: 'A', status: 'shipped', at: 3 }),
      orderEvent('b1', { orderNumber: 'B', status: 'shipped', at: 2 }),
      orderEvent('b2', { orderNumber: 'B', status: 'delivered', at: 4, shownAt: 5 }),
      // Arrived later but happened earlier: stale news.
      orderEvent('a0', { orderNumber: 'A', status: 'confirmed', at: 0, receivedAt: 9 }),
    ];
    expect(pendingFollowUps(events).map((e) => e.eventId)).toEqual(['a2']);
    expect(pendingFollowUps([])).toEqual([]);
  });
});
