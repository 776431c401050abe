// Transfers: to a named agent with a note, or to a language queue.
import { describe, expect, it } from 'vitest';
import { assignments, handoff, openIds, ownerOf, routerWith } from './fixtures.js';

describe('transfer to an agent', () => {
  it('moves the chat with its note, and backfills the slot it frees', () => {
    const router = routerWith([{ id: 'ana', capacity: 1 }, { id: 'bob' }, { id: 'cem', capacity: 1 }]);
    handoff(router, 'c1', 1); // ana
    handoff(router, 'c2', 2); // bob
    handoff(router, 'c3', 3); // cem
    handoff(router, 'c4', 4); // bob
    handoff(router, 'c5', 5); // waits
    expect(router.transferToAgent('c1', 'bob', 6, 'wants a refund')).toEqual([
      { type: 'rejected', reason: 'at-capacity', agentId: 'bob' },
    ]);
    router.release('c4', 7); // bob has room again, and takes c5 at once
    router.release('c3', 8); // cem has room
    expect(router.transferToAgent('c1', 'cem', 9, 'wants a refund')).toEqual([
      { type: 'assigned', conversationId: 'c1', agentId: 'cem', via: 'transfer', fromAgentId: 'ana', note: 'wants a refund' },
    ]);
    expect(openIds(router, 'ana')).toEqual([]);
    handoff(router, 'c6', 10);
    expect(ownerOf(router, 'c6')).toBe('ana');
  });

  it('flags a transfer to someone who does not speak the language, and allows away agents', () => {
    const router = routerWith([{ id: 'ana' }, { id: 'dan', languages: ['de'] }]);
    router.setAway('dan', true, 0);
    handoff(router, 'c1', 1);
    expect(router.transferToAgent('c1', 'dan', 2)).toEqual([
      { type: 'assigned', conversationId: 'c1', agentId: 'dan', via: 'transfer', fromAgentId: 'ana', flagged: 'no-language-match' },
    ]);
  });

  it('refuses a disconnected target, the same agent, and another site', () => {
    const router = routerWith([{ id: 'ana' }, { id: 'bob' }, { id: 'zoe', siteId: 'b' }], { online: ['ana', 'zoe'] });
    handoff(router, 'c1', 1);
    expect(router.transferToAgent('c1', 'bob', 2)).toEqual([{ type: 'rejected', reason: 'not-available', agentId: 'bob' }]);
    expect(router.transferToAgent('c1', 'ana', 3)).toEqual([
      { type: 'rejected', reason: 'same-agent', conversationId: 'c1', agentId: 'ana' },
    ]);
    expect(router.transferToAgent('c1', 'zoe', 4)).toEqual([
      { type: 'rejected', reason: 'unknown-conversation', conversationId: 'c1' },
    ]);
    expect(ownerOf(router, 'c1')).toBe('ana');
  });

  it('can hand a waiting chat to someone directly', () => {
    const router = routerWith([{ id: 'ana' }], { online: [] });
    router.setMode('shop', 'manual', 0);
    router.agentConnected('ana', 0);
    handoff(router, 'c1', 1);
    expect(assignments(router.transferToAgent('c1', 'ana', 2))).toEqual({ c1: 'ana' });
  });
});

describe('transfer to a queue', () => {
  it('keeps the original queuedAt, so it goes ahead of chats that came later', () => {
    const router = routerWith([{ id: 'ana', languages: ['fr'] }, { id: 'dan', languages: ['de'], capacity: 1 }]);
    handoff(router, 'd0', 0, { lang: 'de' }); // dan, now full
    handoff(router, 'c1', 1); // ana
    handoff(router, 'd2', 2, { lang: 'de' }); // waits for dan
    expect(router.transferToQueue('c1', 'de', 3, 'speaks German')).toEqual([
      { type: 'requeued', conversationId: 'c1', siteId: 'shop', lang: 'de', reason: 'transferred', fromAgentId: 'ana', note: 'speaks German' },
    ]);
    expect(router.waiting('shop', 'de').map((c) => c.id)).toEqual(['c1', 'd2']);
    expect(router.queuePosition('c1')).toBe(1);
    expect(assignments(router.release('d0', 4))).toEqual({ c1: 'dan' });
  });

  it('is not offered back to the agent who sent it, who may still pick it', () => {
    const router = routerWith([{ id: 'ana' }]);
    handoff(router, 'c1', 1);
    router.transferToQueue('c1', 'fr', 2);
    expect(ownerOf(router, 'c1')).toBeNull();
    expect(assignments(router.pick('ana', 'c1', 3))).toEqual({ c1: 'ana' });
  });

  it('goes to another agent of the queue at once when one has room', () => {
    const router = routerWith([{ id: 'ana' }, { id: 'bob' }]);
    handoff(router, 'c1', 1); // ana
    handoff(router, 'c2', 2); // bob
    expect(assignments(router.transferToQueue('c1', 'fr', 3))).toEqual({ c1: 'bob' });
  });

  it('can correct the language of a waiting chat', () => {
    const router = routerWith([{ id: 'dan', languages: ['de'] }], { online: [] });
    handoff(router, 'c1', 1);
    router.transferToQueue('c1', 'de', 2);
    expect(assignments(router.agentConnected('dan', 3))).toEqual({ c1: 'dan' });
  });
});
