// News of an order before it is asked, in a real browser: the shop signs an order event for the
// demo customer; her next page view on the demo shop (which signs her identity) shows "your order
// 48213 has shipped with Colissimo" with the carrier's tracking link, once. A page that identifies
// nobody asks nothing and loads no app.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { DEMO_CUSTOMER, eventId, postOrderEvent } from '../helpers/order-events.js';
import { axeViolations, describeViolations, isBlocking } from './axe.js';
import { DIST, launchChromium, requireBuild, widgetAppFile } from './browser.js';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const WAIT_MS = 30_000;
const COLISSIMO = 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901';
/** A page of the shop with the snippet and nothing else: nobody signed in. */
const ANONYMOUS = '<!doctype html><html lang="en"><body><h1>Shop</h1><script src="/widget.js" data-site="demo" async></script></body></html>';

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

/** A fresh page view (own storage), recording the scripts it loads. */
async function tab(): Promise<{ page: Page; scripts: string[] }> {
  const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  contexts.push(ctx);
  await ctx.route(server.url + '/anonymous.html', (route) => route.fulfill({ contentType: 'text/html', body: ANONYMOUS }));
  const page = await ctx.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return { page, scripts };
}

const shownAt = async (id: string) =>
  (await server.app.store.listOrderEvents('demo', { id: DEMO_CUSTOMER.sub, email: DEMO_CUSTOMER.email })).find((e) => e.eventId === id)?.shownAt;

describe('order follow-up in the widget', () => {
  it('the signed-in customer sees it with the tracking link, once; an anonymous page sees nothing', async () => {
    const id = eventId();
    const posted = await postOrderEvent(server, { eventId: id, orderNumber: '48213', customer: { email: DEMO_CUSTOMER.email }, status: 'shipped', carrier: 'Colissimo', trackingNumber: '6A12345678901' });
    expect(posted.status).toBe(200);

    // 1. An anonymous page of the same shop: no question asked, no app loaded, nothing shown.
    const anon = await tab();
    const probes: string[] = [];
    anon.page.on('request', (r) => r.method() === 'POST' && probes.push(r.url()));
    await anon.page.goto(server.url + '/anonymous.html');
    await anon.page.locator('[data-bulle="launcher"]').waitFor({ timeout: WAIT_MS });
    await anon.page.waitForLoadState('networkidle', { timeout: WAIT_MS });
    expect(probes).toEqual([]);
    expect(anon.scripts).not.toContain(`/widget/${widgetAppFile()}`);
    expect(await anon.page.locator('[data-bulle="follow-up"]').count()).toBe(0);
    expect(await shownAt(id)).toBeUndefined();

    // 2. The demo shop signs Claire in: the follow-up shows, with the carrier's link.
    const first = await tab();
    await first.page.goto(server.url + '/');
    const note = first.page.locator('[data-bulle="follow-up"]');
    await note.waitFor({ timeout: WAIT_MS });
    expect(await note.textContent()).toContain('Your order 48213 has shipped with Colissimo.');
    const link = first.page.locator('[data-bulle="follow-up-link"]');
    expect(await link.getAttribute('href')).toBe(COLISSIMO);
    expect(await link.textContent()).toBe('Track it (Colissimo)');
    expect(await link.getAttribute('target')).toBe('_blank');
    await expect.poll(() => shownAt(id), { timeout: WAIT_MS }).toBeTypeOf('number');
    // As usable as the rest of the widget: no serious or critical axe finding with it on screen.
    const blocking = (await axeViolations(first.page)).filter(isBlocking);
    expect(blocking, describeViolations(blocking)).toEqual([]);
    await note.locator('[data-bulle="follow-up-dismiss"]').click();
    await note.waitFor({ state: 'detached', timeout: WAIT_MS });

    // 3. Her next page view: the probe says nothing waits, so no app is loaded and nothing shows.
    const second = await tab();
    const answer = second.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/widget/demo', { timeout: WAIT_MS });
    await second.page.goto(server.url + '/');
    expect((await answer).status()).toBe(204);
    await second.page.waitForLoadState('networkidle', { timeout: WAIT_MS });
    expect(second.scripts).not.toContain(`/widget/${widgetAppFile()}`);
    expect(await second.page.locator('[data-bulle="follow-up"]').count()).toBe(0);
  });

  it('with the chat open, the news shows atop the conversation', async () => {
    const id = eventId();
    await postOrderEvent(server, { eventId: id, orderNumber: '48217', customer: { email: DEMO_CUSTOMER.email }, status: 'confirmed' });
    const { page } = await tab();
    await page.goto(server.url + '/');
    await page.locator('[data-bulle="launcher"]').click();
    await page.locator('[data-bulle="panel"]').waitFor({ timeout: WAIT_MS });
    const item = page.locator('[data-bulle="messages"] [data-bulle="follow-up-message"]');
    await item.waitFor({ timeout: WAIT_MS });
    expect(await item.textContent()).toBe('Your order 48217 is confirmed: we are preparing it.');
    await expect.poll(() => shownAt(id), { timeout: WAIT_MS }).toBeTypeOf('number');
  });
});
