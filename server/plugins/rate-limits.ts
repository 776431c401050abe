// HTTP limits: @fastify/rate-limit on every route, per client address
// (loopback exempt, as for sockets: see sockets/client-address.ts), answering 429 RATE_LIMITED
// with the x-ratelimit-* and retry-after headers; and the login throttle the log-in route uses.
// With Redis, both are counted there, across every server (server/cluster/).
// Register before the routes: the limiter attaches to routes as they are added.
import fp from 'fastify-plugin';
import fastifyRateLimit from '@fastify/rate-limit';
import { ERR } from '../../protocol/events.js';
import { AppError } from '../services/app-error.js';
import { LoginThrottle, type LoginAttempt } from '../services/agent/login-throttle.js';
import { SharedLoginThrottle } from '../cluster/shared-login-throttle.js';
import { sharedHttpStore } from '../cluster/shared-http-store.js';
import type { RedisClient } from '../sockets/redis-adapter.js';
import { isExemptPeer } from '../sockets/client-address.js';

/** Start a log-in attempt, or learn how long to wait: in this process, or shared by every server. */
export interface LoginGate {
  begin(ip: string | undefined, email: string): { attempt: LoginAttempt } | { waitMs: number } | Promise<{ attempt: LoginAttempt } | { waitMs: number }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    loginThrottle: LoginGate;
  }
}

export default fp<{ redis?: RedisClient }>(
  async (app, opts) => {
    const { config } = app;
    const windowMs = config.loginWindowMinutes * 60_000;
    const gate: LoginGate = opts.redis ? new SharedLoginThrottle(opts.redis, config.loginMaxFailures, windowMs) : new LoginThrottle(config.loginMaxFailures, windowMs);
    app.decorate('loginThrottle', gate);
    if (config.httpRequestsPerMinute === 0) return;
    await app.register(fastifyRateLimit, {
      global: true,
      max: config.httpRequestsPerMinute,
      timeWindow: 60_000,
      allowList: (req) => isExemptPeer(req.socket.remoteAddress, req.ip),
      ...(opts.redis ? { store: sharedHttpStore(opts.redis, app.log) } : {}),
      // Thrown, then shaped by the app's error handler like every other error.
      errorResponseBuilder: (_req, ctx) => new AppError(ERR.rateLimited, `Too many requests; retry in ${ctx.after}`),
    });
  },
  { name: 'bulle-rate-limits', dependencies: ['bulle-storage'] },
);
