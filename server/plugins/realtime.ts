// Socket.IO on Fastify's HTTP server: the two namespaces, the notifier and the services.
// The adapter comes from deps, so scale-out (Redis, Postgres, cluster) is a constructor argument.
import fp from 'fastify-plugin';
import { Server, type ServerOptions } from 'socket.io';
import { NS } from '../../protocol/events.js';
import { MAX_MESSAGE_CHARS } from '../../protocol/schemas.js';
import { createSocketNotifier } from '../sockets/socket-notifier.js';
import { setupVisitorNamespace } from '../sockets/visitor-namespace.js';
import { guardOutput } from '../sockets/output-guard.js';
import { setupAgentNamespace } from '../sockets/agent-namespace.js';
import { createSocketGuard } from '../sockets/handshake-guard.js';
import type { RedisClient } from '../sockets/redis-adapter.js';
import { shareSocketLimits } from '../cluster/shared-socket-limits.js';
import type { AgentNamespace, VisitorNamespace } from '../sockets/namespaces.js';
import { Conversations } from '../services/conversations/conversations.js';
import { VisitorService } from '../services/visitor/visitor-service.js';
import { VisitorDetails } from '../services/visitor/visitor-details.js';
import { BotFeedback } from '../services/faq/bot-feedback.js';
import { AgentService } from '../services/agent/agent-service.js';
import { createConsoleServices } from '../services/agent/console-services.js';
import { SkillsService } from '../services/routing/skills-service.js';
import { FaqAdditions } from '../services/faq/faq-additions.js';
import { ChatEnding } from '../services/conversations/chat-ending.js';
import { ChatMail } from '../services/mail/chat-mail.js';
import { createSmtpMailer } from '../services/mail/mailer.js';
import { rooms } from '../sockets/rooms.js';
import { IdentityService } from '../services/identity/identity-service.js';
import { FollowUpService } from '../services/follow-ups/follow-up-service.js';
import { OrderFlow } from '../services/orders/order-flow.js';
import { createOrderWebhookClient } from '../services/orders/order-webhook-client.js';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
  }
}

export interface RealtimeOptions {
  adapter?: ServerOptions['adapter'];
  /** Several servers: the per-address and per-visitor socket limits are counted there. */
  redis?: RedisClient;
}

export default fp<RealtimeOptions>(
  async (app, opts) => {
    // Origin and connections per address, checked before any namespace.
    const shared = opts.redis ? await shareSocketLimits(opts.redis, app.config, app.log) : undefined;
    const guard = createSocketGuard({ config: app.config, origins: app.origins, log: app.log, limits: shared?.limits });
    const io = new Server(app.server, {
      allowRequest: guard.allowRequest,
      // A message is at most 5,000 characters; 64 KB leaves room for the envelope, not for abuse.
      maxHttpBufferSize: 64 * 1024 + MAX_MESSAGE_CHARS * 4,
      serveClient: false,
      // Off (the default, said out loud): each WebSocket would hold zlib contexts of its own, and
      // our messages are a few hundred bytes (ws's README warns of the memory it costs).
      perMessageDeflate: false,
      ...(opts.adapter ? { adapter: opts.adapter } : {}),
    });
    guard.attach(io);
    const stopOutputGuard = guardOutput(io, app.log);
    const notifier = createSocketNotifier(io, { singleServer: !opts.adapter });
    const conversations = new Conversations(app.store, notifier);
    // Routing applies its decisions through these from now on (plugins/routing.ts).
    app.chatRouting.attach({ notifier, conversations });
    const log = app.log;
    const details = new VisitorDetails(app.store, conversations);
    const mailer = app.config.smtpUrl && app.config.mailFrom ? await createSmtpMailer(app.config.smtpUrl, app.config.mailFrom) : null;
    const mail = new ChatMail({
      store: app.store,
      sites: app.sites,
      mailer,
      visitorOnline: async (visitorId) => (await io.of(NS.visitor).in(rooms.visitor(visitorId)).fetchSockets()).length > 0,
      onError: (err) => log.error({ err }, 'e-mail not sent'),
    });
    // Never awaited by the reply: an SMTP server that is slow or down does not hold up the chat.
    conversations.watchAppends((conv, message) => void mail.afterMessage(conv, message).catch((err) => log.error({ err }, 'e-mail not sent')));
    const visitors = new VisitorService({
      store: app.store,
      sites: app.sites,
      conversations,
      bots: app.bots,
      routing: app.chatRouting,
      details,
      orders: new OrderFlow(app.store, conversations, createOrderWebhookClient(app), (siteId, why) => log.warn({ siteId, why }, 'order-status webhook failed')),
      onError: (err) => log.error({ err }, 'visitor message processing failed'),
      mailEnabled: mail.enabled,
    });
    const faq = new FaqAdditions(app.store, app.bots, app.audit);
    const feedback = new BotFeedback(app.store, conversations, app.sites, faq);
    const followUps = new FollowUpService(app.store);
    const identity = new IdentityService(app.store, conversations, app.sites, followUps);
    // One Server holds both namespaces, so its own generics cannot type them: each is typed here.
    setupVisitorNamespace(io.of(NS.visitor) as VisitorNamespace, { visitors, details, feedback, ending: new ChatEnding(app.store, conversations), mail, sites: app.sites, log, guard: guard.visitor, identity, followUps });
    setupAgentNamespace(io.of(NS.agent) as AgentNamespace, {
      agents: new AgentService(app.store, conversations, notifier, app.chatRouting),
      routing: app.chatRouting,
      workspace: createConsoleServices(app.store, conversations, faq, app.audit),
      skills: new SkillsService(app.store, conversations, app.chatRouting, app.config.skillWaitMs, app.audit),
      auth: app.agentAuth,
      audit: app.audit,
      parseCookie: (h) => app.parseCookie(h),
      log,
    });
    app.decorate('io', io);
    // Sockets first (every namespace: `io.local` alone is only "/"), or the HTTP server
    // would wait for them forever.
    app.addHook('preClose', async () => {
      for (const nsp of io._nsps.values()) nsp.local.disconnectSockets(true);
      // Before Redis closes: this server's connection counts stop counting everywhere at once.
      await shared?.stop();
    });
    app.addHook('onClose', async () => {
      stopOutputGuard();
      mailer?.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    });
  },
  { name: 'bulle-realtime', dependencies: ['bulle-storage', 'bulle-audit', 'bulle-routing', 'bulle-origins', '@fastify/cookie'] },
);
