// Going live in a real browser, as a merchant would: a fresh data folder with demo seeding off →
// the setup link from the log → the first admin and the shop's site, with the shop's origin
// tested and added → the snippet the page prints, pasted in a page served from a second loopback
// port → the bot answers there → a hand-off → the admin logs into the console and has the chat.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startServer, tempDir, type TestServer } from '../helpers/server.js';
import { DIST, launchChromium, requireBuild } from './browser.js';

const PASSWORD = 'tea kettle under the stairs';
let server: TestServer;
let shop: Server;
let shopOrigin = '';
let snippet = '';
let browser: Browser;
let data: { dir: string; remove(): Promise<void> };
const log: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await requireBuild();
  // The merchant's shop, on another origin: a page with whatever snippet setup printed.
  shop = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Tea shop</title></head><body><h1>Tea shop</h1>${snippet}</body></html>`);
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopOrigin = `http://127.0.0.1:${(shop.address() as { port: number }).port}`;
  data = await tempDir();
  server = await startServer({ dataDir: data.dir, distDir: DIST, seedDemo: false, logLevel: 'warn' }, { logStream: { write: (l) => void log.push(l) } });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close();
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => shop?.close(resolve));
  await data?.remove();
});

it('setup page → snippet on the shop → bot answers → the admin sees the handed-off chat', async () => {
  // 1. The link from the log (on the test server's own address).
  await expect.poll(() => log.join('')).toMatch(/console\/setup\?token=/);
  const link = new URL(/(http:\/\/\S+\/console\/setup\?token=[\w-]+)/.exec(log.join(''))![1]!);
  const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  contexts.push(ctx);
  const setup = await ctx.newPage();
  await setup.goto(server.url + link.pathname + link.search);

  // 2. The form: admin, shop, languages, the shop's origin tested then added.
  await setup.locator('#admin-name').fill('Ada');
  await setup.locator('#admin-email').fill('ada@tea.example');
  await setup.locator('#admin-password').fill('tea');
  await setup.locator('#password-problems li').first().waitFor();
  await setup.locator('#admin-password').fill(PASSWORD);
  await setup.locator('#site-name').fill('Tea Shop');
  expect(await setup.locator('#site-id').inputValue()).toBe('tea-shop');
  await setup.locator('#languages input[value="fr"]').check();
  await setup.locator('#origin-input').fill(shopOrigin + '/teas/green');
  await setup.locator('#origin-test').click();
  await setup.locator('#origin-notes li', { hasText: 'every page of' }).waitFor();
  await setup.locator('#origin-add').click();
  await setup.locator('#origins li', { hasText: shopOrigin }).waitFor();
  await setup.locator('#setup-submit').click();

  // 3. The snippet to paste.
  await setup.locator('#done').waitFor();
  snippet = await setup.locator('#snippet').inputValue();
  expect(snippet).toBe(`<script src="${server.url}/widget.js" data-site="tea-shop" async></script>`);

  // 4. The shop page with the snippet: the bubble, a starter-FAQ answer, a hand-off.
  const page = await ctx.newPage();
  await page.goto(shopOrigin + '/');
  await page.locator('[data-bulle="launcher"]').click();
  await page.locator('[data-bulle="panel"]').waitFor();
  await page.locator('[data-bulle="input"]').fill('Where is my parcel?');
  await page.locator('[data-bulle="send"]').click();
  const answer = page.locator('[data-bulle="message"][data-author="bot"]').first();
  await answer.waitFor();
  expect(await answer.innerText()).toContain('tracking number');
  await page.locator('[data-bulle="human"]').click();
  await page.locator('[data-bulle="message"][data-author="system"]').first().waitFor();

  // 5. The admin logs in and has the chat (no demo banner on this server).
  const agentCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(agentCtx);
  const console_ = await agentCtx.newPage();
  await console_.goto(server.url + '/console/');
  await console_.locator('input[type="email"]').fill('ada@tea.example');
  await console_.locator('input[type="password"]').fill(PASSWORD);
  await console_.locator('button[type="submit"]').click();
  await console_.locator('[data-bulle="queue-item"][data-lang="en"], [data-bulle="mine-item"][data-lang="en"]').first().waitFor();
  expect(await console_.locator('.demo-banner').count()).toBe(0);

  // 6. The Sites page: the site with its snippet; a welcome text saved there greets new visitors.
  const errors: string[] = [];
  console_.on('pageerror', (e) => errors.push(e.message));
  await console_.locator('[data-bulle="sites-admin"]').click();
  const form = console_.locator('form[data-site="tea-shop"]');
  await form.waitFor();
  expect(await form.locator('textarea').first().inputValue()).toBe(snippet);
  await form.locator('[data-bulle="site-welcome"][data-lang="en"]').fill('Hello from the tea shop!');
  await form.locator('button[type="submit"]').click();
  await expect.poll(() => server.app.sites.get('tea-shop')?.site.welcome?.messages.en).toBe('Hello from the tea shop!');
  await form.locator('[data-bulle="site-status"]', { hasText: 'Saved' }).waitFor();
  expect(errors).toEqual([]);
}, 120_000);
