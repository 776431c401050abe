// The edges of an order event as a shop posts it, and of `followup:shown`.
import { describe, expect, it } from 'vitest';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { FollowUpShownSchema, OrderEventSchema } from '../../protocol/follow-up-schemas.js';

const event = TypeCompiler.Compile(OrderEventSchema);
const shown = TypeCompiler.Compile(FollowUpShownSchema);
const ok = { eventId: 'shopify:ship.48213-1', orderNumber: '#48213', customer: { email: 'claire@shop.example' }, status: 'shipped' };

describe('order event payload', () => {
  it('accepts what the docs show', () => {
    expect(event.Check(ok)).toBe(true);
    expect(event.Check({ ...ok, customer: { id: 'c-1', email: 'claire@shop.example' }, carrier: 'La Poste – Colissimo', trackingNumber: '6A12345678901', at: '2026-12-06T09:30:00.123+01:00' })).toBe(true);
    for (const status of ['confirmed', 'out_for_delivery', 'delivered', 'delayed', 'cancelled']) expect(event.Check({ ...ok, status })).toBe(true);
  });

  it.each([
    ['no customer at all', { ...ok, customer: {} }],
    ['a customer field we do not know', { ...ok, customer: { phone: '+33 6' } }],
    ['an unknown status', { ...ok, status: 'lost' }],
    ['an event id with a space', { ...ok, eventId: 'ship 1' }],
    ['a date without a time', { ...ok, at: '2026-12-06' }],
    ['a carrier with a bidi override', { ...ok, carrier: 'Coli\u202essimo' }],
    ['a tracking number with a slash', { ...ok, trackingNumber: '6A1/../x' }],
    ['a field we do not know', { ...ok, note: 'hello' }],
  ])('refuses %s', (_why, payload) => {
    expect(event.Check(payload)).toBe(false);
  });

  it('followup:shown takes an event id only', () => {
    expect(shown.Check({ eventId: 'e1' })).toBe(true);
    expect(shown.Check({ eventId: '' })).toBe(false);
    expect(shown.Check({ eventId: 'e1', shownAt: 1 })).toBe(false);
  });
});
