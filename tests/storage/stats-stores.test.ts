// The numbers from each ChatStore (the embedded one, and PostgreSQL where it is installed) over
// the same known conversations (tests/integration/stats-fixture.ts): the same figures, and the
// ones computed by hand.
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatStore } from '../../server/storage/chat-store.js';
import { LowdbChatStore } from '../../server/storage/lowdb-chat-store.js';
import { PgChatStore } from '../../server/storage/postgres/pg-chat-store.js';
import type { StatsFilter } from '../../server/storage/records.js';
import { postgresAvailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { M, writeFixture } from '../integration/stats-fixture.js';

let postgres: TestPostgres | undefined;
const stores: ChatStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  await postgres?.stop();
});

async function seeded(store: ChatStore): Promise<ChatStore> {
  stores.push(store);
  await store.open();
  for (const name of ['camille', 'sam', 'lucia', 'jonas']) {
    await store.putAgent({ id: `a-${name}`, siteId: 'demo', name, email: `${name}@demo.bulle.chat`, languages: ['fr'], role: 'agent', passwordHash: 'x', createdAt: 0 });
  }
  await writeFixture(store);
  return store;
}

const filters: StatsFilter[] = [
  { siteId: 'demo', from: '2026-11-02', to: '2026-11-04' },
  { siteId: 'demo', from: '2026-11-02', to: '2026-11-04', lang: 'fr' },
  { siteId: 'demo', from: '2026-11-02', to: '2026-11-04', tag: 'delivery' },
  { siteId: 'demo', from: '2026-11-02', to: '2026-11-04', agentId: 'a-sam' },
  { siteId: 'demo', from: '2026-11-01', to: '2026-11-10' },
];

describe('the numbers on every store', () => {
  it('the embedded store gives the hand-computed figures', async () => {
    const store = await seeded(new LowdbChatStore({ dir: null }));
    const s = await store.conversationStats(filters[0]!);
    expect(s).toMatchObject({ conversations: 7, deflected: 2, handoffs: 4, closedByAgent: 4, firstContactResolved: 1, unanswered: 2 });
    expect(s.firstResponseMs).toEqual({ p50: 2 * M, p90: 10 * M });
    expect((await store.exportConversations(filters[1]!)).map((c) => c.id)).toEqual(['st-a', 'st-c', 'st-h']);
  });

  it.skipIf(!postgresAvailable())('PostgreSQL gives the same figures and the same rows', async () => {
    const lowdb = await seeded(new LowdbChatStore({ dir: null }));
    postgres = await startPostgres();
    const pg = await seeded(new PgChatStore({ connectionString: await postgres.newDatabase() }));
    for (const f of filters) {
      expect(await pg.conversationStats(f), JSON.stringify(f)).toEqual(await lowdb.conversationStats(f));
      expect((await pg.exportConversations(f)).map((c) => c.id)).toEqual((await lowdb.exportConversations(f)).map((c) => c.id));
    }
  }, 120_000);
});
