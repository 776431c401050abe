// Presence follows console connections, with a grace period.
import { describe, expect, it } from 'vitest';
import { assignments, handoff, openIds, ownerOf, routerWith } from './fixtures.js';

describe('presence and grace period', () => {
  it('is online while any tab is connected; the last one closing starts the grace period', () => {
    const router = routerWith([{ id: 'ana' }]);
    router.agentConnected('ana', 1); // second tab
    expect(router.agentDisconnected('ana', 2)).toEqual([]);
    expect(router.agentDisconnected('ana', 3)).toEqual([{ type: 'presence', agentId: 'ana', presence: 'offline-pending' }]);
    expect(router.agent('ana')).toMatchObject({ presence: 'offline-pending', graceUntil: 10_003 });
    expect(router.tick(10_002)).toEqual([]);
    expect(router.tick(10_003)).toEqual([{ type: 'presence', agentId: 'ana', presence: 'offline' }]);
  });

  it('keeps chats through a reload inside the grace period, and offers none meanwhile', () => {
    const router = routerWith([{ id: 'ana' }, { id: 'bob', capacity: 1 }]);
    handoff(router, 'c1', 1); // ana
    handoff(router, 'c2', 2); // bob
    router.agentDisconnected('ana', 3);
    handoff(router, 'c3', 4);
    expect(ownerOf(router, 'c3')).toBeNull(); // pending agents get nothing new
    expect(assignments(router.agentConnected('ana', 9_000))).toEqual({ c3: 'ana' });
    expect(openIds(router, 'ana')).toEqual(['c1', 'c3']);
  });

  it('puts the chats of an agent gone past the grace period back at the head of their queue', () => {
    const router = routerWith([{ id: 'ana' }, { id: 'bob', capacity: 1 }]);
    handoff(router, 'old', 1); // ana
    handoff(router, 'bobs', 2); // bob
    router.agentDisconnected('ana', 3);
    handoff(router, 'new', 4);
    expect(router.tick(10_003)).toEqual([
      { type: 'presence', agentId: 'ana', presence: 'offline' },
      { type: 'requeued', conversationId: 'old', siteId: 'shop', lang: 'fr', reason: 'agent-offline', fromAgentId: 'ana' },
    ]);
    expect(router.waiting('shop').map((c) => c.id)).toEqual(['old', 'new']);
    expect(router.queuePosition('old')).toBe(1);
    router.release('bobs', 10_004);
    expect(openIds(router, 'bob')).toEqual(['old']);
  });

  it('applies an expired grace period before the next command, however rarely the server ticks', () => {
    const router = routerWith([{ id: 'ana' }]);
    handoff(router, 'c1', 1);
    router.agentDisconnected('ana', 2);
    // No tick: ana reconnects too late, so c1 went back to the queue first (and comes back to her)
    expect(router.agentConnected('ana', 20_000)).toEqual([
      { type: 'presence', agentId: 'ana', presence: 'offline' },
      { type: 'requeued', conversationId: 'c1', siteId: 'shop', lang: 'fr', reason: 'agent-offline', fromAgentId: 'ana' },
      { type: 'presence', agentId: 'ana', presence: 'online' },
      { type: 'assigned', conversationId: 'c1', agentId: 'ana', via: 'auto' },
    ]);
  });

  it('goes offline at once with a zero grace period', () => {
    const router = routerWith([{ id: 'ana' }], { config: { graceMs: 0 } });
    handoff(router, 'c1', 1);
    const effects = router.agentDisconnected('ana', 2);
    expect(effects.map((e) => e.type)).toEqual(['presence', 'presence', 'requeued']);
    expect(router.agent('ana')?.presence).toBe('offline');
  });

  it('an away agent keeps their chats, gets no new ones, and is backfilled on return', () => {
    const router = routerWith([{ id: 'ana' }]);
    handoff(router, 'c1', 1);
    expect(router.setAway('ana', true, 2)).toEqual([{ type: 'presence', agentId: 'ana', presence: 'away' }]);
    handoff(router, 'c2', 3);
    expect(openIds(router, 'ana')).toEqual(['c1']);
    expect(router.setAway('ana', false, 4)).toEqual([
      { type: 'presence', agentId: 'ana', presence: 'online' },
      { type: 'assigned', conversationId: 'c2', agentId: 'ana', via: 'auto' },
    ]);
  });

  it('stays away across a reload, but starts fresh after going offline', () => {
    const router = routerWith([{ id: 'ana' }]);
    router.setAway('ana', true, 1);
    router.agentDisconnected('ana', 2);
    router.agentConnected('ana', 3);
    expect(router.agent('ana')?.presence).toBe('away');
    router.agentDisconnected('ana', 4);
    router.tick(20_000);
    router.agentConnected('ana', 20_001);
    expect(router.agent('ana')?.presence).toBe('online');
  });

  it('ignores a disconnect it never saw connect, and refuses unknown agents', () => {
    const router = routerWith([{ id: 'ana' }], { online: [] });
    expect(router.agentDisconnected('ana', 1)).toEqual([]);
    expect(router.agent('ana')?.connections).toBe(0);
    expect(router.agentConnected('ghost', 1)).toEqual([{ type: 'rejected', reason: 'unknown-agent', agentId: 'ghost' }]);
  });
});
