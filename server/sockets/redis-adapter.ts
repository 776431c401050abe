// Socket.IO across servers: with REDIS_URL, rooms and broadcasts go through Redis Streams
// (Socket.IO's own adapter for it), so a message stored on one server reaches the agents and
// visitors connected to any other, and a reconnecting client may land on any of them.
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';

export interface RedisAdapter {
  adapter: ServerOptions['adapter'];
  close(): Promise<void>;
}

export async function connectRedisAdapter(url: string, log: { warn(obj: object, msg?: string): void }): Promise<RedisAdapter> {
  const client = createClient({ url });
  client.on('error', (err) => log.warn({ err }, 'redis connection error'));
  await client.connect();
  return {
    // Our payloads are JSON: skip the adapter's binary checks.
    adapter: createAdapter(client, { onlyPlaintext: true }) as ServerOptions['adapter'],
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
