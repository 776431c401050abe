// The merchant-integration settings on the console's Sites page, in Chromium: the admin replaces the
// identity secret (shown once), sets the order webhook against a real
// HTTP server on 127.0.0.1 and sends a test, picks a bubble colour (a light one is warned about),
// adds a proactive rule (a page address the server refuses is said at the rule), saves; the
// loader's config (GET /api/widget/demo) then has them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, isBlocking } from './axe.js';
import { ARTIFACTS, DIST, launchChromium, openSitesAsAdmin, requireBuild } from './browser.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let shop: Server;
let shopUrl: string;
const shopAsked: string[] = [];
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  await requireBuild();
  shop = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      shopAsked.push((JSON.parse(body) as { orderNumber: string }).orderNumber);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'in_transit', carrier: 'DHL' }));
    });
  });
  await new Promise<void>((r) => shop.listen(0, '127.0.0.1', r));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/orders`;
  server = await startServer({ distDir: DIST, webhookHttpLoopback: true, orderWebhookTimeoutMs: 5000 });
  browser = await launchChromium();
  ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await ctx.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
});
afterAll(async () => {
  await ctx?.close();
  await browser?.close();
  await server?.close();
  await new Promise<void>((r) => shop?.close(() => r()) ?? r());
});

describe('Sites page: integration settings', () => {
  it('rotates the secret, sets and tests the webhook, edits the colour, adds a rule; the loader config follows', { timeout: 120_000 }, async () => {
    const form = await openSitesAsAdmin(page, server.url);

    // 1. Identity: the demo has a secret (its shop signs its customer); replacing it asks first, then
    // the new one is shown once and is the one the server keeps.
    const identity = form.locator('[data-bulle="site-identity"]');
    await identity.locator('[data-bulle="identity-state"]', { hasText: 'A secret exists' }).waitFor();
    const before = server.app.sites.get('demo')?.site.identity?.secret;
    expect(await identity.locator('[data-bulle="identity-secret"]').count()).toBe(0);
    await identity.locator('[data-bulle="identity-rotate-ask"]').click();
    await identity.locator('[data-bulle="identity-rotate"]', { hasText: 'replace' }).click();
    await identity.locator('[data-bulle="identity-secret"]').waitFor({ timeout: 30_000 });
    const shown = await identity.locator('[data-bulle="identity-secret"]').inputValue();
    expect(shown).not.toBe(before);
    expect(shown).toBe(server.app.sites.get('demo')?.site.identity?.secret);

    // 2. Webhook: an http URL off loopback is refused at the field; the test shop's is set and tested.
    const hook = form.locator('[data-bulle="site-webhook"]');
    await hook.locator('[data-bulle="webhook-url"]').fill('http://shop.example/orders');
    await hook.locator('[data-bulle="webhook-save"]').click();
    await hook.locator('[data-bulle="webhook-url-problem"]', { hasText: 'https' }).waitFor({ timeout: 30_000 });
    expect(await hook.locator('[data-bulle="webhook-url"]').getAttribute('aria-invalid')).toBe('true');
    await hook.locator('[data-bulle="webhook-url"]').fill(shopUrl);
    await hook.locator('[data-bulle="webhook-save"]').click();
    await hook.locator('[data-bulle="webhook-secret"]').waitFor({ timeout: 30_000 });
    expect(await hook.locator('[data-bulle="webhook-secret"]').inputValue()).toBe(server.app.sites.get('demo')?.site.orderWebhook?.secret);
    await hook.locator('[data-bulle="webhook-test"]').click();
    await hook.locator('[data-bulle="webhook-test-result"]', { hasText: 'in_transit (DHL)' }).waitFor({ timeout: 30_000 });
    expect(shopAsked).toEqual(['BULLE-TEST-0001']);

    // 3. Appearance: a light colour is warned about, a dark one is not; the bubble goes left.
    const look = form.locator('[data-bulle="site-appearance"]');
    await look.locator('[data-bulle="appearance-color"]').fill('#fde68a');
    await look.locator('[data-bulle="appearance-contrast"][data-low="true"]').waitFor();
    await look.locator('[data-bulle="appearance-color"]').fill('#7c2d12');
    await look.locator('[data-bulle="appearance-contrast"]:not([data-low])').waitFor();
    await look.locator('label.chip', { hasText: 'Bottom left' }).click();
    expect(await look.locator('[data-bulle="appearance-side"][value="left"]').isChecked()).toBe(true);
    await look.locator('[data-bulle="appearance-label"][data-lang="en"]').fill('Questions?');

    // 4. A new rule: on /sale pages after 5 s, once a day, with a quick reply.
    const rules = form.locator('[data-bulle="site-rules"]');
    await rules.locator('[data-bulle="rule-add"]').click();
    const editor = rules.locator('[data-bulle="rule-editor"]');
    await editor.locator('[data-bulle="rule-id"]').fill('sale-help');
    await editor.locator('[data-bulle="rule-seconds"]').fill('5');
    await editor.locator('[data-bulle="rule-url"]').fill('/sale*');
    await editor.locator('[data-bulle="rule-cap"]').selectOption('day');
    await editor.locator('[data-bulle="rule-message"][data-lang="en"]').fill('Need a size hint for the sale?');
    await editor.locator('[data-bulle="rule-message"][data-lang="fr"]').fill('Besoin d’un conseil de taille ?');
    await editor.locator('[data-bulle="rule-reply-add"]').click();
    for (const [l, label, text] of [['en', 'Yes please', 'I would like a size hint'], ['fr', 'Oui', 'Je voudrais un conseil de taille']] as const) {
      await editor.locator(`[data-bulle="rule-reply-label"][data-lang="${l}"]`).fill(label);
      await editor.locator(`[data-bulle="rule-reply-text"][data-lang="${l}"]`).fill(text);
    }
    // The demo's product rule is switched off.
    await rules.locator('[data-bulle="rule"][data-rule="product-question"] [data-bulle="rule-switch"]').click();
    expect(await rules.locator('[data-bulle="rule"][data-rule="product-question"] [data-bulle="rule-on"]').isChecked()).toBe(false);
    const blocking = (await axeViolations(page)).filter(isBlocking);
    expect(blocking, describeViolations(blocking)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'console-sites-integration.png'), fullPage: true });

    // 5. A page address without its leading "/" is refused by the server, and said at the rule.
    await editor.locator('[data-bulle="rule-url"]').fill('sale*');
    await form.locator('[data-bulle="site-save"]').click();
    await rules.locator('[data-bulle="rule"][data-rule="sale-help"] [data-bulle="rule-problem"]').waitFor({ timeout: 30_000 });
    await editor.locator('[data-bulle="rule-url"]').fill('/sale*');

    // 6. Save: the loader's config has the colour, side, label and the new rule (not the one switched off).
    await form.locator('[data-bulle="site-save"]').click();
    await page.locator('[data-bulle="site-status"]', { hasText: 'Saved' }).waitFor({ timeout: 30_000 });
    const config = (await (await fetch(server.url + '/api/widget/demo?lang=en')).json()) as { a: Record<string, string>; r: { id: string; m: string; s?: number; c: string; q?: unknown[] }[] };
    expect(config.a).toMatchObject({ c: '#7c2d12', p: 'l', l: 'Questions?' });
    const ids = config.r.map((r) => r.id);
    expect(ids).toContain('sale-help');
    expect(ids).not.toContain('product-question');
    expect(config.r.find((r) => r.id === 'sale-help')).toMatchObject({ m: 'Need a size hint for the sale?', s: 5, c: 'd', q: [{ label: 'Yes please', text: 'I would like a size hint' }] });
  });
});
