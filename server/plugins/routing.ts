// Routing: the pure router, configured from the server config, wrapped by the
// RoutingService that applies its decisions. The realtime plugin attaches the sockets; once
// every plugin is loaded the router is rebuilt from the store and ticks every second.
import fp from 'fastify-plugin';
import { createRouter } from '../routing/index.js';
import { RoutingService } from '../services/routing/routing-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Not `routing`: Fastify's own instance has a `routing` function. */
    chatRouting: RoutingService;
  }
}

export default fp(
  async (app) => {
    const router = createRouter({
      config: {
        graceMs: app.config.routingGraceMs,
        anyAgentAfterMs: app.config.anyAgentAfterMs,
        fallbackChatsPerAgent: app.config.anyAgentMaxChats,
        fallbackAfterLoginMs: app.config.anyAgentAfterLoginMs,
        defaultCapacity: app.config.agentMaxChats,
        skillWaitMs: app.config.skillWaitMs,
      },
    });
    const routing = new RoutingService({ router, store: app.store, sites: app.sites, log: app.log });
    app.decorate('chatRouting', routing);
    app.addHook('onReady', async () => routing.start());
    app.addHook('onClose', async () => routing.stop());
  },
  { name: 'bulle-routing', dependencies: ['bulle-storage'] },
);
