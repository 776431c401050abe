// Socket.IO on Fastify's HTTP server: the two namespaces, the notifier and the services.
// The adapter comes from deps, so scale-out (Redis, Postgres, cluster) is a constructor argument.
import fp from 'fastify-plugin';
import { Server, type ServerOptions } from 'socket.io';
import { NS } from '../protocol/events.js';
import { MAX_MESSAGE_CHARS } from '../protocol/schemas.js';
import { createSocketNotifier } from '../sockets/socket-notifier.js';
import { setupVisitorNamespace } from '../sockets/visitor-namespace.js';
import { setupAgentNamespace } from '../sockets/agent-namespace.js';
import { Conversations } from '../services/conversations.js';
import { VisitorService } from '../services/visitor-service.js';
import { AgentService } from '../services/agent-service.js';
import type { LanguageDetector } from '../../faq/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
  }
}

export interface RealtimeOptions {
  detector: LanguageDetector;
  adapter?: ServerOptions['adapter'];
}

export default fp<RealtimeOptions>(
  async (app, opts) => {
    const io = new Server(app.server, {
      // A message is at most 5,000 characters; 64 KB leaves room for the envelope, not for abuse.
      maxHttpBufferSize: 64 * 1024 + MAX_MESSAGE_CHARS * 4,
      serveClient: false,
      ...(opts.adapter ? { adapter: opts.adapter } : {}),
    });
    const notifier = createSocketNotifier(io);
    const conversations = new Conversations(app.store, notifier);
    const log = app.log;
    const visitors = new VisitorService({
      sites: app.sites,
      conversations,
      detector: opts.detector,
      onError: (err) => log.error({ err }, 'visitor message processing failed'),
    });
    setupVisitorNamespace(io.of(NS.visitor), { visitors, sites: app.sites, notifier, log });
    setupAgentNamespace(io.of(NS.agent), {
      agents: new AgentService(conversations, notifier),
      auth: app.agentAuth,
      notifier,
      parseCookie: (h) => app.parseCookie(h),
      log,
    });
    app.decorate('io', io);
    // Sockets first (every namespace: `io.local` alone is only "/"), or the HTTP server
    // would wait for them forever.
    app.addHook('preClose', async () => {
      for (const nsp of io._nsps.values()) nsp.local.disconnectSockets(true);
    });
    app.addHook('onClose', async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
    });
  },
  { name: 'bulle-realtime', dependencies: ['bulle-storage', '@fastify/cookie'] },
);
