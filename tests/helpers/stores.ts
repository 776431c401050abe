// Every ChatStore implementation, for a contract suite: lowdb in memory and on disk, and
// PostgreSQL wherever it is installed (CI installs it). Call `closeStores` after each test and
// `stopPostgres` after all.
import type { ChatStore } from '../../server/storage/chat-store.js';
import { LowdbChatStore } from '../../server/storage/lowdb-chat-store.js';
import { PgChatStore } from '../../server/storage/postgres/pg-chat-store.js';
import { postgresAvailable, startPostgres, type TestPostgres } from './postgres.js';
import { tempDir } from './temp-dir.js';

const cleanups: Array<() => Promise<void>> = [];
let postgres: Promise<TestPostgres> | undefined;

export async function closeStores(): Promise<void> {
  for (const c of cleanups.splice(0)) await c();
}
export async function stopPostgres(): Promise<void> {
  if (postgres) await (await postgres).stop();
  postgres = undefined;
}

export function storeImplementations(): Array<[string, () => Promise<ChatStore>]> {
  const list: Array<[string, () => Promise<ChatStore>]> = [
    ['lowdb in memory', async () => new LowdbChatStore({ dir: null })],
    [
      'lowdb on disk',
      async () => {
        const t = await tempDir();
        cleanups.push(t.remove);
        const store = new LowdbChatStore({ dir: t.dir, flushIntervalMs: 5 });
        cleanups.unshift(() => store.close()); // before the folder goes
        return store;
      },
    ],
  ];
  if (postgresAvailable()) {
    list.push([
      'postgres',
      async () => {
        postgres ??= startPostgres();
        const store = new PgChatStore({ connectionString: await (await postgres).newDatabase() });
        cleanups.unshift(() => store.close());
        return store;
      },
    ]);
  }
  return list;
}
