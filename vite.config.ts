// One config, three builds chosen by --mode (Vite's library mode takes one IIFE entry per build):
//   loader  → dist/widget/widget.js   tiny framework-free loader, served as /widget.js
//   app     → dist/widget/app.js      the Preact widget, loaded by the loader on first click
//   console → dist/console/           the agent console SPA, served under /console/
/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/** Swap engine.io-client's transport table for a WebSocket-only one (widget/app/ws-transports.ts). */
const websocketOnly: Plugin = {
  name: 'bulle-websocket-only',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './transports/index.js' && importer?.includes('engine.io-client')) {
      return fileURLToPath(new URL('./widget/app/ws-transports.ts', import.meta.url));
    }
    if (source === 'bulle:engine-ws') {
      return fileURLToPath(
        new URL('./node_modules/engine.io-client/build/esm/transports/websocket.js', import.meta.url),
      );
    }
    return null;
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
