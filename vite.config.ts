// One config, four builds chosen by --mode (Vite's library mode takes one IIFE entry per build):
//   app     → dist/widget/app.<hash>.js  the Preact widget, loaded by the loader on first click;
//                                        its name goes to dist/widget-manifest.json
//   loader  → dist/widget/widget.js      tiny framework-free loader, served as /widget.js; built
//                                        after the app, whose file name it carries
//   console → dist/console/              the agent console SPA, served under /console/
// Each of these three also writes a brotli (.br) and a gzip (.gz) copy of every file beside it,
// which the server sends as they are (server/plugins/static-assets.ts: no compression per request).
//   server  → dist/server/main.js     the server as ES modules for plain `node` (npm start): no tsx
//                                     (~70 MB less RSS idle); packages stay in node_modules.
//                                     A worker thread's entry is built beside it (bot-thread.js).
/// <reference types="vitest/config" />
import { existsSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import uglify from 'uglify-js';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * What socket.io-client takes from engine.io-client, replaced by widget/app/engine-socket.ts:
 * Engine.IO over one WebSocket, text only. The transport classes socket.io-client re-exports
 * are unused by the widget.
 */
const ENGINE_ENTRY = `
export { Socket, installTimerFunctions, nextTick } from ${JSON.stringify(here('./widget/app/engine-socket.ts'))};
export { parse } from ${JSON.stringify(here('./widget/app/parse-url.ts'))};
export const WebSocket = undefined, NodeWebSocket = undefined, Fetch = undefined, XHR = undefined, NodeXHR = undefined, WebTransport = undefined;
`;

/**
 * Trim socket.io-client to what the widget speaks (its 20 KB budget includes it): socket.io-client
 * itself (Manager, Socket: acks, buffering, reconnection with backoff) is kept; under it,
 * - engine.io-client → widget/app/engine-socket.ts (WebSocket only: no polling, upgrades, binary);
 * - socket.io-parser → widget/app/sio-parser.ts (JSON only: no binary attachments).
 */
const websocketOnly: Plugin = {
  name: 'bulle-websocket-only',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer?.includes('/node_modules/socket.io-client/')) return null;
    if (source === 'engine.io-client') return '\0bulle:engine-entry';
    if (source === 'socket.io-parser') return here('./widget/app/sio-parser.ts');
    return null;
  },
  load(id) {
    return id === '\0bulle:engine-entry' ? ENGINE_ENTRY : null;
  },
};

/** Where the app build leaves its hashed file name for the loader build (outside the served folders). */
const WIDGET_MANIFEST = here('./dist/widget-manifest.json');
const APP_FILE = /^app\.[\w-]+\.js$/;
/**
 * App builds kept beside the newest: a page that still holds a loader from before a deploy (it is
 * cached for minutes) asks for the app it knows, and must get it.
 */
const APP_BUILDS_KEPT = 3;

/** Record the app's hashed name, and drop app builds older than the last APP_BUILDS_KEPT. */
const appManifest: Plugin = {
  name: 'bulle-app-manifest',
  writeBundle(options, bundle) {
    const app = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry)!.fileName;
    writeFileSync(WIDGET_MANIFEST, JSON.stringify({ app }) + '\n');
    const dir = options.dir!;
    const old = readdirSync(dir)
      .filter((f) => APP_FILE.test(f) && f !== app)
      .sort((a, b) => statSync(join(dir, b)).mtimeMs - statSync(join(dir, a)).mtimeMs)
      .slice(APP_BUILDS_KEPT - 1);
    for (const f of old) for (const ext of ['', '.br', '.gz', '.map']) if (existsSync(join(dir, f + ext))) unlinkSync(join(dir, f + ext));
  },
};

function builtAppFile(): string {
  if (!existsSync(WIDGET_MANIFEST)) throw new Error('dist/widget-manifest.json is missing: build the app (vite build --mode app) before the loader');
  return (JSON.parse(readFileSync(WIDGET_MANIFEST, 'utf8')) as { app: string }).app;
}

/**
 * Brotli (quality 11) and gzip (level 9) copies of each text file written, compressed once here
 * rather than on every request; the server picks one by the request's Accept-Encoding.
 */
const precompress: Plugin = {
  name: 'bulle-precompress',
  writeBundle(options, bundle) {
    for (const name of Object.keys(bundle)) {
      if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
      const file = join(options.dir!, name);
      const bytes = readFileSync(file);
      writeFileSync(
        file + '.br',
        brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      );
      writeFileSync(file + '.gz', gzipSync(bytes, { level: 9 }));
    }
  },
};

/**
 * The loader's minifier: UglifyJS (three compress passes) leaves it smaller than the build's own
 * minifier, which matters under its 1.5 KB budget (docs/2026-12-07-loader-budget.md). No top-level
 * option: that would unwrap the IIFE and leave the loader's names as globals of the merchant's page.
 */
const loaderMinify: Plugin = {
  name: 'bulle-loader-minify',
  // Once the chunk is final (the build's own transforms rewrite it in renderChunk).
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const out = uglify.minify(chunk.code, { compress: { passes: 3 }, mangle: true });
      if (out.error) throw out.error;
      chunk.code = out.code;
    }
  },
};

/** The server bundle's entry points: main, and each file a worker thread starts (server/bot/bots.ts). */
const SERVER_ENTRIES = Object.fromEntries(
  Object.entries({ main: 'server/main.ts', 'bot-thread': 'server/bot/bot-thread.ts' }).filter(([, file]) => existsSync(here(`./${file}`))),
);

/**
 * Three Vitest projects, by what a test needs: `unit` runs in-process code only (seconds),
 * `integration` starts real servers, stores and threads, `browser` drives Chromium against a
 * built server (`npm run build` first). `npm test` runs them all; `npx vitest run --project unit`
 * runs one. A test file belongs to exactly one, by where it lives or how it is named.
 */
const BROWSER_TESTS = ['tests/e2e/**/*.test.ts', 'tests/**/*-browser.test.ts', 'tests/**/a11y-*.test.ts', 'tests/**/*.e2e.test.ts', 'tests/console/verified-badge.test.ts'];
const INTEGRATION_TESTS = ['tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts', 'tests/storage/**/*.test.ts', 'tests/live/**/*.test.ts'];
const NOT_TESTS = ['**/node_modules/**', '**/dist/**'];

const shared: UserConfig = {
  logLevel: 'warn',
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...NOT_TESTS, ...BROWSER_TESTS, ...INTEGRATION_TESTS] } },
      { extends: true, test: { name: 'integration', include: INTEGRATION_TESTS, exclude: [...NOT_TESTS, ...BROWSER_TESTS] } },
      { extends: true, test: { name: 'browser', include: BROWSER_TESTS, exclude: NOT_TESTS } },
    ],
    // Generous caps: tests wait for events, and CI machines are not always idle.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 30_000 } },
    // Integration tests start real servers; two workers suit this 2-core machine.
    maxWorkers: 2,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { 'process.env.NODE_ENV': '"production"' },
};

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'server') {
    return {
      logLevel: 'warn',
      build: {
        // Two folders down like server/*/ and faq/*/, so paths built from import.meta.url
        // ('../../' = the project root) hold in the bundle too.
        outDir: 'dist/server',
        emptyOutDir: true,
        ssr: true,
        target: 'node20',
        sourcemap: true,
        rolldownOptions: { input: SERVER_ENTRIES, output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' } },
      },
    };
  }
  if (mode === 'console') {
    return {
      ...shared,
      root: 'agent-console',
      base: '/console/',
      plugins: [precompress],
      build: { outDir: '../dist/console', emptyOutDir: true, target: 'es2020' },
    };
  }
  const loader = mode === 'loader';
  return {
    ...shared,
    // Vitest loads this config too (mode 'test'): no plugin then, socket.io-client stays whole in tests.
    plugins: loader ? [loaderMinify, precompress] : mode === 'app' ? [websocketOnly, appManifest, precompress] : [],
    // The loader knows the app's hashed name from the build, so it costs no request at run time.
    define: loader ? { ...shared.define, __BULLE_APP_FILE__: JSON.stringify(builtAppFile()) } : shared.define,
    build: {
      outDir: 'dist/widget',
      // Never emptied: the previous app builds stay for pages holding an older loader (appManifest prunes).
      emptyOutDir: false,
      // The loader's syntax is ES2020 (optional chaining); its page calls need structuredClone (2022).
      target: loader ? 'es2020' : 'es2019',
      // The loader is minified by UglifyJS instead (loaderMinify): its budget is counted in bytes.
      minify: !loader,
      lib: {
        entry: loader ? 'widget/loader.ts' : 'widget/app/main.tsx',
        name: loader ? 'BulleLoader' : 'BulleApp',
        formats: ['iife'],
        fileName: () => (loader ? 'widget.js' : 'app.[hash].js'),
      },
    },
  };
});
