// The any-agent fallback (issue 4): a chat nobody online can read is not left waiting forever.
import { describe, expect, it } from 'vitest';
import { handoff, ownerOf, routerWith } from './fixtures.js';

const DELAY = 60_000; // anyAgentAfterMs in fixtures.CONFIG

describe('any-agent fallback', () => {
  it('opens the chat to every online agent after the delay, and flags the assignment', () => {
    const router = routerWith([{ id: 'ana' }, { id: 'bob', languages: ['it'], capacity: 1 }]);
    handoff(router, 'bobs', 0, { lang: 'it' }); // bob is full, so ana is the only one with room
    handoff(router, 'de1', 1, { lang: 'de' });
    expect(router.tick(DELAY)).toEqual([]);
    expect(router.tick(DELAY + 1)).toEqual([
      { type: 'opened-to-all', conversationId: 'de1', siteId: 'shop', lang: 'de' },
      { type: 'assigned', conversationId: 'de1', agentId: 'ana', via: 'auto', flagged: 'no-language-match' },
    ]);
    // the language travels with the chat: the agent sees it was German
    expect(router.snapshot().conversations.de1).toMatchObject({ lang: 'de', agentId: 'ana' });
  });

  it('does not open the chat while a speaker is online, even a busy one', () => {
    const router = routerWith([{ id: 'ana' }, { id: 'dan', languages: ['de'], capacity: 1 }]);
    handoff(router, 'd1', 0, { lang: 'de' }); // dan
    handoff(router, 'd2', 1, { lang: 'de' });
    expect(router.tick(DELAY * 3)).toEqual([]);
    router.release('d1', DELAY * 3 + 1);
    expect(ownerOf(router, 'd2')).toBe('dan');
  });

  it('does open it when the only speaker is away', () => {
    const router = routerWith([{ id: 'ana' }, { id: 'dan', languages: ['de'] }]);
    router.setAway('dan', true, 0);
    handoff(router, 'd1', 1, { lang: 'de' });
    router.tick(DELAY + 1);
    expect(ownerOf(router, 'd1')).toBe('ana');
  });

  it('still prefers a speaker, over agents with fewer chats, once one is back', () => {
    const router = routerWith([{ id: 'ana' }, { id: 'dan', languages: ['de'] }]);
    handoff(router, 'd0', 0, { lang: 'de' }); // dan: 1 open, ana: 0
    router.setAway('dan', true, 1);
    router.setMode('shop', 'manual', 1); // hold assignment while the situation is set up
    handoff(router, 'd1', 2, { lang: 'de' });
    expect(router.tick(DELAY + 2).map((e) => e.type)).toEqual(['opened-to-all']);
    router.setAway('dan', false, DELAY + 3);
    router.setMode('shop', 'automatic', DELAY + 4);
    expect(ownerOf(router, 'd1')).toBe('dan');
  });

  it('in manual mode, makes the chat pickable by any agent after the delay', () => {
    const router = routerWith([{ id: 'ana' }]);
    router.setMode('shop', 'manual', 0);
    handoff(router, 'd1', 10, { lang: 'de' });
    expect(router.pickable('ana')).toEqual([]);
    router.tick(DELAY + 10);
    expect(router.pickable('ana').map((c) => c.id)).toEqual(['d1']);
    expect(router.pick('ana', 'd1', DELAY + 11)).toEqual([
      { type: 'assigned', conversationId: 'd1', agentId: 'ana', via: 'pick', flagged: 'no-language-match' },
    ]);
  });

  it('waits again after a requeue before opening to all', () => {
    const router = routerWith([{ id: 'ana' }]);
    handoff(router, 'd1', 0, { lang: 'de' });
    router.tick(DELAY); // to ana, flagged
    router.transferToQueue('d1', 'it', DELAY + 1);
    expect(router.tick(2 * DELAY)).toEqual([]);
    expect(router.tick(2 * DELAY + 1).map((e) => e.type)).toEqual(['opened-to-all']); // ana declined it
  });
});
