// The FAQ editor in a real browser: an admin opens it from the top bar, edits a French entry's
// answer and saves; a French visitor's widget then gets the new answer; the form names a bad
// field before sending; "Test a question" shows the candidates' scores; no serious axe violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, describeViolations, isBlocking } from '../e2e/axe.js';
import { ARTIFACTS, DIST, launchChromium, openWidget, requireBuild } from '../e2e/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';

const WAIT = 30_000;
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

describe('browser: the FAQ editor', () => {
  it('an admin edits a French answer; the next French visitor gets it; the test box shows the scores', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(WAIT);
    await page.goto(server.url + '/console/');
    await page.locator('input[type="email"]').fill('alex@demo.bulle.chat');
    await page.locator('input[type="password"]').fill('demo-alex');
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-bulle="faq-open"]').click();
    await page.locator('[data-bulle="faq-editor-page"]').waitFor();
    await page.locator('[data-bulle="faq-lang"]').selectOption('fr');
    await page.locator('[data-bulle="faq-search"]').fill('cadeau');
    await page.locator('[data-bulle="faq-entry"][data-faq-id="gift-cards"]').click();
    const form = page.locator('[data-bulle="faq-form"][data-entry="gift-cards"]');
    await form.waitFor();

    // A blank question is named next to its field, and nothing is sent.
    const question = await form.locator('[data-bulle="faq-question"]').inputValue();
    await form.locator('[data-bulle="faq-question"]').fill('');
    await form.locator('[data-bulle="faq-save"]').click();
    await form.locator('[data-bulle="faq-field-error"][data-field="faq-question"]').waitFor();
    expect(await form.locator('[data-bulle="faq-question"]').getAttribute('aria-invalid')).toBe('true');
    expect(await server.app.store.listFaqVersions('demo')).toEqual([]);
    await form.locator('[data-bulle="faq-question"]').fill(question);

    const answer = 'Oui, des cartes cadeaux de 20 à 200 €, valables deux ans (édité dans la console).';
    while ((await form.locator('[data-bulle="faq-answer"]').count()) > 1) await form.getByRole('button', { name: /Remove answer/ }).last().click();
    await form.locator('[data-bulle="faq-answer"]').fill(answer);
    await form.locator('[data-bulle="faq-dirty"]').waitFor();
    await form.locator('[data-bulle="faq-save"]').click();
    await page.locator('[data-bulle="faq-status"]', { hasText: 'Saved' }).waitFor();
    expect(await form.locator('[data-bulle="faq-dirty"]').count()).toBe(0);
    await form.locator('[data-bulle="faq-history"]', { hasText: 'v1' }).waitFor();
    expect(await page.locator('[data-bulle="faq-entry"][data-faq-id="gift-cards"]').innerText()).toContain('edited');

    await page.locator('[data-bulle="faq-test-input"]').fill(question);
    await page.locator('[data-bulle="faq-test-run"]').click();
    const result = page.locator('[data-bulle="faq-test-result"]');
    await result.waitFor();
    expect(await result.getAttribute('data-outcome')).toBe('answer');
    expect(await result.innerText()).toContain(answer);
    const table = page.locator('[data-bulle="faq-scores"]');
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').first().getAttribute('data-faq-id')).toBe('gift-cards');
    expect(await table.locator('thead th').count()).toBeGreaterThan(4);
    await page.screenshot({ path: `${ARTIFACTS}/faq-editor.png` });
    await result.screenshot({ path: `${ARTIFACTS}/faq-editor-test.png` });

    const blocking = (await axeViolations(page)).filter(isBlocking);
    expect(blocking, describeViolations(blocking)).toEqual([]);

    // A French visitor, in the widget.
    const shop = await openWidget(browser, server.url, contexts, { locale: 'fr-FR' });
    await shop.locator('[data-bulle="input"]').fill(question);
    await shop.locator('[data-bulle="send"]').click();
    await shop.locator('[data-bulle="message"][data-author="bot"]', { hasText: answer }).waitFor({ timeout: WAIT });
  }, 120_000);
});
