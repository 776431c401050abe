// The demo shop at /, the widget loader at /widget.js, the widget app under /widget/,
// the agent console under /console/. Built files come from `npm run build` (dist/), which also
// writes a brotli and a gzip copy of each: they are sent as they are, chosen by Accept-Encoding
// (Content-Encoding and Vary: Accept-Encoding set by @fastify/static's preCompressed), so nothing
// is compressed per request.
//
// Caching, by whether a URL can change what it names:
// - /widget/app.<hash>.js and /console/assets/*: the name changes with the content (Vite's hash),
//   so a browser may keep them a year without asking again (immutable);
// - /widget.js: the URL merchants paste, so it cannot carry a hash; a few minutes, then a
//   revalidation by ETag (a 304 without the body). A new release reaches every page within them;
// - /console/index.html: revalidated every time (no-cache + ETag), so a release shows at once.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

// From the project root: this file (server/plugins/) and the server bundle (dist/server/) are both
// two folders down, so the same relative path serves both.
const DEMO_SHOP = fileURLToPath(new URL('../../server/demo-shop/', import.meta.url));

export const CACHE = {
  immutable: `public, max-age=${365 * 24 * 3600}, immutable`,
  loader: 'public, max-age=300',
  revalidate: 'no-cache',
} as const;

/** A content-hashed app build, or its .br/.gz copy (vite.config.ts names them app.<hash>.js). */
const HASHED_APP = /\/app\.[\w-]+\.js(\.br|\.gz)?$/;

export default fp<{ distDir: string }>(
  async (app, { distDir }) => {
    const widgetDir = join(distDir, 'widget');
    const consoleDir = join(distDir, 'console');
    if (!existsSync(widgetDir) || !existsSync(consoleDir)) {
      app.log.warn(`${distDir} has no built widget/console yet: run \`npm run build\` (npm start does).`);
    }
    await app.register(fastifyStatic, { root: DEMO_SHOP, prefix: '/', index: ['index.html'], decorateReply: false });
    // This registration decorates reply.sendFile, so /widget.js below gets its precompressed copies and headers.
    await app.register(fastifyStatic, {
      root: widgetDir,
      prefix: '/widget/',
      preCompressed: true,
      setHeaders: (reply, path) => reply.header('cache-control', HASHED_APP.test(path) ? CACHE.immutable : CACHE.loader),
    });
    await app.register(fastifyStatic, {
      root: consoleDir,
      prefix: '/console/',
      decorateReply: false,
      index: ['index.html'],
      preCompressed: true,
      setHeaders: (reply, path) => reply.header('cache-control', /[/\\]assets[/\\]/.test(path) ? CACHE.immutable : CACHE.revalidate),
    });
    app.get('/widget.js', (_req, reply) => reply.sendFile('widget.js'));
    app.get('/console', (_req, reply) => reply.redirect('/console/'));
  },
  { name: 'bulle-static' },
);
