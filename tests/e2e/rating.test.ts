// In a real browser: a French visitor talks to Camille, ends the chat from the widget and rates
// it 4 with a comment; the rating shows in Camille's console and in GET /api/admin/stats.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StatsResult } from '../../protocol/types.js';
import { loginCookie, startServer, type TestServer } from '../helpers/server.js';
import { ARTIFACTS, DIST, launchChromium, openWidget, requireBuild } from './browser.js';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close();
  await browser?.close();
  await server?.close();
});

async function consoleOf(email: string, password: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto(server.url + '/console/');
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.locator('[data-bulle="mine"]').waitFor();
  return page;
}

describe('browser: ending a chat and rating it', () => {
  it('the visitor ends the chat and rates it 4; the console and the numbers show it', async () => {
    const camille = await consoleOf('camille@demo.bulle.chat', 'demo-camille');
    const visitor = await openWidget(browser, server.url, contexts, { locale: 'fr-FR' });
    await visitor.locator('[data-bulle="human"]').click();
    await visitor.locator('[data-bulle="message"][data-author="system"]').filter({ hasText: 'Camille a rejoint la conversation.' }).waitFor();
    await camille.locator('[data-bulle="mine-item"][data-lang="fr"]').waitFor();

    // 1. "Terminer": the widget asks for a rating in the visitor's language.
    await visitor.locator('[data-bulle="end"]').click();
    const form = visitor.locator('[data-bulle="rating"]');
    await form.filter({ hasText: 'Comment s’est passée cette conversation ?' }).waitFor();
    expect(await visitor.locator('[data-bulle="rating-send"]').isDisabled()).toBe(true);
    await visitor.locator('[data-bulle="star-4"]').click();
    expect(await visitor.locator('[data-bulle="star-4"]').getAttribute('aria-checked')).toBe('true');
    await visitor.locator('[data-bulle="rating-comment"]').fill('Rapide et aimable');
    await visitor.locator('[data-bulle="rating-send"]').click();
    await visitor.locator('[data-bulle="rated"]').filter({ hasText: 'Merci pour votre note !' }).waitFor();
    // No SMTP configured: no transcript offered.
    expect(await visitor.locator('[data-bulle="transcript"]').count()).toBe(0);
    await visitor.screenshot({ path: join(ARTIFACTS, 'widget-rated.png') });

    // 2. The console: the closed chat carries the rating, in the list and on the conversation.
    await camille.locator('[data-bulle="closed-toggle"]').click();
    const item = camille.locator('[data-bulle="closed-item"]').first();
    await item.locator('[data-bulle="rating"][data-score="4"]').waitFor();
    await item.locator('button').first().click();
    const header = camille.locator('[data-bulle="conversation-header"]');
    await header.locator('[data-bulle="rating"][data-score="4"]').waitFor();
    await header.locator('[data-bulle="rating-comment"]').filter({ hasText: 'Rapide et aimable' }).waitFor();
    await camille.screenshot({ path: join(ARTIFACTS, 'console-rating.png') });

    // 3. The numbers.
    const admin = await loginCookie(server.url, 'alex@demo.bulle.chat', 'demo-alex');
    const stats = (await (await fetch(server.url + '/api/admin/stats', { headers: { cookie: admin } })).json()) as StatsResult;
    expect(stats.rating).toEqual({ average: 4, count: 1, distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 } });
    expect(stats).toMatchObject({ conversations: 1, handoffs: 1, byLang: [{ lang: 'fr', conversations: 1 }] });
  });

  it('the numbers page shows the same figures, with charts and the export', async () => {
    const alex = await consoleOf('alex@demo.bulle.chat', 'demo-alex');
    const errors: string[] = [];
    alex.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await alex.locator('[data-bulle="numbers-open"]').click();
    const page = alex.locator('[data-bulle="numbers"]');
    await page.locator('[data-bulle="kpi-rating"] [data-bulle="kpi-value"]').filter({ hasText: '4 / 5' }).waitFor();
    expect(await page.locator('[data-bulle="kpi-conversations"] [data-bulle="kpi-value"]').innerText()).toBe('1');
    expect(await page.locator('[data-bulle="kpi-handoffs"] [data-bulle="kpi-value"]').innerText()).toBe('1');
    // Every figure carries its definition.
    expect(await page.locator('[data-bulle="kpi-fcr"] .def').innerText()).toContain('7 days');
    // The order follow-ups' line, with its definition (none were sent here).
    expect(await page.locator('[data-bulle="kpi-follow-ups"] [data-bulle="kpi-value"]').innerText()).toBe('0');
    expect(await page.locator('[data-bulle="kpi-follow-ups"] .def').innerText()).toContain('within 7 days after one was shown');
    expect(await page.locator('[data-bulle="chart-days"] canvas').count()).toBe(1);
    expect(await page.locator('[data-bulle="chart-ratings"] canvas').count()).toBe(1);
    // The export: the same filters, a CSV with one row per conversation.
    const href = (await page.locator('[data-bulle="numbers-export"]').getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/admin\/conversations\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    const csv = await alex.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(2);
    // A filter: no German conversations.
    await page.locator('[data-bulle="numbers-lang"]').selectOption('de');
    await page.locator('[data-bulle="kpi-conversations"] [data-bulle="kpi-value"]').filter({ hasText: /^0$/ }).waitFor();
    await alex.screenshot({ path: join(ARTIFACTS, 'console-numbers.png') });
    expect(errors).toEqual([]);
  });
});
