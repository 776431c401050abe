// Which ChatStore a server runs on: PostgreSQL when a database URL is configured (several nodes
// can share it), else the embedded store in the data folder (one process, nothing to install).
// The PostgreSQL store (and its driver) is loaded only when it is the one used.
import type { Config } from '../config.js';
import type { ChatStore } from './chat-store.js';
import { LowdbChatStore } from './lowdb-chat-store.js';

type Log = ConstructorParameters<typeof LowdbChatStore>[0]['log'];

export async function createStore(config: Config, log: Log): Promise<ChatStore> {
  if (config.databaseUrl) {
    const { PgChatStore } = await import('./postgres/pg-chat-store.js');
    return new PgChatStore({ connectionString: config.databaseUrl, log });
  }
  return new LowdbChatStore({ dir: config.dataDir, flushIntervalMs: config.flushIntervalMs, fsync: config.fsync, maxMessagesInMemory: config.maxMessagesInMemory, log });
}
