// buildServer(config, deps) → a Fastify instance with Socket.IO attached. It never listens:
// main.ts does, and tests call listen({ port: 0 }) (Fastify's testing guide).
import Fastify, { type FastifyInstance, type FastifyError } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import type { ServerOptions } from 'socket.io';
import { ERR } from '../protocol/events.js';
import type { Config } from './config.js';
import type { ChatStore } from './storage/chat-store.js';
import { createStore } from './storage/create-store.js';
import { AppError } from './services/app-error.js';
import { trustFunction } from './sockets/client-address.js';
import { createInlineBots, createThreadBots, type Bots } from './bot/bots.js';
import storage from './plugins/storage.js';
import audit from './plugins/audit.js';
import realtime from './plugins/realtime.js';
import { connectRedisAdapter } from './sockets/redis-adapter.js';
import { shareRouting } from './cluster/routing-owner.js';
import routing from './plugins/routing.js';
import origins from './plugins/origins.js';
import securityHeaders from './plugins/security-headers.js';
import rateLimits from './plugins/rate-limits.js';
import staticAssets from './plugins/static-assets.js';
import health from './routes/health.js';
import agentAuthRoutes from './routes/agent-auth.js';
import widgetConfig from './routes/widget-config.js';
import adminStatsRoutes from './routes/admin-stats.js';
import identityRoutes from './routes/identity-admin.js';
import demoRoutes from './routes/demo.js';
import siteIntegrationRoutes from './routes/site-integration.js';
import orderWebhookRoutes from './routes/order-webhook-admin.js';
import orderEventRoutes from './routes/order-events.js';
import followUpProbe from './routes/follow-up-probe.js';
import setupRoutes from './routes/setup.js';
import adminSites from './routes/admin-sites.js';
import backupRoutes from './routes/backup.js';
import faqEditorRoutes from './routes/faq-editor.js';
import adminAuditRoutes from './routes/admin-audit.js';
import adminAgentsRoutes from './routes/admin-agents.js';
import agentPasswordRoutes from './routes/agent-password.js';

export interface ServerDeps {
  store?: ChatStore;
  /** The FAQ bot and language detector (default: on their own thread, or inline with botThread false). */
  bots?: Bots;
  /** A Socket.IO adapter for scale-out (default: in-memory, one process). */
  adapter?: ServerOptions['adapter'];
  /** Where the log goes (default: standard output); tests read the setup link from it. */
  logStream?: { write(line: string): void };
}

export async function buildServer(config: Config, deps: ServerDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, ...(deps.logStream ? { stream: deps.logStream } : {}) },
    bodyLimit: 64 * 1024,
    // Socket.IO keeps WebSockets open; close() must not wait for them (they are closed in preClose).
    forceCloseConnections: true,
    // Behind reverse proxies, req.ip is the first hop from the right that is not ours (per-address
    // limits need it); the same rule as the sockets' (client-address.ts).
    trustProxy: trustFunction(config.trustProxy),
    // The storage plugin has the bot thread index every FAQ: on a busy machine that takes longer
    // than any fixed cap, and giving up would stop a server that would have started (the store is
    // opened before any plugin, below). The bot's loads carry their own cap (server/bot/bots.ts).
    pluginTimeout: 0,
  });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message } });
    if (err.validation || (err.statusCode && err.statusCode < 500)) {
      const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 400;
      return reply.status(status).send({ error: { code: ERR.badPayload, message: err.message } });
    }
    req.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: { code: ERR.internal, message: 'Something went wrong on our side' } });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send({ error: { code: ERR.notFound, message: `No route ${req.method} ${req.url.split('?')[0]}` } }),
  );

  const store = deps.store ?? (await createStore(config, app.log));
  // Opened here, before any plugin: opening reads the whole data folder and takes as long as the
  // data is big (a large log once made the server unstartable under Fastify's plugin timeout).
  // Nothing waits on it but the start itself; the storage plugin closes it.
  await store.open();
  await app.register(fastifyCookie);
  const bots = deps.bots ?? (config.botThread ? createThreadBots : createInlineBots)({ cacheSize: config.botCacheSize, timeoutMs: config.botTimeoutMs });
  await app.register(storage, { config, store, bots });
  await app.register(audit);
  // Before every route: headers and limits attach to routes as they are added.
  await app.register(securityHeaders, { hsts: config.secureCookies });
  // Several servers share Redis: rooms, the routing owner, the log-in throttle and the limits.
  const redis = !deps.adapter && config.redisUrl ? await connectRedisAdapter(config.redisUrl, app.log) : undefined;
  await app.register(rateLimits, { redis: redis?.client });
  await app.register(origins);
  // Before realtime, which hands it the sockets.
  await app.register(routing);
  await app.register(realtime, { adapter: deps.adapter ?? redis?.adapter, redis: redis?.client });
  if (redis) {
    // Several servers: one routing owner at a time (server/cluster/). The lease goes back first,
    // so another server takes over at once; Redis closes after the sockets.
    const stopSharing = await shareRouting(app.io, redis.client, app.chatRouting, app.log);
    app.addHook('preClose', stopSharing);
    app.addHook('onClose', () => redis.close());
  }
  await app.register(staticAssets, { distDir: config.distDir });
  await app.register(health);
  await app.register(agentAuthRoutes);
  await app.register(widgetConfig);
  await app.register(adminStatsRoutes);
  await app.register(identityRoutes);
  await app.register(orderWebhookRoutes);
  await app.register(siteIntegrationRoutes);
  await app.register(orderEventRoutes);
  await app.register(followUpProbe);
  if (config.seedDemo) await app.register(demoRoutes);
  await app.register(setupRoutes);
  await app.register(adminSites);
  await app.register(backupRoutes);
  await app.register(faqEditorRoutes);
  await app.register(adminAuditRoutes);
  await app.register(adminAgentsRoutes);
  await app.register(agentPasswordRoutes);
  return app;
}
