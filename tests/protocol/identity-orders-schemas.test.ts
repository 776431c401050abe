// The edges of signed identity and order status: what `visitor:identify` accepts, and what a
// shop's webhook must answer before anything of it reaches a visitor.
import { describe, expect, it } from 'vitest';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { OrderStatusSchema, VisitorIdentifySchema } from '../../protocol/schemas.js';

const identify = TypeCompiler.Compile(VisitorIdentifySchema);
const status = TypeCompiler.Compile(OrderStatusSchema);
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('visitor:identify payload', () => {
  it('accepts what Bulle.identify passes on', () => {
    expect(identify.Check({})).toBe(true);
    expect(identify.Check({ email: 'claire@shop.example', name: 'Claire Dubois', orders: ['48213', '#A-7001'], signature: JWT })).toBe(true);
  });

  it.each([
    ['an e-mail with a bidi override', { email: 'moc.kaerts@\u202eattacker.example' }],
    ['a name with a zero-width space', { name: 'Cla\u200bire' }],
    ['a name over 100 characters', { name: 'x'.repeat(101) }],
    ['too many orders', { orders: Array.from({ length: 21 }, (_, i) => String(10_000 + i)) }],
    ['an order with spaces', { orders: ['48 213'] }],
    ['a signature that is not a JWT', { signature: 'not a jwt at all, really not' }],
    ['a signature over 4 KB', { signature: `${'a'.repeat(3000)}.${'b'.repeat(1000)}.${'c'.repeat(100)}` }],
    ['another field', { sub: 'admin' }],
  ])('refuses %s', (_what, payload) => {
    expect(identify.Check(payload)).toBe(false);
  });
});

describe("the order webhook's answer", () => {
  it('accepts the documented shape (and ignores fields it does not use)', () => {
    expect(status.Check({ status: 'shipped', carrier: 'Colissimo', trackingNumber: '6A12345678901', shippedAt: '2026-12-04', estimatedDelivery: '2026-12-08T12:00:00Z', items: [{ name: 'Vase', quantity: 2 }], internalNote: 'x' })).toBe(true);
    expect(status.Check({ status: 'delivered' })).toBe(true);
  });

  it.each([
    ['an unknown status', { status: 'lost-in-space' }],
    ['no status', { carrier: 'DHL' }],
    ['a tracking number that could break a URL', { status: 'shipped', trackingNumber: 'a/../b?x=1' }],
    ['a date that is not ISO', { status: 'shipped', shippedAt: '04/12/2026' }],
    ['a carrier with a control character', { status: 'shipped', carrier: 'DHL\u0000' }],
    ['an item without a name', { status: 'shipped', items: [{ quantity: 1 }] }],
  ])('refuses %s', (_what, answer) => {
    expect(status.Check(answer)).toBe(false);
  });
});
