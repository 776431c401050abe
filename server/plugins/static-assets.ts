// The demo shop at /, the widget loader at /widget.js, the widget app under /widget/,
// the agent console under /console/. Built files come from `npm run build` (dist/).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

// From the project root: this file (server/plugins/) and the server bundle (dist/server/) are both
// two folders down, so the same relative path serves both.
const DEMO_SHOP = fileURLToPath(new URL('../../server/demo-shop/', import.meta.url));

export default fp<{ distDir: string }>(
  async (app, { distDir }) => {
    const widgetDir = join(distDir, 'widget');
    const consoleDir = join(distDir, 'console');
    if (!existsSync(widgetDir) || !existsSync(consoleDir)) {
      app.log.warn(`${distDir} has no built widget/console yet: run \`npm run build\` (npm start does).`);
    }
    await app.register(fastifyStatic, { root: DEMO_SHOP, prefix: '/', index: ['index.html'] });
    await app.register(fastifyStatic, {
      root: widgetDir,
      prefix: '/widget/',
      decorateReply: false,
      // Not content-hashed yet: a short cache keeps merchants' pages fast and updates quick.
      maxAge: '5m',
    });
    await app.register(fastifyStatic, { root: consoleDir, prefix: '/console/', decorateReply: false, index: ['index.html'] });
    app.get('/widget.js', (_req, reply) => reply.header('cache-control', 'public, max-age=300').sendFile('widget.js', widgetDir));
    app.get('/console', (_req, reply) => reply.redirect('/console/'));
  },
  { name: 'bulle-static' },
);
