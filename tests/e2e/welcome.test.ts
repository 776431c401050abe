// The welcome in a real browser: the panel opens on the site's greeting in the browser's language
// with its topics as buttons (nothing stored yet), and a topic sends its question, which the bot
// answers like any message.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_WELCOME } from '../../server/seed/demo-seed.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { DIST, launchChromium, requireBuild } from './browser.js';

const WAIT_MS = 30_000;

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('shows the welcome and its topics on open; a topic sends its question', async () => {
  const ctx = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 800 } });
  try {
    const page = await ctx.newPage();
    await page.goto(server.url + '/');
    await page.locator('[data-bulle="launcher"]').click();

    // 1. The greeting and four topics, in German, before the visitor has written anything.
    const welcome = page.locator('[data-bulle="welcome"]');
    await welcome.waitFor({ timeout: WAIT_MS });
    expect(await welcome.innerText()).toContain(DEMO_WELCOME.messages.de!);
    const topics = page.locator('[data-bulle="topic"]');
    expect(await topics.allInnerTexts()).toEqual([
      'Wo ist meine Bestellung?',
      'Wie kann ich einen Artikel zurückschicken?',
      'Wie lange dauert die Lieferung?',
      'Welche Zahlungsarten akzeptieren Sie?',
    ]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    // 2. A topic is sent as the visitor's message and answered by the bot; the buttons go.
    await topics.nth(1).click();
    const visitor = page.locator('[data-bulle="message"][data-author="visitor"]');
    await visitor.first().waitFor({ timeout: WAIT_MS });
    expect(await visitor.first().innerText()).toBe('Wie kann ich einen Artikel zurückschicken?');
    await page.locator('[data-bulle="message"][data-author="bot"]').first().waitFor({ timeout: WAIT_MS });
    expect(await topics.count()).toBe(0);
    // The greeting stays above the conversation.
    expect(await welcome.count()).toBe(1);
  } finally {
    await ctx.close();
  }
});
