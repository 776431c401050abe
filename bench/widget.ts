// npm run bench:widget -- [--runs 5] [--dist dist]
//
// What the widget costs a merchant's page, measured in Debian's Chromium (playwright-core) against
// the real server (buildServer in this process, port 0, 127.0.0.1, the built bundle from --dist):
//   1. the demo shop as served (`/`, with the snippet) and the same page without the snippet,
//      alternated, --runs times each, at 1× and 4× CPU (CDP Emulation.setCPUThrottlingRate), each
//      in a fresh browser context (a first visit: empty cache, no storage);
//   2. per page view, once the network has been idle for 500 ms: script time (CDP
//      Performance.getMetrics ScriptDuration), long tasks (PerformanceObserver 'longtask') and the
//      bytes received (CDP Network.loadingFinished encodedDataLength) — all before any interaction;
//   3. on the snippet's page: the loader's bytes on the wire (Resource Timing encodedBodySize), then
//      a click on the bubble → the panel's input in the DOM (click-to-interactive) and the app's bytes.
// "Added" figures are the median with the snippet minus the median without it.
// Prints a table, and as the last line one JSON object. Every loop is bounded in count and time.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { buildServer } from '../server/app.js';
import { createConfig } from '../server/config.js';
import { launchChromium } from '../tests/e2e/browser.js';
import { fmt, parseArgs, round, table } from './lib/stats.js';

const args = parseArgs(process.argv.slice(2), {
  /** Page views per variant and CPU rate (the median is reported). */
  runs: 5,
  /** The built widget and console (npm run build). */
  dist: 'dist',
  /** Cap per page view and per click, ms. */
  timeout: 30_000,
});
if (args.runs < 1 || args.runs > 50) throw new Error('--runs: 1 to 50');
const DIST = resolve(args.dist);
if (!existsSync(join(DIST, 'widget', 'widget.js'))) throw new Error(`${DIST}/widget/widget.js is missing: run \`npm run build\` first`);

const SNIPPET = /\s*<!--[^>]*-->\s*<script src="\/widget\.js"[^>]*><\/script>|\s*<script src="\/widget\.js"[^>]*><\/script>/;
const BARE_PATH = '/__bench/without-snippet';

interface View {
  scriptMs: number;
  longTasks: number;
  bytes: number;
  loaderWireBytes?: number;
  loaderTransferBytes?: number;
  loaderEncoding?: string;
  appWireBytes?: number;
  appTransferBytes?: number;
  appEncoding?: string;
  clickToInteractiveMs?: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const config = createConfig({
    port: 0,
    host: '127.0.0.1',
    dataDir: null,
    distDir: DIST,
    logLevel: 'silent',
    // The bench never talks to the bot: keep its warm-up off this machine's other core.
    botThread: false,
  });
  const app = await buildServer(config);
  let bareHtml = '';
  // The same demo page, served by the same server with the same headers, minus the snippet.
  app.get(BARE_PATH, (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(bareHtml));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const html = await (await fetch(base + '/')).text();
  bareHtml = html.replace(SNIPPET, '');
  if (bareHtml === html) throw new Error('the demo page has no snippet to remove');

  const browser = await launchChromium();
  const watchdog = setTimeout(() => {
    console.error('bench:widget: watchdog fired (10 min), giving up');
    process.exit(2);
  }, 10 * 60_000);
  try {
    const results: Record<string, View[]> = {};
    for (const rate of [1, 4]) {
      // One discarded pair first: the server's and the browser's first page views warm caches.
      await view(browser, base, '/', rate, false);
      await view(browser, base, BARE_PATH, rate, false);
      for (let i = 0; i < args.runs; i++) {
        (results[`with ${rate}x`] ??= []).push(await view(browser, base, '/', rate, true));
        (results[`without ${rate}x`] ??= []).push(await view(browser, base, BARE_PATH, rate, false));
      }
    }
    report(results);
  } finally {
    clearTimeout(watchdog);
    await browser.close();
    await app.close();
  }
}

async function view(browser: Browser, base: string, path: string, rate: number, click: boolean): Promise<View> {
  const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  try {
    const page = await ctx.newPage();
    page.setDefaultTimeout(args.timeout);
    await page.addInitScript(() => {
      const w = window as unknown as { __benchLongTasks: number[] };
      w.__benchLongTasks = [];
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__benchLongTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // No Long Tasks API: counted as none.
      }
    });
    const cdp = await ctx.newCDPSession(page);
    // A same-origin page first, so the throttled renderer is the one the shop page runs in.
    await page.goto(base + '/health');
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const bytes = trackBytes(cdp);
    await cdp.send('Network.enable');
    const before = await scriptSeconds(cdp);
    bytes.reset();
    await page.goto(base + path, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const scriptMs = ((await scriptSeconds(cdp)) - before) * 1000;
    const bytesBefore = bytes.total();
    // Long tasks of the page load only: the click's own are the visitor's doing.
    const longTasks = await page.evaluate(() => (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks.length);
    const out: View = { scriptMs, longTasks, bytes: bytesBefore };
    if (click) {
      const loader = await resource(page, '/widget.js');
      Object.assign(out, { loaderWireBytes: loader.encodedBodySize, loaderTransferBytes: loader.transferSize, loaderEncoding: bytes.encoding('/widget.js') });
      out.clickToInteractiveMs = (await page.evaluate(CLICK_TO_INTERACTIVE(args.timeout))) as number;
      const appEntry = await resource(page, '/widget/app');
      Object.assign(out, { appWireBytes: appEntry.encodedBodySize, appTransferBytes: appEntry.transferSize, appEncoding: bytes.encoding('/widget/app') });
    }
    return out;
  } finally {
    await ctx.close();
  }
}

/**
 * Runs in the page: click the bubble, resolve with the ms until the panel's input is there.
 * A string, not a function: tsx would wrap the inner named functions in a helper the page lacks.
 */
const CLICK_TO_INTERACTIVE = (timeoutMs: number) => `new Promise((ok, fail) => {
  const root = document.querySelector('bulle-chat')?.shadowRoot;
  const launcher = root?.querySelector('[data-bulle="launcher"]');
  if (!root || !launcher) return fail(new Error('no bubble on the page'));
  const t0 = performance.now();
  launcher.click();
  (function check() {
    const input = root.querySelector('[data-bulle="input"]');
    if (input && !input.disabled) return ok(performance.now() - t0);
    if (performance.now() - t0 > ${timeoutMs}) return fail(new Error('the panel input never appeared'));
    requestAnimationFrame(check);
  })();
})`;

async function resource(page: import('playwright-core').Page, pathPrefix: string) {
  const entry = await page.evaluate((prefix) => {
    const e = performance
      .getEntriesByType('resource')
      .find((r) => new URL(r.name).pathname.startsWith(prefix)) as PerformanceResourceTiming | undefined;
    return e ? { encodedBodySize: e.encodedBodySize, transferSize: e.transferSize } : null;
  }, pathPrefix);
  if (!entry) throw new Error(`no resource ${pathPrefix}* in the page's Resource Timing`);
  return entry;
}

async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN;
}

/** Bytes received per response (headers and body as they came over the wire), and its encoding. */
function trackBytes(cdp: CDPSession) {
  const urls = new Map<string, string>();
  const encodings = new Map<string, string>();
  let sum = 0;
  cdp.on('Network.responseReceived', (e) => {
    const path = new URL(e.response.url).pathname;
    urls.set(e.requestId, path);
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    encodings.set(path, headers['content-encoding'] ?? 'identity');
  });
  cdp.on('Network.loadingFinished', (e) => {
    sum += e.encodedDataLength;
  });
  return {
    reset: () => (sum = 0),
    total: () => sum,
    encoding: (prefix: string) => [...encodings].find(([p]) => p.startsWith(prefix))?.[1] ?? '?',
  };
}

function report(results: Record<string, View[]>): void {
  const m = (key: string, f: (v: View) => number | undefined) => median((results[key] ?? []).map(f).filter((x): x is number => x !== undefined));
  const rows: (string | number)[][] = [['page view', 'runs', 'script ms', 'long tasks', 'bytes before click', 'click→input ms']];
  for (const key of Object.keys(results)) {
    rows.push([key, results[key]!.length, fmt(m(key, (v) => v.scriptMs), 2), fmt(m(key, (v) => v.longTasks), 1), fmt(m(key, (v) => v.bytes), 0), fmt(m(key, (v) => v.clickToInteractiveMs), 0)]);
  }
  const added = (rate: number, f: (v: View) => number) => m(`with ${rate}x`, f) - m(`without ${rate}x`, f);
  const first = results['with 1x']![0]!;
  const json = {
    loaderWireBytes: m('with 1x', (v) => v.loaderWireBytes),
    appWireBytes: m('with 1x', (v) => v.appWireBytes),
    addedScriptMs1x: round(added(1, (v) => v.scriptMs), 2),
    addedScriptMs4x: round(added(4, (v) => v.scriptMs), 2),
    addedLongTasks4x: round(added(4, (v) => v.longTasks), 1),
    clickToInteractiveMs1x: round(m('with 1x', (v) => v.clickToInteractiveMs), 0),
    clickToInteractiveMs4x: round(m('with 4x', (v) => v.clickToInteractiveMs), 0),
    addedLongTasks1x: round(added(1, (v) => v.longTasks), 1),
    addedBytesBeforeInteraction: round(added(1, (v) => v.bytes), 0),
    loaderTransferBytes: m('with 1x', (v) => v.loaderTransferBytes),
    appTransferBytes: m('with 1x', (v) => v.appTransferBytes),
    loaderEncoding: first.loaderEncoding,
    appEncoding: first.appEncoding,
    runs: args.runs,
  };
  console.log(table(rows));
  console.log('');
  console.log(
    table([
      ['added by the snippet', '1x', '4x'],
      ['script ms (median)', fmt(added(1, (v) => v.scriptMs), 2), fmt(added(4, (v) => v.scriptMs), 2)],
      ['long tasks (median)', fmt(added(1, (v) => v.longTasks), 1), fmt(added(4, (v) => v.longTasks), 1)],
      ['bytes before interaction', fmt(added(1, (v) => v.bytes), 0), fmt(added(4, (v) => v.bytes), 0)],
    ]),
  );
  console.log(`loader ${json.loaderWireBytes} B on the wire (${json.loaderEncoding}), app ${json.appWireBytes} B (${json.appEncoding})`);
  console.log(JSON.stringify(json));
}

await main();
