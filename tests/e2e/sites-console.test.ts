// The Sites page inside the console, in Chromium: an old link to /console/sites opens the console
// on it; the admin tests and adds an allowed origin, sets business hours with a night range that
// crosses midnight, saves, and the store has them. axe-core finds nothing serious on the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, isBlocking } from './axe.js';
import { join } from 'node:path';
import { ARTIFACTS, DIST, launchChromium, openSitesAsAdmin, requireBuild } from './browser.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST });
  browser = await launchChromium();
  ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await ctx.newPage();
});
afterAll(async () => {
  await ctx?.close();
  await browser?.close();
  await server?.close();
});

async function axe(state: string) {
  const blocking = (await axeViolations(page)).filter(isBlocking);
  expect(blocking, `${state}:\n${describeViolations(blocking)}`).toEqual([]);
}

describe('Sites page in the console', () => {
  it('edits origins and hours (one range past midnight), saves, and passes axe', { timeout: 120_000 }, async () => {
    // 1. Log in, then follow an old link to the stand-alone page: the console opens on Sites.
    const form = await openSitesAsAdmin(page, server.url);
    expect(new URL(page.url()).hash).toBe('#sites');
    await axe('Sites page');

    // 2. Test an origin as typed: the server says what it becomes; then add it.
    await form.locator('[data-bulle="origin-input"]').fill('shop.example/boutique');
    await form.locator('[data-bulle="origin-test"]').click();
    await form.locator('[data-bulle="origin-notes"] li').first().waitFor();
    expect(await form.locator('[data-bulle="origin-notes"]').textContent()).toContain('https://shop.example');
    await form.locator('[data-bulle="origin-add"]').click();
    await form.locator('[data-bulle="site-origin"]', { hasText: 'https://shop.example' }).waitFor();

    // 3. Hours in Paris: weekdays by day, Friday's night runs past midnight.
    await form.locator('[data-bulle="hours-tz"]').fill('Europe/Paris');
    await form.locator('[data-bulle="hours-day"][data-day="mon"]').fill('09:00-12:30, 14:00-18:00');
    await form.locator('[data-bulle="hours-day"][data-day="fri"]').fill('22:00-02:00');
    await axe('Sites page, edited');
    await page.screenshot({ path: join(ARTIFACTS, 'console-sites.png') });

    // 4. Save: the page says so, and the store has it.
    await form.locator('[data-bulle="site-save"]').click();
    await page.locator('[data-bulle="site-status"]', { hasText: 'Saved' }).waitFor({ timeout: 30_000 });
    const site = await server.app.store.getSite('demo');
    expect(site?.allowedOrigins).toContain('https://shop.example');
    expect(site?.businessHours).toEqual({ timeZone: 'Europe/Paris', days: { mon: [['09:00', '12:30'], ['14:00', '18:00']], fri: [['22:00', '02:00']] } });
    await axe('Sites page, saved');

    // 5. Closing the page leaves the console as it was (no #sites left to reopen it).
    await page.keyboard.press('Escape');
    await page.locator('[data-bulle="sites-dialog"]').waitFor({ state: 'detached' });
    expect(new URL(page.url()).hash).toBe('');
  });
});
