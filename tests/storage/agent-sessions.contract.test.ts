// Ending an agent's sessions at once (disabled by an admin, or their password changed), on
// every ChatStore implementation; and a disabled agent's record keeps the flag.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AgentRecord } from '../../server/storage/records.js';
import { closeStores, stopPostgres, storeImplementations } from '../helpers/stores.js';

afterEach(closeStores);
afterAll(stopPostgres);

const agent = (id: string, over: Partial<AgentRecord> = {}): AgentRecord => ({
  id,
  siteId: 'shop',
  name: id,
  email: `${id}@shop.example`,
  languages: ['fr'],
  role: 'agent',
  passwordHash: 'x',
  createdAt: 1,
  ...over,
});

describe.each(storeImplementations())('ChatStore contract, agent sessions: %s', (_name, make) => {
  it("ends every session of one agent but the one kept, and says which; others' stay", async () => {
    const store = await make();
    await store.open();
    const later = Date.now() + 60_000;
    for (const [hash, agentId] of [['s1', 'sam'], ['s2', 'sam'], ['s3', 'sam'], ['o1', 'alex']] as const) await store.putSession({ tokenHash: hash, agentId, expiresAt: later });
    expect((await store.deleteSessionsOf('sam', 's2')).sort()).toEqual(['s1', 's3']);
    expect(await store.getSession('s1')).toBeUndefined();
    expect(await store.getSession('s2')).toBeDefined();
    expect(await store.getSession('o1')).toBeDefined();
    expect(await store.deleteSessionsOf('sam')).toEqual(['s2']);
    expect(await store.getSession('s2')).toBeUndefined();
    expect(await store.deleteSessionsOf('nobody')).toEqual([]);
  });

  it('keeps the disabled flag of an agent', async () => {
    const store = await make();
    await store.open();
    await store.putAgent(agent('sam'));
    await store.putAgent({ ...(await store.getAgent('sam'))!, disabled: true });
    expect((await store.getAgent('sam'))?.disabled).toBe(true);
    expect((await store.findAgentByEmail('SAM@shop.example'))?.disabled).toBe(true);
  });
});
