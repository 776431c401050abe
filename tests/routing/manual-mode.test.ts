// Manual mode per site: nothing is assigned automatically; agents pick by hand.
import { describe, expect, it } from 'vitest';
import { assignments, handoff, openIds, ownerOf, routerWith } from './fixtures.js';

describe('manual mode', () => {
  const manualShop = () => {
    const router = routerWith([
      { id: 'ana', capacity: 1 },
      { id: 'dan', languages: ['de'] },
      { id: 'adm', languages: ['en'], role: 'admin' },
    ]);
    expect(router.setMode('shop', 'manual', 0)).toEqual([{ type: 'mode', siteId: 'shop', mode: 'manual' }]);
    return router;
  };

  it('assigns nothing automatically, on hand-off or on connect', () => {
    const router = manualShop();
    expect(handoff(router, 'c1', 1)).toEqual([{ type: 'queued', conversationId: 'c1', siteId: 'shop', lang: 'fr' }]);
    router.agentDisconnected('ana', 2);
    expect(router.agentConnected('ana', 3)).toEqual([{ type: 'presence', agentId: 'ana', presence: 'online' }]);
    expect(ownerOf(router, 'c1')).toBeNull();
  });

  it('lets an eligible agent pick any waiting chat, not only the oldest', () => {
    const router = manualShop();
    handoff(router, 'c1', 1);
    handoff(router, 'c2', 2);
    expect(router.pick('ana', 'c2', 3)).toEqual([{ type: 'assigned', conversationId: 'c2', agentId: 'ana', via: 'pick' }]);
  });

  it('validates a pick: still waiting, language, capacity, connected', () => {
    const router = manualShop();
    handoff(router, 'c1', 1);
    handoff(router, 'c2', 2);
    expect(router.pick('dan', 'c1', 3)).toEqual([
      { type: 'rejected', reason: 'not-eligible', conversationId: 'c1', agentId: 'dan' },
    ]);
    router.pick('ana', 'c1', 4);
    expect(router.pick('ana', 'c1', 5)).toEqual([
      { type: 'rejected', reason: 'not-waiting', conversationId: 'c1', agentId: 'ana' },
    ]);
    expect(router.pick('ana', 'c2', 6)).toEqual([{ type: 'rejected', reason: 'at-capacity', agentId: 'ana' }]);
    router.agentDisconnected('dan', 7);
    handoff(router, 'de1', 8, { lang: 'de' });
    expect(router.pick('dan', 'de1', 9)).toEqual([{ type: 'rejected', reason: 'not-available', agentId: 'dan' }]);
    expect(router.pick('ghost', 'c2', 10)).toEqual([{ type: 'rejected', reason: 'unknown-agent', agentId: 'ghost' }]);
  });

  it('lets an admin pick a chat in any language, flagged', () => {
    const router = manualShop();
    handoff(router, 'c1', 1);
    expect(router.pick('adm', 'c1', 2)).toEqual([
      { type: 'assigned', conversationId: 'c1', agentId: 'adm', via: 'pick', flagged: 'no-language-match' },
    ]);
  });

  it('does not backfill on release in manual mode', () => {
    const router = manualShop();
    handoff(router, 'c1', 1);
    handoff(router, 'c2', 2);
    router.pick('ana', 'c1', 3);
    expect(router.release('c1', 4)).toEqual([{ type: 'released', conversationId: 'c1', agentId: 'ana' }]);
    expect(openIds(router, 'ana')).toEqual([]);
  });

  it('assigns what waits, oldest first, when switched back to automatic', () => {
    const router = manualShop();
    handoff(router, 'c2', 2);
    handoff(router, 'c1', 3, { queuedAt: 1 });
    expect(router.setMode('shop', 'automatic', 4)).toEqual([
      { type: 'mode', siteId: 'shop', mode: 'automatic' },
      { type: 'assigned', conversationId: 'c1', agentId: 'ana', via: 'auto' },
    ]);
    expect(router.setMode('shop', 'automatic', 5)).toEqual([]);
  });

  it('lets an away agent pick by hand in automatic mode', () => {
    const router = routerWith([{ id: 'ana' }, { id: 'dan', languages: ['de'] }]);
    router.setAway('ana', true, 1);
    handoff(router, 'c1', 2);
    expect(assignments(router.pick('ana', 'c1', 3))).toEqual({ c1: 'ana' });
  });
});
