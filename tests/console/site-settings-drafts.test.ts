// The Sites page's models of the widget settings: a rule's text fields to what the server takes and
// back (the demo's rules survive the round trip), the problems named before anything is sent, the
// appearance, and the contrast warning's arithmetic.
import { describe, expect, it } from 'vitest';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { emptyRule, parseProactive, parseRule, ruleDraft, ruleOfProblem, ruleSummary } from '../../agent-console/src/sites/rule-draft.js';
import { appearanceDraft, parseAppearance } from '../../agent-console/src/sites/appearance-draft.js';
import { contrastRatio } from '../../agent-console/src/lib/contrast.js';
import { SiteProactiveSchema } from '../../protocol/widget-settings-schemas.js';
import { DEMO_APPEARANCE, DEMO_PROACTIVE } from '../../server/seed/demo-widget.js';
import type { Lang } from '../../protocol/types.js';

const LANGS: Lang[] = ['fr', 'en', 'es', 'de'];
const check = TypeCompiler.Compile(SiteProactiveSchema);

describe('rule drafts', () => {
  it("the demo's rules come back as they were, and pass the server's schema", () => {
    const back = parseProactive(DEMO_PROACTIVE.rules.map(ruleDraft), (DEMO_PROACTIVE.exclude ?? []).join('\n'), LANGS);
    expect(back).toEqual({ proactive: DEMO_PROACTIVE });
    expect(check.Check((back as { proactive: unknown }).proactive)).toBe(true);
  });

  it('reads event data, switched-off rules, quiet pages; drops languages the site lacks and empty texts', () => {
    const d = { ...emptyRule(1), id: 'cart', seconds: '', event: 'cart_viewed', data: 'total=120\nfirst=true\nplan=gold', off: true, message: { en: ' Free shipping over 100! ', it: 'Spedizione gratuita', fr: '  ' } };
    const r = parseProactive([d], '/checkout*\n\n/account/*', ['en', 'fr']);
    expect(r).toEqual({
      proactive: {
        rules: [{ id: 'cart', when: { event: 'cart_viewed', data: { total: 120, first: true, plan: 'gold' } }, message: { en: 'Free shipping over 100!' }, cap: 'visit', off: true }],
        exclude: ['/checkout*', '/account/*'],
      },
    });
    expect(check.Check((r as { proactive: unknown }).proactive)).toBe(true);
    expect(parseProactive([], '', LANGS)).toEqual({ proactive: null });
  });

  it('names the problem and the rule', () => {
    const base = { ...emptyRule(2), message: { en: 'Hi' } };
    expect(parseRule({ ...base, id: 'Big Name' }, LANGS)).toEqual({ problem: expect.stringContaining('lower-case') });
    expect(parseRule({ ...base, seconds: '5000' }, LANGS)).toEqual({ problem: expect.stringContaining('0 to 3600') });
    expect(parseRule({ ...base, minPages: '0' }, LANGS)).toEqual({ problem: expect.stringContaining('1 to 100') });
    expect(parseRule({ ...base, event: 'x', data: 'no equals sign' }, LANGS)).toEqual({ problem: expect.stringContaining('key=value') });
    expect(parseRule({ ...base, message: {} }, LANGS)).toEqual({ problem: 'Rule "rule-2": write its message in at least one language.' });
  });

  it('finds the rule a refusal names, from the server or the page', () => {
    const rules = DEMO_PROACTIVE.rules.map(ruleDraft);
    expect(ruleOfProblem('proactive.rules.1.when.event: Expected string to match', rules)).toBe(1);
    expect(ruleOfProblem('body/proactive/rules/0/when/url must match pattern "^/[^\\s]*$"', rules)).toBe(0);
    expect(ruleOfProblem('proactive.rules checkout-failed: each quick reply needs a label', rules)).toBe(1);
    expect(ruleOfProblem('Rule "product-question": seconds on the page from 0 to 3600.', rules)).toBe(0);
    expect(ruleOfProblem('proactive.rules.9.id: too long', rules)).toBeNull();
    expect(ruleOfProblem('Unknown time zone', rules)).toBeNull();
  });

  it('says when a rule fires', () => {
    expect(ruleSummary(ruleDraft(DEMO_PROACTIVE.rules[0]!))).toBe('after 30 s on the page, on /product*; once per visit');
    expect(ruleSummary({ ...emptyRule(1), seconds: '' })).toBe('on every page at once; once per visit');
  });
});

describe('appearance', () => {
  it('round-trips, refuses a colour that is not #rrggbb, keeps only the site languages', () => {
    expect(parseAppearance(appearanceDraft(DEMO_APPEARANCE), LANGS)).toEqual({ appearance: DEMO_APPEARANCE });
    expect(parseAppearance({ color: 'blue', position: 'right', label: {} }, LANGS)).toEqual({ problem: expect.stringContaining('#1d4ed8') });
    expect(parseAppearance({ color: '', position: 'right', label: { en: ' ' } }, LANGS)).toEqual({ appearance: null });
    expect(parseAppearance({ color: '', position: 'left', label: { en: ' Help ', it: 'Aiuto' } }, LANGS)).toEqual({ appearance: { position: 'left', label: { en: 'Help' } } });
  });

  it('contrast against white text: WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#1d4ed8', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrastRatio('#fde68a', '#ffffff')).toBeLessThan(3);
  });
});
