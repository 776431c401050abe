// The shop's side of the widget in a real browser, on the demo shop: window.Bulle (open, calls
// queued before the loader, the allow-list, events), and the proactive rules (an event rule on a
// failed checkout, a time rule on a product page shown once per visit). The rules' seconds are
// data, so this file gives the demo site a 1-second rule rather than waiting 30 s.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { DIST, launchChromium, requireBuild, widgetAppFile } from './browser.js';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const WAIT_MS = 30_000;

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

/** A fresh visitor's tab (own storage), recording the scripts it loads. */
async function tab(): Promise<{ page: Page; scripts: string[] }> {
  const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return { page, scripts };
}

const launcher = (page: Page) => page.locator('[data-bulle="launcher"]');

describe('window.Bulle', () => {
  it('Bulle.open() opens the panel and tells the page (on open / ready)', async () => {
    const { page } = await tab();
    await page.goto(server.url + '/');
    await launcher(page).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { Bulle: any; seen: string[] };
      w.seen = [];
      w.Bulle.on('open', () => w.seen.push('open'));
      w.Bulle.on('ready', () => w.seen.push('ready'));
      w.Bulle.open();
    });
    await page.locator('[data-bulle="panel"]').waitFor({ timeout: WAIT_MS });
    await expect.poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['open', 'ready']);
    await page.evaluate(() => (window as unknown as { Bulle: any }).Bulle.close());
    await page.locator('[data-bulle="panel"]').waitFor({ state: 'detached', timeout: WAIT_MS });
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
  });

  it('replays calls queued before the loader, in order; identify alone loads nothing; unknown methods throw', async () => {
    const { page, scripts } = await tab();
    // The snippet's stub, and calls made before /widget.js ran.
    await page.addInitScript(() => {
      const w = window as unknown as { Bulle: any; seen: string[] };
      w.seen = [];
      w.Bulle = function () {
        (w.Bulle.q = w.Bulle.q || []).push(arguments);
      };
      w.Bulle('on', 'open', () => w.seen.push('open'));
      w.Bulle('setLanguage', 'fr');
    });
    await page.goto(server.url + '/');
    await launcher(page).waitFor();
    // Identifying the customer (the demo shop's shop.js does it too) loads no app, opens no socket.
    await page.evaluate(() => (window as unknown as { Bulle: any }).Bulle.identify({ email: 'claire.dubois@example.com', orders: ['48213'] }));
    expect(scripts.filter((s) => s.startsWith('/widget/app.'))).toEqual([]);

    const errors = await page.evaluate(() => {
      const B = (window as unknown as { Bulle: any }).Bulle;
      const out: string[] = [];
      for (const call of [() => B('frobnicate'), () => B.track('not a name!'), () => B('track', {})]) {
        try {
          call();
          out.push('no error');
        } catch (e) {
          out.push((e as Error).message);
        }
      }
      return out;
    });
    expect(errors).toEqual(['Bulle: bad frobnicate', 'Bulle: bad track', 'Bulle: bad track']);
    expect(scripts.filter((s) => s.startsWith('/widget/app.'))).toEqual([]);

    await page.evaluate(() => (window as unknown as { Bulle: any }).Bulle('open'));
    // setLanguage('fr') ran before open: the panel speaks French.
    await page.locator('[data-bulle="close"][aria-label="Fermer le chat"]').waitFor({ timeout: WAIT_MS });
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['open']);
    expect(scripts.filter((s) => s === `/widget/${widgetAppFile()}`)).toHaveLength(1);
  });
});

describe('proactive messages', () => {
  it("a failed checkout (Bulle.track('checkout_failed')) shows the message; its quick reply starts the chat, stored after the message", async () => {
    const { page, scripts } = await tab();
    await page.goto(server.url + '/checkout.html');
    await launcher(page).waitFor();
    await page.evaluate(() => (window as unknown as { Bulle: any }).Bulle.track('some_other_event'));
    await page.locator('button.pay').click();
    const teaser = page.locator('[data-bulle="proactive"]');
    await teaser.waitFor({ timeout: WAIT_MS });
    expect(await teaser.innerText()).toContain("Payment didn't go through?");
    // Nothing stored yet: the message is drawn, not sent.
    expect(await page.evaluate(() => localStorage.getItem('bulle:demo:token'))).toBeNull();
    expect(scripts.filter((s) => s.startsWith('/widget/app.'))).toHaveLength(1);

    await page.locator('[data-bulle="proactive-reply"]').click();
    await page.locator('[data-bulle="panel"]').waitFor({ timeout: WAIT_MS });
    // The conversation as stored: the proactive message, then the visitor's answer.
    const stored = page.locator('[data-bulle="message"]:not([data-state])');
    const firstTwo = async () => (await stored.evaluateAll((els) => els.slice(0, 2).map((e) => `${e.getAttribute('data-author')}: ${e.textContent}`)));
    await expect
      .poll(firstTwo, { timeout: WAIT_MS })
      .toEqual(["bot: Payment didn't go through? We can help you complete your order.", 'visitor: I want to talk to a person']);
  });

  it('a time rule on a product page shows once per visit', async () => {
    const site = (await server.app.store.getSite('demo'))!;
    const second = { fr: 'Deuxième page ?', en: 'Second page?' };
    await server.app.store.putSite({
      ...site,
      proactive: {
        rules: [
          { id: 'product-quick', when: { secondsOnPage: 1, url: '/product*' }, message: { fr: 'Une question sur cette pièce ?', en: 'A question about this piece?' }, cap: 'visit' },
          // Proves the page was watched long enough on the second load: it fires there, later.
          { id: 'product-second', when: { secondsOnPage: 2, url: '/product*', minPages: 2 }, message: second, cap: 'visit' },
        ],
      },
    });
    try {
      const { page } = await tab();
      // Every proactive text the bubble shows, in order, per page load.
      await page.addInitScript(() => {
        const w = window as unknown as { shown: string[] };
        w.shown = [];
        new MutationObserver((_, self) => {
          const host = document.querySelector('bulle-chat');
          if (!host?.shadowRoot) return;
          self.disconnect();
          new MutationObserver(() => {
            const text = host.shadowRoot!.querySelector('[data-bulle="proactive-open"]')?.textContent;
            if (text && w.shown[w.shown.length - 1] !== text) w.shown.push(text);
          }).observe(host.shadowRoot, { childList: true, subtree: true, characterData: true });
        }).observe(document, { childList: true, subtree: true });
      });
      const shown = () => page.evaluate(() => (window as unknown as { shown: string[] }).shown);

      await page.goto(server.url + '/product.html');
      await expect.poll(shown, { timeout: WAIT_MS }).toEqual(['A question about this piece?']);
      await page.reload();
      await expect.poll(shown, { timeout: WAIT_MS }).toEqual([second.en]);
      // Pages of the visit, counted because a rule asks (this tab's sessionStorage).
      await page.goto(server.url + '/');
      await launcher(page).waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('bulle:demo:pages'))).toBe('3');
    } finally {
      await server.app.store.putSite(site);
    }
  });
});
