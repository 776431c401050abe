// Queries for the visitor and for debugging, and the state's life across a restart.
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../server/routing/index.js';
import { CONFIG, handoff, openIds, ownerOf, routerWith } from './fixtures.js';

describe('queue position and wait estimate', () => {
  it('numbers each site+language queue from 1, oldest first', () => {
    const router = routerWith([], { online: [] });
    handoff(router, 'f1', 1);
    handoff(router, 'd1', 2, { lang: 'de' });
    handoff(router, 'f2', 3);
    handoff(router, 'f0', 4, { queuedAt: 0 });
    expect(['f0', 'f1', 'f2', 'd1'].map((id) => router.queuePosition(id))).toEqual([1, 2, 3, 1]);
    expect(router.queuePosition('nope')).toBeNull();
  });

  it('estimates position × handle time / chat slots of the online agents who may take it', () => {
    const router = routerWith([{ id: 'ana', capacity: 1 }, { id: 'bob', capacity: 1 }, { id: 'dan', languages: ['de'] }]);
    handoff(router, 'c1', 1);
    handoff(router, 'c2', 2);
    handoff(router, 'w1', 3);
    handoff(router, 'w2', 4);
    // defaultHandleMs 300 000, 2 French slots
    expect(router.estimatedWaitMs('w1', 5)).toBe(150_000);
    expect(router.estimatedWaitMs('w2', 5)).toBe(300_000);
    expect(router.estimatedWaitMs('c1', 5)).toBeNull(); // not waiting
  });

  it('learns the handle time from closed chats (moving average)', () => {
    const router = routerWith([{ id: 'ana', capacity: 1 }]);
    handoff(router, 'c1', 0);
    handoff(router, 'w1', 0);
    router.release('c1', 100_000); // one sample of 100 s: 300 + 0.2 × (100 − 300) = 260 s
    handoff(router, 'w2', 100_001);
    expect(router.snapshot().handleTime.shop).toEqual({ avgMs: 260_000, samples: 1 });
    expect(router.estimatedWaitMs('w2', 100_002)).toBe(260_000);
  });

  it('adds the remaining fallback delay when only non-speakers are online, null when nobody is', () => {
    const router = routerWith([{ id: 'ana', capacity: 1 }]);
    handoff(router, 'c1', 0);
    handoff(router, 'd1', 0, { lang: 'de' });
    expect(router.estimatedWaitMs('d1', 10_000)).toBe(50_000 + 300_000);
    router.agentDisconnected('ana', 10_000);
    expect(router.estimatedWaitMs('d1', 10_000)).toBeNull();
  });
});

describe('state', () => {
  it('is plain data: a JSON round trip gives a router that behaves the same', () => {
    const router = routerWith([{ id: 'ana', capacity: 1 }, { id: 'bob', languages: ['de'] }]);
    handoff(router, 'c1', 1);
    handoff(router, 'c2', 2);
    router.agentDisconnected('bob', 3);
    const copy = createRouter({ config: CONFIG, state: JSON.parse(JSON.stringify(router.snapshot())) });
    expect(copy.snapshot()).toEqual(router.snapshot());
    expect(copy.release('c1', 4)).toEqual(router.release('c1', 4));
    expect(copy.tick(20_000)).toEqual(router.tick(20_000));
  });

  it('snapshots are copies: changing one does not change the router', () => {
    const router = routerWith([{ id: 'ana' }]);
    handoff(router, 'c1', 1);
    router.snapshot().conversations.c1!.agentId = 'mallory';
    router.waiting('shop').push({} as never);
    expect(ownerOf(router, 'c1')).toBe('ana');
  });

  it('rebuilds from the store after a restart: chats wait for their agent through a grace period', () => {
    const router = createRouter({ config: CONFIG });
    const conv = (id: string, status: string, over: object = {}) => ({ id, siteId: 'shop', lang: 'fr', status, createdAt: 0, ...over });
    const effects = router.restore(
      {
        agents: [
          { id: 'ana', siteId: 'shop', languages: ['fr'], role: 'agent', capacity: 2 },
          { id: 'bob', siteId: 'shop', languages: ['fr'], role: 'agent', capacity: 2 },
        ],
        conversations: [
          conv('q2', 'queued', { queuedAt: 20 }),
          conv('q1', 'queued', { queuedAt: 10 }),
          conv('a1', 'assigned', { queuedAt: 5, assignedAgentId: 'ana' }),
          conv('a2', 'assigned', { queuedAt: 6, assignedAgentId: 'gone' }),
          conv('b1', 'bot'),
          conv('x1', 'closed'),
        ],
      },
      1_000,
    );
    expect(effects).toEqual([
      { type: 'presence', agentId: 'ana', presence: 'offline-pending' },
      { type: 'requeued', conversationId: 'a2', siteId: 'shop', lang: 'fr', reason: 'agent-removed', fromAgentId: 'gone' },
    ]);
    expect(router.waiting('shop').map((c) => c.id)).toEqual(['a2', 'q1', 'q2']);
    router.agentConnected('ana', 2_000); // back in time: keeps a1, takes the oldest waiting
    expect(openIds(router, 'ana')).toEqual(['a1', 'a2']);
    router.agentConnected('bob', 2_001);
    expect(openIds(router, 'bob')).toEqual(['q1', 'q2']);
    handoff(router, 'n1', 2_002);
    expect(router.snapshot().conversations.n1!.order).toBeGreaterThan(router.snapshot().conversations.q2!.order);
  });

  it('requeues a restored chat at the head when its agent does not come back in time', () => {
    const router = createRouter({ config: CONFIG });
    router.restore(
      {
        agents: [{ id: 'ana', siteId: 'shop', languages: ['fr'], role: 'agent' }],
        conversations: [{ id: 'a1', siteId: 'shop', lang: 'fr', status: 'assigned', createdAt: 0, queuedAt: 5, assignedAgentId: 'ana' }],
        modes: { shop: 'manual' },
      },
      0,
    );
    expect(router.mode('shop')).toBe('manual');
    expect(router.tick(CONFIG.graceMs!).map((e) => e.type)).toEqual(['presence', 'requeued']);
    expect(router.queuePosition('a1')).toBe(1);
  });

  it('refuses bad config at creation and bad capacities', () => {
    expect(() => createRouter({ config: { graceMs: -1 } })).toThrow(RangeError);
    expect(() => createRouter({ config: { defaultCapacity: 1.5 } })).toThrow(RangeError);
    const router = createRouter();
    expect(() => router.upsertAgent({ id: 'a', siteId: 's', languages: [], role: 'agent', capacity: -1 }, 0)).toThrow(RangeError);
    expect(router.upsertAgent({ id: 'a', siteId: 's', languages: [], role: 'agent' }, 0)).toEqual([]);
    expect(router.agent('a')?.capacity).toBe(router.config.defaultCapacity);
    expect(router.upsertAgent({ id: 'a', siteId: 'other', languages: [], role: 'agent' }, 0)).toEqual([
      { type: 'rejected', reason: 'site-mismatch', agentId: 'a' },
    ]);
  });
});
