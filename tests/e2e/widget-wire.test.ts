// The widget as it travels and what it costs the page at load, in Debian's Chromium against the
// real server and the built bundle: bytes as received (Resource Timing's encodedBodySize, CDP's
// response headers — not file sizes), compression and cache headers, no storage touched while the
// bubble is drawn, and a returning visitor's app and socket left to idle time (with and without
// requestIdleCallback). Timings are measured by bench:widget, not asserted here.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { DIST, launchChromium, requireBuild, widgetAppFile } from './browser.js';

let server: TestServer;
let browser: Browser;
let APP_PATH = '';
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await requireBuild();
  APP_PATH = `/widget/${widgetAppFile()}`;
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

interface Probe {
  storageReads: number;
  readsWhenBubbleDrawn: number | null;
  idleCalls: number;
}

/**
 * Before any page script: count every localStorage/sessionStorage access, note how many happened
 * by the time the bubble is in the DOM (the MutationObserver runs right after the loader's task),
 * and count requestIdleCallback calls — or remove requestIdleCallback, as in Safari.
 */
function probe(withIdleCallback: boolean) {
  const w = window as unknown as { __probe: Probe; requestIdleCallback?: unknown };
  const p: Probe = (w.__probe = { storageReads: 0, readsWhenBubbleDrawn: null, idleCalls: 0 });
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    const own = Object.getOwnPropertyDescriptor(window, name) ?? Object.getOwnPropertyDescriptor(Window.prototype, name);
    Object.defineProperty(window, name, {
      configurable: true,
      get() {
        p.storageReads++;
        return own!.get!.call(window);
      },
    });
  }
  if (!withIdleCallback) delete w.requestIdleCallback;
  else {
    const ric = window.requestIdleCallback.bind(window);
    w.requestIdleCallback = (cb: IdleRequestCallback, opts?: IdleRequestOptions) => (p.idleCalls++, ric(cb, opts));
  }
  new MutationObserver((_, obs) => {
    if (!document.querySelector('bulle-chat')) return;
    p.readsWhenBubbleDrawn = p.storageReads;
    obs.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

async function visitor(withIdleCallback = true) {
  const ctx = await browser.newContext({ locale: 'en-GB' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.addInitScript(probe, withIdleCallback);
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  return { ctx, page, sockets };
}

const probed = (page: Page) => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);

describe('widget: bytes on the wire', () => {
  it('sends the loader under 1.5 KB and the app under 20 KB, compressed, the app cached for good', async () => {
    const { ctx, page } = await visitor();
    // Response headers as Chromium received them (CDP), by path.
    const cdp = await ctx.newCDPSession(page);
    const headers = new Map<string, Record<string, string>>();
    cdp.on('Network.responseReceived', (e) => {
      const lower = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      headers.set(new URL(e.response.url).pathname, lower);
    });
    await cdp.send('Network.enable');
    await page.goto(server.url + '/');
    await page.locator('[data-bulle="launcher"]').click();
    await page.locator('[data-bulle="input"]').waitFor();

    const wire = await page.evaluate(() =>
      Object.fromEntries(
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => [
          new URL(r.name).pathname,
          { encoded: r.encodedBodySize, decoded: r.decodedBodySize, transfer: r.transferSize },
        ]),
      ),
    );
    const loader = wire['/widget.js']!;
    const app = wire[APP_PATH]!;
    expect(loader.encoded).toBeGreaterThan(0);
    expect(loader.encoded).toBeLessThanOrEqual(1536);
    expect(loader.encoded).toBeLessThan(loader.decoded);
    expect(app.encoded).toBeGreaterThan(0);
    expect(app.encoded).toBeLessThanOrEqual(20 * 1024);
    expect(app.encoded).toBeLessThan(app.decoded / 2);

    const loaderHeaders = headers.get('/widget.js')!;
    const appHeaders = headers.get(APP_PATH)!;
    for (const h of [loaderHeaders, appHeaders]) {
      expect(['br', 'gzip']).toContain(h['content-encoding']);
      expect(h['vary']?.toLowerCase()).toContain('accept-encoding');
    }
    expect(appHeaders['cache-control']).toMatch(/max-age=31536000/);
    expect(appHeaders['cache-control']).toMatch(/immutable/);
    expect(loaderHeaders['cache-control']).toBe('public, max-age=300');
    expect(loaderHeaders['etag']).toBeTruthy();
  });

  it('revalidates the loader by ETag (304, no body) and serves each encoding the client asks for', async () => {
    // inject, not fetch: fetch adds Cache-Control: no-cache to a conditional request.
    const first = await server.app.inject({ url: '/widget.js', headers: { 'accept-encoding': 'br' } });
    const etag = String(first.headers['etag']);
    expect(first.headers['content-encoding']).toBe('br');
    const again = await server.app.inject({ url: '/widget.js', headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    for (const [asked, got] of [['gzip', 'gzip'], ['identity', null]] as const) {
      const res = await server.app.inject({ url: APP_PATH, headers: { 'accept-encoding': asked } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding'] ?? null).toBe(got);
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
    }
  });

  it('console: hashed assets immutable, index.html revalidated, both compressed', async () => {
    const index = await server.app.inject({ url: '/console/', headers: { 'accept-encoding': 'br, gzip' } });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-encoding']).toBe('br');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['etag']).toBeTruthy();
    const plain = await server.app.inject({ url: '/console/' });
    const assets = [...plain.body.matchAll(/(?:src|href)="(\/console\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const url of assets) {
      const res = await server.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['cache-control']).toMatch(/max-age=31536000, immutable/);
    }
  });
});

describe('widget: the main thread at load', () => {
  it('touches no storage while drawing the bubble, for a first visit and a returning one', async () => {
    const { page, sockets } = await visitor();
    await page.goto(server.url + '/');
    await page.locator('[data-bulle="launcher"]').waitFor();
    await page.waitForLoadState('networkidle');
    // A first visit: no storage at all, no app, no socket — but the idle check did run.
    expect(await probed(page)).toMatchObject({ storageReads: 0, readsWhenBubbleDrawn: 0 });
    expect((await probed(page)).idleCalls).toBeGreaterThan(0);
    expect(sockets).toEqual([]);

    // Become a returning visitor: a message stores the token (and the loader's sign of it).
    await page.locator('[data-bulle="launcher"]').click();
    await page.locator('[data-bulle="input"]').fill('Where is my order?');
    await page.locator('[data-bulle="send"]').click();
    await page.locator('[data-bulle="message"][data-author="bot"]').first().waitFor();
    await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual(['bulle:demo:token']);

    await page.reload();
    await page.locator('[data-bulle="launcher"]').waitFor();
    // The app connects in badge mode, after the bubble was drawn with no storage read.
    await expect.poll(() => sockets.length, { timeout: 20_000 }).toBe(2);
    const p = await probed(page);
    expect(p.readsWhenBubbleDrawn).toBe(0);
    expect(p.storageReads).toBeGreaterThan(0);
    expect(await page.locator('[data-bulle="panel"]').count()).toBe(0);
  });

  it('a returning visitor still connects in a browser without requestIdleCallback', async () => {
    const { page, sockets } = await visitor(false);
    await page.goto(server.url + '/');
    await page.locator('[data-bulle="launcher"]').click();
    await page.locator('[data-bulle="input"]').fill('Where is my order?');
    await page.locator('[data-bulle="send"]').click();
    await page.locator('[data-bulle="message"][data-author="bot"]').first().waitFor();
    await page.reload();
    await expect.poll(() => sockets.length, { timeout: 20_000 }).toBe(2);
    expect((await probed(page)).readsWhenBubbleDrawn).toBe(0);
    expect(await page.evaluate(() => 'requestIdleCallback' in window)).toBe(false);
  });
});
