// The store (opened by buildServer, outside Fastify's plugin timeout: app.ts), the site registry
// and agent auth; the store is flushed on close (SIGTERM → app.close() → here), so a clean stop
// loses nothing.
import fp from 'fastify-plugin';
import type { ChatStore } from '../storage/chat-store.js';
import { SiteRegistry } from '../services/sites/site-registry.js';
import { AgentAuth } from '../services/agent/agent-auth.js';
import { seedDemo } from '../seed/demo-seed.js';
import { LowdbChatStore } from '../storage/lowdb-chat-store.js';
import { SCHEMA_VERSION } from '../storage/schema-version.js';
import { demoAgentsIn, demoAgentsRefusal } from '../seed/demo-accounts.js';
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
    if (store instanceof LowdbChatStore && store.upgradedFrom !== null) {
      app.log.warn({ from: store.upgradedFrom, to: SCHEMA_VERSION }, `storage: upgraded the store from schema ${store.upgradedFrom} to ${SCHEMA_VERSION}`);
    }
    if (config.seedDemo && (await seedDemo(store))) app.log.info('created the demo site, FAQ and agents');
    if (!config.seedDemo && !config.allowDemoAgents) {
      const demo = await demoAgentsIn(store);
      if (demo.length) {
        // Nothing else will close them: the server is not built.
        await store.close();
        await bots.close();
        throw new Error(demoAgentsRefusal(demo, config.dataDir));
      }
    }
    const sites = new SiteRegistry(store, bots, config.dataDir);
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
