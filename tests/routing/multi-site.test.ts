// Agents of several sites: each takes the chats of every site they work on, with one capacity
// across them, and a site they do not work on is unknown to them (pick, transfer).
import { describe, expect, it } from 'vitest';
import { rejection } from '../../server/routing/index.js';
import { assignments, handoff, openIds, routerWith } from './fixtures.js';

describe('agents on several sites', () => {
  it('offers each site\'s chats to its agents, within one capacity across sites', () => {
    const router = routerWith([
      { id: 'both', siteIds: ['shop', 'outlet'], capacity: 2 },
      { id: 'shopOnly', capacity: 2 },
    ]);
    // The outlet's chats can only go to the agent of both sites.
    expect(assignments(handoff(router, 'o1', 1, { siteId: 'outlet' }))).toEqual({ o1: 'both' });
    expect(assignments(handoff(router, 's1', 2))).toEqual({ s1: 'shopOnly' });
    expect(assignments(handoff(router, 's2', 3))).toEqual({ s2: 'both' });
    // Full (one chat per site, capacity 2): the next outlet chat waits, and goes out when a slot frees.
    expect(assignments(handoff(router, 'o2', 4, { siteId: 'outlet' }))).toEqual({});
    expect(assignments(router.release('s2', 5))).toEqual({ o2: 'both' });
    expect(openIds(router, 'both')).toEqual(['o1', 'o2']);
  });

  it('refuses a pick or a transfer of a chat of a site the agent does not work on', () => {
    const router = routerWith([{ id: 'both', siteIds: ['shop', 'outlet'], capacity: 1 }, { id: 'shopOnly', capacity: 1 }], { online: ['shopOnly'] });
    handoff(router, 'o1', 1, { siteId: 'outlet' });
    expect(rejection(router.pick('shopOnly', 'o1', 2))?.reason).toBe('unknown-conversation');
    router.agentConnected('both', 3);
    expect(openIds(router, 'both')).toEqual(['o1']);
    expect(rejection(router.transferToAgent('o1', 'shopOnly', 4))?.reason).toBe('unknown-conversation');
  });

  it('follows a change to an agent\'s sites; chats they hold stay with them', () => {
    const router = routerWith([{ id: 'ana', capacity: 3 }]);
    expect(assignments(handoff(router, 'o1', 1, { siteId: 'outlet' }))).toEqual({});
    expect(assignments(router.upsertAgent({ id: 'ana', siteId: 'shop', siteIds: ['shop', 'outlet'], languages: ['fr'], role: 'agent', capacity: 3 }, 2))).toEqual({ o1: 'ana' });
    router.upsertAgent({ id: 'ana', siteId: 'shop', languages: ['fr'], role: 'agent', capacity: 3 }, 3);
    expect(openIds(router, 'ana')).toEqual(['o1']);
    expect(assignments(handoff(router, 'o2', 4, { siteId: 'outlet' }))).toEqual({});
  });
});
