// Which ChatStore a server runs on: PostgreSQL when a database URL is configured (several nodes
// can share it), else the embedded store in the data folder (one process, nothing to install).
import type { Config } from '../config.js';
import type { ChatStore } from './chat-store.js';
import { LowdbChatStore } from './lowdb-chat-store.js';
import { PgChatStore } from './postgres/pg-chat-store.js';

type Log = ConstructorParameters<typeof LowdbChatStore>[0]['log'];

export function createStore(config: Config, log: Log): ChatStore {
  if (config.databaseUrl) return new PgChatStore({ connectionString: config.databaseUrl, log });
  return new LowdbChatStore({ dir: config.dataDir, flushIntervalMs: config.flushIntervalMs, fsync: config.fsync, maxMessagesInMemory: config.maxMessagesInMemory, log });
}
