// Proactive rules from the site's settings to the visitor's browser: the server's compact form
// (one language, URL globs and quiet pages as one regular expression), the loader's page and event
// matching, and the app's admission (frequency caps, quiet while typing, returning visitors).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoaderRule } from '../../protocol/loader-config.js';
import { onEvent, onPage } from '../../widget/rules.js';
import { admit, capped, withinCap } from '../../widget/app/proactive-admit.js';
import { buildLoaderConfig, pagesRegExp } from '../../server/widget-config/loader-config.js';
import { widgetSettingsProblem } from '../../server/widget-config/settings-schema.js';
import { DEMO_APPEARANCE, DEMO_PROACTIVE } from '../../server/seed/demo-widget.js';

/** A Storage in memory, as the browser's sessionStorage and localStorage. */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, String(v));
  removeItem = (k: string) => void this.items.delete(k);
}

const site = { languages: ['fr', 'en', 'es', 'de'], defaultLanguage: 'en', appearance: DEMO_APPEARANCE, proactive: DEMO_PROACTIVE };
const rule = (over: Partial<LoaderRule> = {}): LoaderRule => ({ id: 'r', c: 'v', m: 'Hello?', ...over });

describe('the loader config the server builds', () => {
  it('gives the demo rules in the visitor language, the quiet pages folded into each pattern, under 1 KB', () => {
    const fr = buildLoaderConfig(site, 'fr-FR');
    expect(fr.r.map((r) => r.m)).toEqual(['Une question sur cette pièce ?', "Le paiement n'est pas passé ? Nous pouvons vous aider à finaliser votre commande."]);
    expect(fr.r[1]!.q).toEqual([{ label: 'Parler à une personne', text: 'Je veux parler à une personne' }]);
    expect(fr.r[0]).toMatchObject({ id: 'product-question', s: 30, c: 'v' });
    expect(fr.a.t).toBe('Ouvrir le chat');
    // A language the site does not speak: the site's default; the bubble's name stays English.
    expect(buildLoaderConfig(site, 'it').r[0]!.m).toBe('A question about this piece?');
    for (const lang of ['fr', 'en', 'es', 'de']) expect(Buffer.byteLength(JSON.stringify(buildLoaderConfig(site, lang)))).toBeLessThanOrEqual(1024);
  });

  it('turns globs into one anchored pattern with the quiet pages excluded', () => {
    const u = pagesRegExp('/product*', ['/account*', '/product-secret.html'])!;
    const on = (path: string) => onPage(rule({ u }), path, 1);
    expect(on('/product.html?id=3')).toBe(true);
    expect(on('/products/mug')).toBe(true);
    expect(on('/product-secret.html')).toBe(false);
    expect(on('/account/orders')).toBe(false);
    expect(on('/')).toBe(false);
    // Characters of the path are literal: "." is not "any character".
    expect(onPage(rule({ u: pagesRegExp('/a.html', undefined) }), '/aXhtml', 1)).toBe(false);
    // Quiet pages only: everywhere else.
    expect(onPage(rule({ u: pagesRegExp(undefined, ['/account*']) }), '/checkout.html', 1)).toBe(true);
    expect(pagesRegExp(undefined, undefined)).toBeUndefined();
  });

  it('rejects settings that would break or confuse the loader, naming the field', () => {
    expect(widgetSettingsProblem(site)).toBeNull();
    expect(widgetSettingsProblem({ appearance: { color: 'red;background:url(x)' } })).toMatch(/^appearance\.color/);
    expect(widgetSettingsProblem({ appearance: { position: 'top' } })).toMatch(/^appearance\.position/);
    const twice = { rules: [DEMO_PROACTIVE.rules[0], DEMO_PROACTIVE.rules[0]] };
    expect(widgetSettingsProblem({ proactive: twice })).toMatch(/used twice/);
    const dataWithoutEvent = { rules: [{ ...DEMO_PROACTIVE.rules[0]!, when: { data: { step: 'payment' } } }] };
    expect(widgetSettingsProblem({ proactive: dataWithoutEvent })).toMatch(/needs an "event"/);
    const noUrl = { rules: [{ ...DEMO_PROACTIVE.rules[0]!, when: { url: 'product*' } }] };
    expect(widgetSettingsProblem({ proactive: noUrl })).toMatch(/^proactive\.rules\.0\.when\.url/);
  });
});

describe('matching in the loader', () => {
  it('counts the pages of the visit', () => {
    expect(onPage(rule({ p: 3 }), '/', 2)).toBe(false);
    expect(onPage(rule({ p: 3 }), '/', 3)).toBe(true);
  });

  it('fires an event rule on its name and the data it asks for', () => {
    const r = rule({ e: 'checkout_failed', d: { step: 'payment' } });
    expect(onEvent(r, 'checkout_failed', { step: 'payment', total: 62 })).toBe(true);
    expect(onEvent(r, 'checkout_failed', { step: 'address' })).toBe(false);
    expect(onEvent(r, 'checkout_failed', {})).toBe(false);
    expect(onEvent(r, 'cart_viewed', { step: 'payment' })).toBe(false);
    expect(onEvent(rule({ e: 'checkout_failed' }), 'checkout_failed', {})).toBe(true);
  });
});

describe('admission in the app', () => {
  const g = globalThis as Record<string, unknown>;
  beforeEach(() => {
    g.sessionStorage = new MemoryStorage();
    g.localStorage = new MemoryStorage();
  });
  afterEach(() => {
    delete g.sessionStorage;
    delete g.localStorage;
  });
  const DAY = 864e5;

  it('caps a rule once per visit, per day or per visitor', () => {
    const t0 = 1_000_000;
    expect(capped(rule({ id: 'visit-a', c: 'v' }), 's1', t0)).toBe(false);
    expect(capped(rule({ id: 'visit-a', c: 'v' }), 's1', t0 + 1)).toBe(true);
    // Recorded where the next page of the visit (or the next visit) finds it.
    expect((g.sessionStorage as MemoryStorage).getItem('bulle:s1:shown:visit-a')).toBe(String(t0));
    expect(capped(rule({ id: 'day-a', c: 'd' }), 's1', t0)).toBe(false);
    expect((g.localStorage as MemoryStorage).getItem('bulle:s1:shown:day-a')).toBe(String(t0));
    // What a later page load decides from that record.
    expect(withinCap('d', t0, t0 + DAY - 1)).toBe(true);
    expect(withinCap('d', t0, t0 + DAY)).toBe(false);
    expect(withinCap('u', t0, t0 + 365 * DAY)).toBe(true);
    expect(withinCap('v', t0, t0 + 365 * DAY)).toBe(true);
    expect(withinCap('u', 0, t0)).toBe(false);
  });

  it('waits while the visitor types in the shop page, and shows returning-visitor rules only with a token', () => {
    const input = { tagName: 'INPUT', isContentEditable: false } as unknown as Element;
    const body = { tagName: 'BODY', isContentEditable: false } as unknown as Element;
    expect(admit(rule({ id: 'typing' }), 's2', input)).toBe(2);
    expect(admit(rule({ id: 'typing' }), 's2', body)).toBe(1);
    expect(admit(rule({ id: 'back', v: 1 }), 's2', body)).toBe(0);
    (g.localStorage as MemoryStorage).setItem('bulle:s2:token', 'x'.repeat(32));
    expect(admit(rule({ id: 'back', v: 1 }), 's2', body)).toBe(1);
  });

  it('still shows a rule once per page when storage is refused', () => {
    delete g.sessionStorage;
    expect(capped(rule({ id: 'nostore', c: 'v' }), 's3', 1)).toBe(false);
    expect(capped(rule({ id: 'nostore', c: 'v' }), 's3', 2)).toBe(true);
  });
});
