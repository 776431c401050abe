// Canned replies in the console: variables, fallbacks, language choice, the `/` menu.
import { describe, expect, it } from 'vitest';
import { fillTemplate, matchCanned, pickText, slashQuery, unfilled } from '../../agent-console/src/lib/canned.js';
import type { CannedReply } from '../../protocol/types.js';
import { DEMO_CANNED_REPLIES } from '../../server/seed/demo-canned-replies.js';

const reply = (shortcut: string, texts: Record<string, string>, title = shortcut): CannedReply => ({ id: shortcut, shortcut, title, texts, updatedAt: 0 });

describe('fillTemplate', () => {
  it('fills every known variable', () => {
    const out = fillTemplate('Hi {{visitor.name}}, order {{order.number}} ({{visitor.email}}) — {{agent.name}}', {
      'visitor.name': 'Marie',
      'order.number': '48213',
      'visitor.email': 'marie@example.fr',
      'agent.name': 'Camille',
    });
    expect(out).toEqual({ text: 'Hi Marie, order 48213 (marie@example.fr) — Camille', missing: [] });
  });

  it('leaves an unknown value in place and reports it, once', () => {
    expect(fillTemplate('Order {{order.number}}, again {{ order.number }}', {})).toEqual({
      text: 'Order {{order.number}}, again {{ order.number }}',
      missing: ['order.number'],
    });
  });

  it('uses a fallback, and an empty fallback drops the ", " or " " before it', () => {
    expect(fillTemplate('Hello {{visitor.name|there}}!', {}).text).toBe('Hello there!');
    expect(fillTemplate('Hello {{visitor.name|there}}!', { 'visitor.name': 'Marie' }).text).toBe('Hello Marie!');
    expect(fillTemplate('Bonjour {{visitor.name|}}, je suis Camille.', {}).text).toBe('Bonjour, je suis Camille.');
    expect(fillTemplate('Merci de votre visite, {{visitor.name|}} !', {}).text).toBe('Merci de votre visite !');
    expect(fillTemplate('Merci de votre visite, {{visitor.name|}} !', { 'visitor.name': 'Marie' }).text).toBe('Merci de votre visite, Marie !');
  });

  it('treats a blank value as unknown and an unknown variable name as missing', () => {
    expect(fillTemplate('{{visitor.name|you}}', { 'visitor.name': '  ' }).text).toBe('you');
    expect(fillTemplate('{{shop.phone}}', {}).missing).toEqual(['shop.phone']);
  });

  it('reads every demo reply without a missing variable when everything is known', () => {
    const vars = { 'visitor.name': 'Marie', 'visitor.email': 'm@x.fr', 'order.number': '1', 'agent.name': 'Sam' } as const;
    for (const r of DEMO_CANNED_REPLIES) {
      for (const text of Object.values(r.texts)) {
        const out = fillTemplate(text, vars);
        expect(out.missing).toEqual([]);
        expect(unfilled(out.text)).toEqual([]);
      }
    }
  });
});

describe('pickText', () => {
  const r = reply('hello', { fr: 'Bonjour', en: 'Hello' });
  it("takes the conversation's language, then its base, then the site default, then any", () => {
    expect(pickText(r, 'fr', 'en')).toBe('Bonjour');
    expect(pickText(r, 'fr-CA', 'en')).toBe('Bonjour');
    expect(pickText(r, 'de', 'en')).toBe('Hello');
    expect(pickText(reply('x', { es: 'Hola' }), 'de', 'en')).toBe('Hola');
  });
});

describe('the / menu', () => {
  it('finds the slash word being typed before the caret', () => {
    expect(slashQuery('/tra', 4)).toEqual({ start: 0, query: 'tra' });
    expect(slashQuery('Bonjour ! /trac', 15)).toEqual({ start: 10, query: 'trac' });
    expect(slashQuery('see https://x.fr/track', 22)).toBeNull();
    expect(slashQuery('/track and more', 15)).toBeNull();
    expect(slashQuery('/', 1)).toEqual({ start: 0, query: '' });
  });

  it('lists shortcuts starting with the query first, then those containing it or titled so', () => {
    const list = [reply('refund', {}, 'Refund'), reply('tracking', {}, 'Order tracking'), reply('order-late', {}, 'Late parcel')];
    expect(matchCanned(list, 'or').map((r) => r.shortcut)).toEqual(['order-late', 'tracking']);
    expect(matchCanned(list, '').map((r) => r.shortcut)).toEqual(['refund', 'tracking', 'order-late']);
    expect(matchCanned(list, 'zzz')).toEqual([]);
  });
});
