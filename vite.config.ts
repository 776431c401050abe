// One config, three builds chosen by --mode (Vite's library mode takes one IIFE entry per build):
//   loader  → dist/widget/widget.js   tiny framework-free loader, served as /widget.js
//   app     → dist/widget/app.js      the Preact widget, loaded by the loader on first click
//   console → dist/console/           the agent console SPA, served under /console/
/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const ENGINE = here('./node_modules/engine.io-client/build/esm/');

/**
 * What socket.io-client takes from engine.io-client, instead of the package index: the index
 * re-exports the polling transports, whose module-level code (an XHR probe, unload listeners)
 * keeps them in the bundle although the widget never polls. The transport classes socket.io-client
 * re-exports are unused by the widget.
 */
const ENGINE_ENTRY = `
export { Socket } from ${JSON.stringify(ENGINE + 'socket.js')};
export { installTimerFunctions } from ${JSON.stringify(ENGINE + 'util.js')};
export { nextTick } from ${JSON.stringify(ENGINE + 'globals.js')};
export { parse } from ${JSON.stringify(here('./widget/app/parse-url.ts'))};
export { WS as WebSocket, WS as NodeWebSocket } from ${JSON.stringify(ENGINE + 'transports/websocket.js')};
export const Fetch = undefined, XHR = undefined, NodeXHR = undefined, WebTransport = undefined;
`;

/**
 * Trim socket.io-client to what the widget speaks (its 20 KB budget includes it):
 * - WebSocket only: engine.io-client's transport table → widget/app/ws-transports.ts;
 * - JSON only: the binary helpers of socket.io-parser and engine.io-parser → widget/app/no-binary.ts;
 * - `URL` instead of engine.io-client's regular-expression URI parser → widget/app/parse-url.ts.
 */
const REPLACEMENTS: { pkg: string; source: string; file: string }[] = [
  { pkg: 'engine.io-client', source: './transports/index.js', file: './widget/app/ws-transports.ts' },
  { pkg: 'engine.io-client', source: './contrib/parseuri.js', file: './widget/app/parse-url.ts' },
  { pkg: 'socket.io-parser', source: './binary.js', file: './widget/app/no-binary.ts' },
  { pkg: 'socket.io-parser', source: './is-binary.js', file: './widget/app/no-binary.ts' },
  { pkg: 'engine.io-parser', source: './contrib/base64-arraybuffer.js', file: './widget/app/no-binary.ts' },
];

const websocketOnly: Plugin = {
  name: 'bulle-websocket-only',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === 'engine.io-client' && importer?.includes('socket.io-client')) return '\0bulle:engine-entry';
    if (source === 'bulle:engine-ws') return ENGINE + 'transports/websocket.js';
    const hit = REPLACEMENTS.find((r) => r.source === source && importer?.includes(`/node_modules/${r.pkg}/`));
    return hit ? here(hit.file) : null;
  },
  load(id) {
    return id === '\0bulle:engine-entry' ? ENGINE_ENTRY : null;
  },
};

const shared: UserConfig = {
  logLevel: 'warn',
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Integration tests start real servers; two workers suit this 2-core machine.
    maxWorkers: 2,
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { 'process.env.NODE_ENV': '"production"' },
};

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'console') {
    return {
      ...shared,
      root: 'agent-console',
      base: '/console/',
      build: { outDir: '../dist/console', emptyOutDir: true, target: 'es2020' },
    };
  }
  const entry = mode === 'loader' ? 'widget/loader.ts' : 'widget/app/main.tsx';
  return {
    ...shared,
    plugins: mode === 'app' ? [websocketOnly] : [],
    build: {
      outDir: 'dist/widget',
      emptyOutDir: mode === 'loader',
      target: 'es2019',
      minify: true,
      lib: {
        entry,
        name: mode === 'loader' ? 'BulleLoader' : 'BulleApp',
        formats: ['iife'],
        fileName: () => (mode === 'loader' ? 'widget.js' : 'app.js'),
      },
    },
  };
});
