// Routing across servers. The router is a pure, in-memory module and must have one owner: the
// server holding the routing lease (lease.ts). Every other server forwards what it learns
// (hand-offs, picks, consoles opening and closing…) to the owner over Socket.IO's server-to-server
// events, which the Redis adapter carries; the owner applies the router's decisions to the shared
// store and to rooms, which reach sockets on every server. When the owner changes, the new one
// rebuilds the router from the store and every server tells it which consoles it holds.
import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import { ERR, type ErrorCode } from '../../protocol/events.js';
import { AppError } from '../services/app-error.js';
import type { RoutingOp, RoutingService } from '../services/routing/routing-service.js';
import type { RedisClient } from '../sockets/redis-adapter.js';
import { Lease } from './lease.js';

const ROUTE = 'bulle:routing';
const NEW_OWNER = 'bulle:routing-owner';
/** While nobody holds the lease (an owner just died), how long a forwarded operation keeps trying. */
const NO_OWNER_RETRY_MS = 15_000;

type Reply = { ok: true; data: unknown } | { ok: false; error: { code: ErrorCode; message: string } } | null;
interface Logger {
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

export async function shareRouting(io: Server, redis: RedisClient, routing: RoutingService, log: Logger): Promise<() => Promise<void>> {
  const nodeId = randomUUID();
  const lease = new Lease(redis, nodeId, (owner) => {
    log.info({ nodeId, owner }, owner ? 'this server now owns routing' : 'this server no longer owns routing');
    void routing.ownerChanged(owner).then(() => {
      if (owner) io.serverSideEmit(NEW_OWNER, nodeId);
    });
  });

  // The owner answers; the others say "not me" (null) so the asker need not wait for them.
  io.on(ROUTE, async (req: { op: RoutingOp; args: unknown[] }, reply: (r: Reply) => void) => {
    if (!lease.isOwner) return reply(null);
    try {
      reply({ ok: true, data: (await routing.serve(req.op, req.args)) ?? null });
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError(ERR.internal, 'Routing failed on another server');
      reply({ ok: false, error: { code: e.code as ErrorCode, message: e.message } });
    }
  });
  io.on(NEW_OWNER, () => void routing.announceTabs());

  let closing = false;
  const ask = (op: RoutingOp, args: unknown[]) =>
    new Promise<Reply>((resolve) => {
      try {
        // The adapter waits for every server it knows (5 s at most: a dead one is dropped soon after).
        io.serverSideEmit(ROUTE, { op, args }, (_err: Error | null, replies: Reply[] = []) => {
          // A timeout still hands over the replies that came: the owner's is enough.
          resolve(replies.find((r) => r !== null) ?? null);
        });
      } catch {
        resolve(null); // Redis gone (closing): nobody to ask
      }
    });

  routing.useRemote({
    get isOwner() {
      return lease.isOwner;
    },
    async forward(op, args) {
      const until = Date.now() + NO_OWNER_RETRY_MS;
      for (;;) {
        if (lease.isOwner) return routing.serve(op, args);
        // Closing: what this server knew dies with its sockets; the owner's grace period covers it.
        if (closing) throw new AppError(ERR.internal, 'This server is shutting down');
        const reply = await ask(op, args);
        if (reply?.ok) return reply.data ?? undefined;
        if (reply) throw new AppError(reply.error.code, reply.error.message);
        if (Date.now() > until) throw new AppError(ERR.internal, 'Routing is changing hands; try again in a moment');
        await new Promise((r) => setTimeout(r, 500));
      }
    },
  });
  await lease.start();
  return () => {
    closing = true;
    return lease.stop();
  };
}
