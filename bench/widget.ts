// npm run bench:widget -- [--runs 5] [--rates 1,4] [--dist dist] [--page /] [--baseline <another dist>]
//
// What the widget costs a merchant's page, measured in Debian's Chromium (playwright-core) against
// the real server (buildServer in this process, port 0, 127.0.0.1, the built bundle from --dist):
//   1. a demo shop page as served (--page: `/`, or `/product.html` where the site's time rule is
//      armed; both run the shop's own script, which calls window.Bulle before the loader has
//      loaded) and the same page without the snippet,
//      alternated, --runs times each, at 1× and 4× CPU (CDP Emulation.setCPUThrottlingRate), each
//      in a fresh browser context (a first visit: empty cache, no storage);
//   2. per page view, once the network has been idle for 500 ms, all before any interaction:
//      - the widget's script time, from a Chromium trace: top-level script events on the page's
//        main thread (evaluating a script, calling a listener, an idle callback…) that ran the
//        widget's files, as wall time (what the page lives: blocking waits such as a synchronous
//        storage read count, and so does a busy machine) and as CPU (thread) time (which a busy
//        machine hardly inflates); and the page's whole script time (CDP Performance.getMetrics
//        ScriptDuration, wall) and main-thread CPU;
//      - long tasks: PerformanceObserver 'longtask' (wall time ≥ 50 ms), and main-thread tasks of
//        ≥ 50 ms CPU in the trace;
//      - the bytes received (CDP Network.loadingFinished encodedDataLength, headers included);
//   3. on the snippet's page: the loader's bytes on the wire (Resource Timing encodedBodySize), then
//      a click on the bubble → the panel's input in the DOM (click-to-interactive) and the app's bytes;
//   4. a returning visitor (a real visitor token, got over socket.io-client before the runs, stored as
//      the app stores it): the same figures until the app has connected from idle time (as
//      differences of the page's totals: a trace names no script for some of the app's callbacks).
// "Added" script time and long tasks are the widget's own, found in the trace by its URLs (the page
// without the snippet runs none of it); differences of medians (with − without) are printed too.
// --baseline: another build (e.g. the previous commit's dist, kept aside) served by a second server of
// the same code, its first visits measured in the same runs ('baseline'), the two builds taking
// turns at going first (an even --runs balances them).
// Prints a table, and as the last line one JSON object. Every loop is bounded in count and time.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { io } from 'socket.io-client';
import { NS, VISITOR_CMD } from '../protocol/events.js';
import { buildServer } from '../server/app.js';
import { createConfig } from '../server/config.js';
import { launchChromium } from '../tests/e2e/browser.js';
import { mainThreadCpu, type MainThreadCpu, type Trace } from './lib/chromium-trace.js';
import { fmt, parseArgs, round, table } from './lib/stats.js';

const args = parseArgs(process.argv.slice(2), {
  /** Page views per variant and CPU rate (the median is reported). */
  runs: 5,
  /** The built widget and console (npm run build). */
  dist: 'dist',
  /** CPU slow-downs to measure, comma-separated (1 = this machine's speed). */
  rates: '1,4',
  /** Cap per page view and per click, ms. */
  timeout: 30_000,
  /** The demo shop page to load (its proactive rules differ: `/product.html` arms a timer). */
  page: '/',
  /** Another build's dist folder to measure in the same runs (empty: none). */
  baseline: '',
});
if (args.runs < 1 || args.runs > 50) throw new Error('--runs: 1 to 50');
const DIST = resolve(args.dist);
if (!existsSync(join(DIST, 'widget', 'widget.js'))) throw new Error(`${DIST}/widget/widget.js is missing: run \`npm run build\` first`);

const SNIPPET = /\s*<!--[^>]*-->\s*<script src="\/widget\.js"[^>]*><\/script>|\s*<script src="\/widget\.js"[^>]*><\/script>/;
const BARE_PATH = '/__bench/without-snippet';

interface View extends MainThreadCpu {
  /** ScriptDuration: wall time, so it grows when the machine is busy. */
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

let bareHtml = '';

/** The server with one build of the widget, on a free port. */
async function serve(distDir: string) {
  const config = createConfig({
    port: 0,
    host: '127.0.0.1',
    dataDir: null,
    distDir,
    logLevel: 'silent',
    // The bench never talks to the bot: keep its warm-up off this machine's other core.
    botThread: false,
  });
  const app = await buildServer(config);
  // The same demo page, served by the same server with the same headers, minus the snippet.
  app.get(BARE_PATH, (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(bareHtml));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { app, base: `http://127.0.0.1:${port}` };
}

async function main(): Promise<void> {
  if (args.baseline && !existsSync(join(resolve(args.baseline), 'widget', 'widget.js'))) throw new Error(`--baseline ${args.baseline}: no widget/widget.js there`);
  const { app, base } = await serve(DIST);
  const other = args.baseline ? await serve(resolve(args.baseline)) : null;
  const html = await (await fetch(base + args.page)).text();
  bareHtml = html.replace(SNIPPET, '');
  if (bareHtml === html) throw new Error('the demo page has no snippet to remove');

  const token = await visitorToken(base);
  const browser = await launchChromium();
  const watchdog = setTimeout(() => {
    console.error('bench:widget: watchdog fired (15 min), giving up');
    process.exit(2);
  }, 15 * 60_000);
  try {
    const results: Record<string, View[]> = {};
    for (const rate of String(args.rates).split(',').map(Number)) {
      // One discarded pair first: the server's and the browser's first page views warm caches.
      await view(browser, base, args.page, rate, false);
      await view(browser, base, BARE_PATH, rate, false);
      if (other) await view(browser, other.base, args.page, rate, false);
      for (let i = 0; i < args.runs; i++) {
        // With a baseline, the two builds take turns going first: measured against itself, a build
        // came out cheaper when it went first (docs/2026-12-07-loader-budget.md).
        const baseline = async () => other && (results[`baseline ${rate}x`] ??= []).push(await view(browser, other.base, args.page, rate, true));
        if (i % 2) await baseline();
        (results[`with ${rate}x`] ??= []).push(await view(browser, base, args.page, rate, true));
        if (!(i % 2)) await baseline();
        (results[`without ${rate}x`] ??= []).push(await view(browser, base, BARE_PATH, rate, false));
        (results[`returning ${rate}x`] ??= []).push(await view(browser, base, args.page, rate, false, token));
      }
    }
    report(results);
  } finally {
    clearTimeout(watchdog);
    await browser.close();
    await app.close();
    await other?.app.close();
  }
}

/** A visitor token as the server hands it out with a first message. */
async function visitorToken(base: string): Promise<string> {
  const socket = io(base + NS.visitor, { transports: ['websocket'], auth: { siteId: 'demo' }, reconnection: false, forceNew: true });
  try {
    const ack = (await socket.timeout(args.timeout).emitWithAck(VISITOR_CMD.messageSend, { clientId: 'bench-widget-1', text: 'Where is my order?' })) as {
      ok: boolean;
      data?: { token?: string };
    };
    if (!ack.ok || !ack.data?.token) throw new Error(`no visitor token: ${JSON.stringify(ack)}`);
    return ack.data.token;
  } finally {
    socket.close();
  }
}

/** Runs in the page: store a token as the widget app does (localStorage, and its IndexedDB sign for the loader). */
const STORE_TOKEN = (token: string) => `new Promise((ok, fail) => {
  localStorage.setItem('bulle:demo:token', ${JSON.stringify(token)});
  const open = indexedDB.open('bulle:demo:token');
  open.onsuccess = () => ok(open.result.close());
  open.onerror = () => fail(open.error);
})`;

async function view(browser: Browser, base: string, path: string, rate: number, click: boolean, token?: string): Promise<View> {
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
    if (token) await page.evaluate(STORE_TOKEN(token));
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const bytes = trackBytes(cdp);
    await cdp.send('Network.enable');
    const before = await scriptSeconds(cdp);
    bytes.reset();
    await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
    const socket = token ? page.waitForEvent('websocket') : null;
    await page.goto(base + path, { waitUntil: 'load' });
    // A returning visitor: until the app, loaded when the page was idle, has connected.
    if (socket) await socket;
    await page.waitForLoadState('networkidle');
    const cpu = mainThreadCpu(JSON.parse((await browser.stopTracing()).toString('utf8')) as Trace);
    const scriptMs = ((await scriptSeconds(cdp)) - before) * 1000;
    const bytesBefore = bytes.total();
    // Long tasks of the page load only: the click's own are the visitor's doing.
    const longTasks = await page.evaluate(() => (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks.length);
    const out: View = { ...cpu, scriptMs, longTasks, bytes: bytesBefore };
    if (token) out.appWireBytes = (await resource(page, '/widget/app')).encodedBodySize;
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
  const rows: (string | number)[][] = [
    ['page view (medians)', 'runs', 'widget script ms', 'widget script CPU ms', 'widget long tasks', 'script CPU ms', 'main thread CPU ms', 'script wall ms', 'long tasks seen', 'bytes', 'click→input ms'],
  ];
  for (const key of Object.keys(results)) {
    rows.push([
      key,
      results[key]!.length,
      fmt(m(key, (v) => v.widgetScriptMs), 2),
      fmt(m(key, (v) => v.widgetScriptCpuMs), 2),
      `${fmt(m(key, (v) => v.widgetLongTasks), 1)} (${fmt(m(key, (v) => v.widgetLongTasksCpu), 1)} CPU)`,
      fmt(m(key, (v) => v.scriptCpuMs), 2),
      fmt(m(key, (v) => v.mainThreadCpuMs), 1),
      fmt(m(key, (v) => v.scriptMs), 2),
      fmt(m(key, (v) => v.longTasks), 1),
      fmt(m(key, (v) => v.bytes), 0),
      fmt(m(key, (v) => v.clickToInteractiveMs), 0),
    ]);
  }
  const added = (rate: number, f: (v: View) => number) => m(`with ${rate}x`, f) - m(`without ${rate}x`, f);
  const first = (results['with 1x'] ?? Object.values(results)[0]!)[0]!;
  const json = {
    loaderWireBytes: m('with 1x', (v) => v.loaderWireBytes),
    appWireBytes: m('with 1x', (v) => v.appWireBytes),
    // The widget's own script time and long tasks (the page without the snippet has none): wall
    // time, as the page lives it (blocking waits included, and this machine's load), and CPU time.
    addedScriptMs1x: round(m('with 1x', (v) => v.widgetScriptMs), 2),
    addedScriptMs4x: round(m('with 4x', (v) => v.widgetScriptMs), 2),
    addedScriptCpuMs1x: round(m('with 1x', (v) => v.widgetScriptCpuMs), 2),
    addedScriptCpuMs4x: round(m('with 4x', (v) => v.widgetScriptCpuMs), 2),
    addedEvaluateCpuMs1x: round(m('with 1x', (v) => v.widgetEvaluateCpuMs), 2),
    addedEvaluateCpuMs4x: round(m('with 4x', (v) => v.widgetEvaluateCpuMs), 2),
    // The same first visit with the --baseline build, in the same runs.
    ...(args.baseline
      ? {
          baselineScriptMs1x: round(m('baseline 1x', (v) => v.widgetScriptMs), 2),
          baselineScriptMs4x: round(m('baseline 4x', (v) => v.widgetScriptMs), 2),
          baselineScriptCpuMs1x: round(m('baseline 1x', (v) => v.widgetScriptCpuMs), 2),
          baselineScriptCpuMs4x: round(m('baseline 4x', (v) => v.widgetScriptCpuMs), 2),
          baselineEvaluateCpuMs1x: round(m('baseline 1x', (v) => v.widgetEvaluateCpuMs), 2),
          baselineEvaluateCpuMs4x: round(m('baseline 4x', (v) => v.widgetEvaluateCpuMs), 2),
          baselineLongTasks4x: round(m('baseline 4x', (v) => v.widgetLongTasks), 1),
          baselineLoaderWireBytes: m('baseline 1x', (v) => v.loaderWireBytes),
        }
      : {}),
    addedLongTasks4x: round(m('with 4x', (v) => v.widgetLongTasks), 1),
    clickToInteractiveMs1x: round(m('with 1x', (v) => v.clickToInteractiveMs), 0),
    clickToInteractiveMs4x: round(m('with 4x', (v) => v.clickToInteractiveMs), 0),
    addedLongTasks1x: round(m('with 1x', (v) => v.widgetLongTasks), 1),
    addedLongTasksCpu4x: round(m('with 4x', (v) => v.widgetLongTasksCpu), 1),
    // Differences of medians, page with the snippet minus page without (noisier: the page's own work varies).
    diffScriptCpuMs1x: round(added(1, (v) => v.scriptCpuMs), 2),
    diffScriptCpuMs4x: round(added(4, (v) => v.scriptCpuMs), 2),
    diffScriptWallMs1x: round(added(1, (v) => v.scriptMs), 2),
    diffScriptWallMs4x: round(added(4, (v) => v.scriptMs), 2),
    diffMainThreadCpuMs1x: round(added(1, (v) => v.mainThreadCpuMs), 1),
    diffMainThreadCpuMs4x: round(added(4, (v) => v.mainThreadCpuMs), 1),
    diffLongTasksObserved4x: round(added(4, (v) => v.longTasks), 1),
    addedBytesBeforeInteraction: round(added(1, (v) => v.bytes), 0),
    // A returning visitor: the app loaded and connected from idle time, no click. The app's work is
    // partly in callbacks a trace names no script for (microtasks, socket events), so these are the
    // page's totals minus the page without the snippet (which runs no script).
    returningScriptCpuMs1x: round(m('returning 1x', (v) => v.scriptCpuMs) - m('without 1x', (v) => v.scriptCpuMs), 2),
    returningScriptCpuMs4x: round(m('returning 4x', (v) => v.scriptCpuMs) - m('without 4x', (v) => v.scriptCpuMs), 2),
    returningLongTasks4x: round(m('returning 4x', (v) => v.longTasks) - m('without 4x', (v) => v.longTasks), 1),
    returningLongTasksCpu4x: round(m('returning 4x', (v) => v.longTasksCpu) - m('without 4x', (v) => v.longTasksCpu), 1),
    returningBytes: round(m('returning 1x', (v) => v.bytes) - m('without 1x', (v) => v.bytes), 0),
    loaderTransferBytes: m('with 1x', (v) => v.loaderTransferBytes),
    appTransferBytes: m('with 1x', (v) => v.appTransferBytes),
    loaderEncoding: first.loaderEncoding,
    appEncoding: first.appEncoding,
    page: args.page,
    runs: args.runs,
    loadavg1m: round(loadavg()[0]!, 1),
  };
  console.log(table(rows));
  console.log('');
  console.log(
    table([
      ['added by the snippet, before any interaction', '1x', '4x'],
      ['widget script ms, wall (median)', fmt(json.addedScriptMs1x, 2), fmt(json.addedScriptMs4x, 2)],
      ['widget script ms, CPU (median)', fmt(json.addedScriptCpuMs1x, 2), fmt(json.addedScriptCpuMs4x, 2)],
      ['  of which evaluating the widget, CPU (median)', fmt(json.addedEvaluateCpuMs1x, 2), fmt(json.addedEvaluateCpuMs4x, 2)],
      ...(args.baseline
        ? [
            ['baseline build: widget script ms, wall (median)', fmt(json.baselineScriptMs1x!, 2), fmt(json.baselineScriptMs4x!, 2)],
            ['baseline build: widget script ms, CPU (median)', fmt(json.baselineScriptCpuMs1x!, 2), fmt(json.baselineScriptCpuMs4x!, 2)],
            ['baseline build:   of which evaluating, CPU (median)', fmt(json.baselineEvaluateCpuMs1x!, 2), fmt(json.baselineEvaluateCpuMs4x!, 2)],
            ['baseline build: widget long tasks, ≥ 50 ms wall (median)', fmt(m('baseline 1x', (v) => v.widgetLongTasks), 1), fmt(json.baselineLongTasks4x!, 1)],
          ]
        : []),
      ['widget long tasks, ≥ 50 ms wall (median)', fmt(json.addedLongTasks1x, 1), fmt(json.addedLongTasks4x, 1)],
      ['script CPU ms, difference of medians', fmt(json.diffScriptCpuMs1x, 2), fmt(json.diffScriptCpuMs4x, 2)],
      ['script wall ms (ScriptDuration), difference', fmt(json.diffScriptWallMs1x, 2), fmt(json.diffScriptWallMs4x, 2)],
      ['main thread CPU ms, difference of medians', fmt(json.diffMainThreadCpuMs1x, 1), fmt(json.diffMainThreadCpuMs4x, 1)],
      ['long tasks seen by PerformanceObserver, difference', fmt(added(1, (v) => v.longTasks), 1), fmt(json.diffLongTasksObserved4x, 1)],
      ['bytes received, difference', fmt(json.addedBytesBeforeInteraction, 0), fmt(added(4, (v) => v.bytes), 0)],
      ['returning visitor: script CPU ms, difference of medians', fmt(json.returningScriptCpuMs1x, 2), fmt(json.returningScriptCpuMs4x, 2)],
      [
        'returning visitor: long tasks (observed / ≥ 50 ms CPU), difference',
        `${fmt(m('returning 1x', (v) => v.longTasks) - m('without 1x', (v) => v.longTasks), 1)} / ${fmt(m('returning 1x', (v) => v.longTasksCpu) - m('without 1x', (v) => v.longTasksCpu), 1)}`,
        `${fmt(json.returningLongTasks4x, 1)} / ${fmt(json.returningLongTasksCpu4x, 1)}`,
      ],
      ['returning visitor: bytes received, difference', fmt(json.returningBytes, 0), fmt(m('returning 4x', (v) => v.bytes) - m('without 4x', (v) => v.bytes), 0)],
    ]),
  );
  console.log(`load average ${json.loadavg1m} on ${availableParallelism()} cores (wall times and long tasks grow with it; CPU times much less)`);
  if (args.baseline) console.log(`baseline build (${args.baseline}): loader ${json.baselineLoaderWireBytes} B on the wire`);
  console.log(`loader ${json.loaderWireBytes} B on the wire (${json.loaderEncoding}), app ${json.appWireBytes} B (${json.appEncoding}); click → input ${json.clickToInteractiveMs1x} ms at 1x`);
  console.log(JSON.stringify(json));
}

await main();
