// Socket.IO across servers: with REDIS_URL, rooms and broadcasts go through Redis Streams
// (Socket.IO's own adapter for it), so a message stored on one server reaches the agents and
// visitors connected to any other, and a reconnecting client may land on any of them. The Redis
// libraries are loaded here only: a server without REDIS_URL never loads them.
import type { RedisClientType } from 'redis';
import type { ServerOptions } from 'socket.io';

/** What `createClient({ url })` returns (its type parameters at their defaults). */
export type RedisClient = RedisClientType;

export interface RedisAdapter {
  adapter: ServerOptions['adapter'];
  /** The connection the adapter publishes on, shared with what else needs Redis (the routing lease). */
  client: RedisClient;
  close(): Promise<void>;
}

export async function connectRedisAdapter(url: string, log: { warn(obj: object, msg?: string): void }): Promise<RedisAdapter> {
  const [{ createClient }, { createAdapter }] = await Promise.all([import('redis'), import('@socket.io/redis-streams-adapter')]);
  const client: RedisClient = createClient({ url });
  client.on('error', (err) => log.warn({ err }, 'redis connection error'));
  await client.connect();
  return {
    // Our payloads are JSON: skip the adapter's binary checks.
    adapter: createAdapter(client, { onlyPlaintext: true }) as ServerOptions['adapter'],
    client,
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
