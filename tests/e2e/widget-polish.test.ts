// The small things a person notices in the widget: no "Talk to a person" while a person is on the
// way, a thank-you for "Yes", a long paste explained rather than cut, a close button a thumb can
// hit, a phone on its side gets the whole screen, and the shop has a favicon.
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { DIST, launchChromium, openWidget as openPanel, requireBuild } from './browser.js';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST });
  browser = await launchChromium();
});
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const openWidget = (options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> => openPanel(browser, server.url, contexts, options);

/** The widget's focused element, by its data-bulle name. */
const focused = (page: Page) => page.evaluate(() => document.querySelector('bulle-chat')!.shadowRoot!.activeElement?.getAttribute('data-bulle'));

const messages = (page: Page, author: string) => page.locator(`[data-bulle="message"][data-author="${author}"]`);

describe('widget polish', () => {
  it('serves /favicon.ico', async () => {
    const res = await fetch(server.url + '/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/icon/);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('hides "Talk to a person" once the visitor is in line', async () => {
    const page = await openWidget();
    const human = page.locator('[data-bulle="human"]');
    await human.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-bulle="status"]').innerText(), { timeout: 20_000 }).toBe('Waiting for an agent');
    await human.waitFor({ state: 'detached' });
    // The keyboard's focus did not fall to the page with the button: it is in the input.
    expect(await focused(page)).toBe('input');
  }, 30_000);

  it('thanks the visitor for "Yes, this helped"', async () => {
    const page = await openWidget();
    await page.locator('[data-bulle="input"]').fill('How long does delivery take?');
    await page.locator('[data-bulle="send"]').click();
    await page.locator('[data-bulle="helpful-yes"]').focus({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('[data-bulle="helpful-thanks"]').waitFor();
    expect(await focused(page)).toBe('input');
    expect(await page.locator('[data-bulle="helpful-thanks"]').innerText()).toBe('Thanks for telling us!');
    expect(await page.locator('[data-bulle="helpful-yes"]').count()).toBe(0);
    await page.screenshot({ path: resolve('tests/artifacts/widget-thanks.png') });
  }, 30_000);

  it('tells the visitor, in their language, that a long paste is over the limit, and sends nothing cut', async () => {
    const page = await openWidget({ locale: 'fr-FR' });
    const input = page.locator('[data-bulle="input"]');
    const count = page.locator('[data-bulle="count"]');
    await input.fill('a'.repeat(4000));
    expect(await count.count()).toBe(0);
    await input.fill('a'.repeat(4800));
    expect((await count.innerText()).replace(/\s/g, ' ')).toBe('4 800 / 5 000');
    await input.fill('x'.repeat(6000));
    expect(await count.getAttribute('role')).toBe('alert');
    expect((await count.innerText()).replace(/\s/g, ' ')).toBe('Trop long : 6 000 caractères, la limite est de 5 000. Raccourcissez votre message.');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: resolve('tests/artifacts/widget-too-long.png') });
    await input.press('Enter');
    await page.locator('[data-bulle="send"]').click();
    // Nothing left, nothing cut: the whole text is still there to shorten, and no message went.
    expect((await input.inputValue()).length).toBe(6000);
    expect(await messages(page, 'visitor').count()).toBe(0);
    expect(await page.locator('[data-bulle="message"][data-state]').count()).toBe(0);
    // Shortened to the limit: it goes, whole.
    await input.fill('Où est ma commande ? ' + 'x'.repeat(5000 - 21));
    await input.press('Enter');
    await expect.poll(() => messages(page, 'visitor').count(), { timeout: 20_000 }).toBe(1);
    expect((await messages(page, 'visitor').first().innerText()).length).toBe(5000);
    expect(await count.count()).toBe(0);
  }, 30_000);

  it('on a phone: a 44×44 close button, and the whole screen upright and on its side', async () => {
    const phone = { isMobile: true, hasTouch: true };
    for (const viewport of [{ width: 375, height: 700 }, { width: 740, height: 360 }]) {
      const page = await openWidget({ ...phone, viewport });
      const close = await page.locator('[data-bulle="close"]').boundingBox();
      expect(close!.width).toBeGreaterThanOrEqual(44);
      expect(close!.height).toBeGreaterThanOrEqual(44);
      expect(await page.locator('[data-bulle="panel"]').boundingBox()).toEqual({ x: 0, y: 0, ...viewport });
      await page.screenshot({ path: resolve(`tests/artifacts/widget-phone-${viewport.width}x${viewport.height}.png`) });
    }
  }, 30_000);
});
