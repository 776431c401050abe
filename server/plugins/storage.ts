// The store (opened by buildServer, outside Fastify's plugin timeout: app.ts), the site registry
// and agent auth; the store is flushed on close (SIGTERM → app.close() → here), so a clean stop
// loses nothing.
import fp from 'fastify-plugin';
import type { ChatStore } from '../storage/chat-store.js';
import { SiteRegistry } from '../services/sites/site-registry.js';
import { AgentAuth } from '../services/agent/agent-auth.js';
import { seedDemo } from '../seed/demo-seed.js';
import type { Config } from '../config.js';
import type { Bots } from '../bot/bots.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    store: ChatStore;
    sites: SiteRegistry;
    bots: Bots;
    agentAuth: AgentAuth;
  }
}

export default fp<{ config: Config; store: ChatStore; bots: Bots }>(
  async (app, { config, store, bots }) => {
    if (config.seedDemo && (await seedDemo(store))) app.log.info('created the demo site, FAQ and agents');
    const sites = new SiteRegistry(store, bots);
    await sites.load();
    app.decorate('config', config);
    app.decorate('store', store);
    app.decorate('sites', sites);
    app.decorate('bots', bots);
    app.decorate('agentAuth', new AgentAuth(store, config.sessionTtlHours * 3600_000));
    app.addHook('onClose', async () => {
      await store.close();
      await bots.close();
    });
  },
  { name: 'bulle-storage' },
);
