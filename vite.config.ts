// One config, four builds chosen by --mode (Vite's library mode takes one IIFE entry per build):
//   loader  → dist/widget/widget.js   tiny framework-free loader, served as /widget.js
//   app     → dist/widget/app.js      the Preact widget, loaded by the loader on first click
//   console → dist/console/           the agent console SPA, served under /console/
//   server  → dist/server/main.js     the server as ES modules for plain `node` (npm start): no tsx
//                                     (~70 MB less RSS idle); packages stay in node_modules.
//                                     A worker thread's entry is built beside it (bot-thread.js).
/// <reference types="vitest/config" />
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/** The server bundle's entry points: main, and each file a worker thread starts (server/bot/bots.ts). */
const SERVER_ENTRIES = Object.fromEntries(
  Object.entries({ main: 'server/main.ts', 'bot-thread': 'server/bot/bot-thread.ts' }).filter(([, file]) => existsSync(here(`./${file}`))),
);

const shared: UserConfig = {
  logLevel: 'warn',
  test: {
    include: ['tests/**/*.test.ts'],
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
