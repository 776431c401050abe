// Automatic assignment: who gets a handed-off chat, and what waits.
import { describe, expect, it } from 'vitest';
import { assignments, handoff, openIds, ownerOf, routerWith } from './fixtures.js';

describe('automatic assignment', () => {
  it('offers a chat to the online speaker with the fewest open chats', () => {
    const router = routerWith([{ id: 'ana', capacity: 3 }, { id: 'bob', capacity: 3 }], { online: ['ana'] });
    handoff(router, 'c1', 1);
    handoff(router, 'c2', 2);
    router.agentConnected('bob', 3);
    expect(assignments(handoff(router, 'c3', 4))).toEqual({ c3: 'bob' });
    // bob was busy more recently, but fewer open chats comes before idle time
    expect(assignments(handoff(router, 'c4', 5))).toEqual({ c4: 'bob' });
    expect(openIds(router, 'ana')).toEqual(['c1', 'c2']);
  });

  it('breaks ties on open chats by who has been idle longest', () => {
    const router = routerWith([{ id: 'ana' }, { id: 'bob' }, { id: 'cem' }]);
    handoff(router, 'c1', 1); // ana (all idle since 0: id order)
    handoff(router, 'c2', 2); // bob
    handoff(router, 'c3', 3); // cem
    router.release('c2', 4); // bob freed last
    router.release('c1', 5); // ana freed later still
    expect(assignments(handoff(router, 'c4', 6))).toEqual({ c4: 'bob' });
  });

  it('only offers to speakers of the language, on the same site', () => {
    const router = routerWith([
      { id: 'ana', languages: ['de'] },
      { id: 'bob', languages: ['fr'], siteId: 'other' },
      { id: 'cem', languages: ['fr', 'de'] },
    ]);
    expect(assignments(handoff(router, 'c1', 1))).toEqual({ c1: 'cem' });
  });

  it('never goes over capacity: the extra chat waits', () => {
    const router = routerWith([{ id: 'ana', capacity: 1 }]);
    handoff(router, 'c1', 1);
    const effects = handoff(router, 'c2', 2);
    expect(effects).toEqual([{ type: 'queued', conversationId: 'c2', siteId: 'shop', lang: 'fr' }]);
    expect(openIds(router, 'ana')).toEqual(['c1']);
    expect(router.waiting('shop').map((c) => c.id)).toEqual(['c2']);
  });

  it('gives a freed slot to the oldest chat the agent can take (FIFO by queuedAt)', () => {
    const router = routerWith([{ id: 'ana', capacity: 1, languages: ['fr', 'de'] }]);
    handoff(router, 'busy', 0);
    handoff(router, 'late', 5, { queuedAt: 5 });
    handoff(router, 'early', 6, { queuedAt: 2, lang: 'de' }); // handed off with an older queuedAt
    handoff(router, 'other', 7, { lang: 'it' }); // oldest of all, but ana cannot take it
    expect(router.release('busy', 8)).toEqual([
      { type: 'released', conversationId: 'busy', agentId: 'ana' },
      { type: 'assigned', conversationId: 'early', agentId: 'ana', via: 'auto' },
    ]);
    router.release('early', 9);
    expect(ownerOf(router, 'late')).toBe('ana');
  });

  it('breaks equal queuedAt by arrival order', () => {
    const router = routerWith([{ id: 'ana', capacity: 1 }], { online: [] });
    handoff(router, 'first', 1, { queuedAt: 1 });
    handoff(router, 'second', 1, { queuedAt: 1 });
    expect(assignments(router.agentConnected('ana', 2))).toEqual({ first: 'ana' });
  });

  it('backfills at once when an agent comes online, oldest first, up to capacity', () => {
    const router = routerWith([{ id: 'ana', capacity: 2 }], { online: [] });
    for (const [i, id] of ['c1', 'c2', 'c3'].entries()) handoff(router, id, i + 1);
    expect(router.agentConnected('ana', 10)).toEqual([
      { type: 'presence', agentId: 'ana', presence: 'online' },
      { type: 'assigned', conversationId: 'c1', agentId: 'ana', via: 'auto' },
      { type: 'assigned', conversationId: 'c2', agentId: 'ana', via: 'auto' },
    ]);
    expect(router.queuePosition('c3')).toBe(1);
  });

  it('keeps sites apart: queues, agents and modes', () => {
    const router = routerWith([{ id: 'ana' }, { id: 'zoe', siteId: 'b', capacity: 1 }]);
    router.setMode('b', 'manual', 0);
    handoff(router, 'a1', 1);
    handoff(router, 'b1', 2, { siteId: 'b' });
    expect(ownerOf(router, 'a1')).toBe('ana');
    expect(ownerOf(router, 'b1')).toBeNull();
    expect(router.mode('shop')).toBe('automatic');
    expect(router.waiting('shop')).toEqual([]);
    expect(router.waiting('b').map((c) => c.id)).toEqual(['b1']);
    expect(router.pick('ana', 'b1', 3)).toEqual([{ type: 'rejected', reason: 'unknown-conversation', conversationId: 'b1' }]);
  });

  it('closing a waiting chat removes it from the queue', () => {
    const router = routerWith([{ id: 'ana' }], { online: [] });
    handoff(router, 'c1', 1);
    handoff(router, 'c2', 2);
    expect(router.release('c1', 3)).toEqual([{ type: 'released', conversationId: 'c1' }]);
    expect(router.queuePosition('c2')).toBe(1);
    expect(router.release('c1', 4)).toEqual([{ type: 'rejected', reason: 'unknown-conversation', conversationId: 'c1' }]);
  });

  it('refuses a second hand-off of the same chat instead of queueing it twice', () => {
    const router = routerWith([{ id: 'ana' }]);
    handoff(router, 'c1', 1);
    expect(handoff(router, 'c1', 2)).toEqual([{ type: 'rejected', reason: 'already-routed', conversationId: 'c1' }]);
    expect(openIds(router, 'ana')).toEqual(['c1']);
  });

  it('keeps chats when capacity is lowered, but gives no new ones until below it', () => {
    const router = routerWith([{ id: 'ana', capacity: 2 }]);
    handoff(router, 'c1', 1);
    handoff(router, 'c2', 2);
    router.upsertAgent({ id: 'ana', siteId: 'shop', languages: ['fr'], role: 'agent', capacity: 1 }, 3);
    handoff(router, 'c3', 4);
    router.release('c1', 5);
    expect(openIds(router, 'ana')).toEqual(['c2']);
    router.release('c2', 6);
    expect(openIds(router, 'ana')).toEqual(['c3']);
  });

  it('offers waiting chats when an agent gains a language or capacity', () => {
    const router = routerWith([{ id: 'ana', capacity: 1 }]);
    handoff(router, 'de1', 1, { lang: 'de' });
    const effects = router.upsertAgent({ id: 'ana', siteId: 'shop', languages: ['fr', 'de'], role: 'agent' }, 2);
    expect(assignments(effects)).toEqual({ de1: 'ana' });
  });
});
