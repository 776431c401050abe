// Debian's Chromium driven by playwright-core (never a downloaded browser build).
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** The built widget and console the browser tests serve (`npm test` builds them first). */
export const DIST = resolve('dist');
/** Screenshots (git-ignored). */
export const ARTIFACTS = resolve('tests/artifacts');

/** Fail clearly when the build is missing, and make sure the screenshot folder exists. */
export async function requireBuild(): Promise<void> {
  const manifest = join(DIST, 'widget-manifest.json');
  if (!existsSync(manifest) || !existsSync(join(DIST, 'widget', widgetAppFile())) || !existsSync(join(DIST, 'console', 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (`npm test` does)');
  }
  await mkdir(ARTIFACTS, { recursive: true });
}

/** The built widget app's content-hashed file name (app.<hash>.js, served under /widget/). */
export function widgetAppFile(): string {
  const manifest = join(DIST, 'widget-manifest.json');
  if (!existsSync(manifest)) throw new Error('dist/widget-manifest.json is missing: run `npm run build` first (`npm test` does)');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { app: string }).app;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without the background-networking flags Chromium keeps dialling out on this closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A new browser context (closed by the caller through `contexts`) on the shop page, the widget's panel open. */
export async function openWidget(
  browser: Browser,
  url: string,
  contexts: BrowserContext[],
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 }, ...options });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto(url + '/');
  await page.locator('[data-bulle="launcher"]').click();
  await page.locator('[data-bulle="panel"]').waitFor();
  return page;
}

/**
 * The demo admin logs in to the console, then follows the old link to the stand-alone Sites page
 * (the console opens on Sites); resolves with the demo site's form.
 */
export async function openSitesAsAdmin(page: Page, url: string): Promise<Locator> {
  await page.goto(url + '/console/');
  await page.locator('input[type="email"]').fill('alex@demo.bulle.chat');
  await page.locator('input[type="password"]').fill('demo-alex');
  await page.locator('button[type="submit"]').click();
  await page.locator('[data-bulle="presence"]').waitFor({ timeout: 30_000 });
  await page.goto(url + '/console/sites');
  const form = page.locator('[data-bulle="site-form"][data-site="demo"]');
  await form.waitFor({ timeout: 30_000 });
  return form;
}

/**
 * Every Socket.IO WebSocket of the context goes through a switch: `goOffline()` cuts the live
 * ones and refuses new ones until `goOnline()`.
 */
export async function networkSwitch(ctx: BrowserContext): Promise<{ goOffline(): Promise<void>; goOnline(): void }> {
  let offline = false;
  const live: { close(): Promise<void> }[] = [];
  await ctx.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (offline) return void ws.close();
    ws.connectToServer();
    live.push(ws);
  });
  return {
    async goOffline() {
      offline = true;
      await Promise.all(live.splice(0).map((ws) => ws.close()));
    },
    goOnline: () => void (offline = false),
  };
}

/**
 * Asks for a person from the widget, unless the bot has already handed the chat off: it steps
 * aside to a person on a message it cannot answer, and the button then goes away.
 */
export async function askForPerson(page: Page, timeout = 20_000): Promise<void> {
  const handedOff = page.locator('[data-bulle="queue"], [data-bulle="offline"]').first();
  await Promise.any([page.locator('[data-bulle="human"]').click({ timeout }), handedOff.waitFor({ timeout })]);
}
