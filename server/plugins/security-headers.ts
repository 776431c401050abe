// Security headers through @fastify/helmet, chosen by path:
// - /console: a strict CSP — scripts, styles, sockets only from this server, no inline code,
//   no framing (Vite builds the console to external files, so it needs nothing looser);
// - /widget.js, /widget/*: no CSP (a script's own response CSP does nothing, and merchants'
//   pages keep their own) and Cross-Origin-Resource-Policy cross-origin, or merchants' pages
//   on other origins could not load the widget at all;
// - everything else (the demo shop, the API): scripts only from here; styles may be inline,
//   because the widget draws itself with <style> in its shadow root and the shop uses style
//   attributes. A merchant with a strict CSP must allow the same (README).
import fp from 'fastify-plugin';
import type { FastifyReply } from 'fastify';
import fastifyHelmet from '@fastify/helmet';

type Policy = NonNullable<Parameters<FastifyReply['helmet']>[0]>;

const common = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // 'self' covers ws:/wss: to this host in current browsers (CSP level 3).
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
};

export const POLICIES = {
  console: {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...common, 'style-src': ["'self'"], 'base-uri': ["'none'"], 'frame-ancestors': ["'none'"] },
    },
    frameguard: { action: 'deny' },
  },
  shop: {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...common, 'style-src': ["'self'", "'unsafe-inline'"], 'base-uri': ["'self'"], 'frame-ancestors': ["'self'"] },
    },
  },
  widget: {
    contentSecurityPolicy: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginOpenerPolicy: false,
    frameguard: false,
  },
} satisfies Record<string, Policy>;

export function policyFor(url: string): keyof typeof POLICIES {
  const path = url.split('?')[0]!;
  if (path === '/console' || path.startsWith('/console/')) return 'console';
  if (path === '/widget.js' || path.startsWith('/widget/')) return 'widget';
  return 'shop';
}

export default fp<{ hsts: boolean }>(
  async (app, opts) => {
    // HSTS only when served over HTTPS (BULLE_SECURE_COOKIES says so); browsers ignore it on http anyway.
    await app.register(fastifyHelmet, { global: false, hsts: opts.hsts ? { maxAge: 180 * 24 * 3600 } : false });
    app.addHook('onRequest', async (req, reply) => {
      reply.helmet(POLICIES[policyFor(req.url)]);
    });
  },
  { name: 'bulle-security-headers' },
);
