// The any-agent fallback: a chat nobody online can read is not left waiting forever.
import { describe, expect, it } from 'vitest';
import { handoff, openIds, ownerOf, routerWith } from './fixtures.js';

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
    expect(router.pick('ana', 'd1', 11)).toEqual([{ type: 'rejected', reason: 'not-eligible', conversationId: 'd1', agentId: 'ana' }]);
    router.tick(DELAY + 10);
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

describe('fallback chats and speakers logging in one by one', () => {
  const team = [
    { id: 'camille', languages: ['fr'], capacity: 3 },
    { id: 'sam', languages: ['en'], capacity: 3 },
    { id: 'lucia', languages: ['es'], capacity: 3 },
    { id: 'jonas', languages: ['de'], capacity: 3 },
  ];
  /** A backlog past the delay with nobody online: en, es, de, fr, then one more of each, oldest first. */
  function backlog(config: { fallbackAfterLoginMs?: number } = {}) {
    const router = routerWith(team, { online: [], config });
    ['en', 'es', 'de', 'fr', 'en', 'es', 'de', 'fr'].forEach((lang, i) => handoff(router, `${lang}${i}`, i, { lang }));
    expect(router.tick(DELAY + 10).filter((e) => e.type === 'opened-to-all')).toHaveLength(8);
    return router;
  }
  const mine = (router: ReturnType<typeof routerWith>, id: string) => openIds(router, id).sort();

  it('gives the first agent their own language first, and one fallback chat only', () => {
    const router = backlog();
    const effects = router.agentConnected('camille', DELAY + 20);
    expect(mine(router, 'camille')).toEqual(['en0', 'fr3', 'fr7']);
    expect(effects.filter((e) => e.type === 'assigned').map((e) => [e.conversationId, 'flagged' in e ? e.flagged : undefined])).toEqual([
      ['fr3', undefined],
      ['fr7', undefined],
      ['en0', 'no-language-match'],
    ]);
  });

  it('leaves each speaker who logs in next their own language', () => {
    const router = backlog();
    router.agentConnected('camille', DELAY + 20);
    router.agentConnected('sam', DELAY + 21);
    router.agentConnected('lucia', DELAY + 22);
    router.agentConnected('jonas', DELAY + 23);
    expect(mine(router, 'camille')).toEqual(['en0', 'fr3', 'fr7']);
    expect(mine(router, 'sam')).toEqual(['en4', 'es1']); // es1 as Sam's fallback chat, before Lucía came
    expect(mine(router, 'lucia')).toEqual(['de2', 'es5']);
    expect(mine(router, 'jonas')).toEqual(['de6']);
  });

  it('never gives a fallback chat to a non-speaker while a speaker has a free slot', () => {
    const router = routerWith([{ id: 'ana', capacity: 3 }, { id: 'dan', languages: ['de'], capacity: 1 }], { online: ['ana'] });
    handoff(router, 'd1', 0, { lang: 'de' });
    handoff(router, 'd2', 1, { lang: 'de' });
    router.tick(DELAY + 1); // both opened to all; ana takes one (her allowance)
    expect(openIds(router, 'ana')).toEqual(['d1']);
    router.agentConnected('dan', DELAY + 2);
    expect(openIds(router, 'dan')).toEqual(['d2']);
    router.release('d1', DELAY + 3);
    handoff(router, 'd3', DELAY + 4, { lang: 'de' }); // dan is full, so it waits for dan (he is online)
    expect(router.tick(DELAY * 5)).toEqual([]);
    router.release('d2', DELAY * 5 + 1);
    expect(ownerOf(router, 'd3')).toBe('dan');
  });

  it('a freed slot goes to the oldest chat in the agent’s language before an older fallback chat', () => {
    const router = routerWith([{ id: 'ana', capacity: 2 }], { online: ['ana'] });
    handoff(router, 'de1', 0, { lang: 'de' });
    handoff(router, 'f1', 1);
    handoff(router, 'f2', 2);
    handoff(router, 'f3', 3);
    router.tick(DELAY + 1); // ana: f1, f2; de1 opened to all, waits (no room)
    expect(router.release('f1', DELAY + 2)).toContainEqual({ type: 'assigned', conversationId: 'f3', agentId: 'ana', via: 'auto' });
    router.release('f2', DELAY + 3);
    expect(ownerOf(router, 'de1')).toBe('ana');
  });

  it('gives a shift logging in seconds apart their own languages, nobody a fallback chat yet', () => {
    const router = backlog({ fallbackAfterLoginMs: 10_000 });
    const t = DELAY + 20;
    const flagged = ['camille', 'sam', 'lucia', 'jonas'].flatMap((id, i) =>
      router.agentConnected(id, t + i * 2_000).filter((e) => e.type === 'assigned' && e.flagged),
    );
    expect(flagged).toEqual([]);
    expect([mine(router, 'camille'), mine(router, 'sam'), mine(router, 'lucia'), mine(router, 'jonas')]).toEqual([
      ['fr3', 'fr7'],
      ['en0', 'en4'],
      ['es1', 'es5'],
      ['de2', 'de6'],
    ]);
  });

  it('gives a lone agent a fallback chat once fallbackAfterLoginMs has passed since they logged in', () => {
    const router = backlog({ fallbackAfterLoginMs: 10_000 });
    router.agentConnected('camille', DELAY + 20);
    expect(mine(router, 'camille')).toEqual(['fr3', 'fr7']);
    expect(router.tick(DELAY + 10_019)).toEqual([]);
    expect(router.tick(DELAY + 10_020)).toEqual([
      { type: 'assigned', conversationId: 'en0', agentId: 'camille', via: 'auto', flagged: 'no-language-match' },
    ]);
    // a reload within the grace period is the same log-in: no new wait
    router.agentDisconnected('camille', DELAY + 10_021);
    expect(router.release('en0', DELAY + 10_022)).toEqual([{ type: 'released', conversationId: 'en0', agentId: 'camille' }]);
    expect(router.agentConnected('camille', DELAY + 10_023)).toContainEqual(
      { type: 'assigned', conversationId: 'es1', agentId: 'camille', via: 'auto', flagged: 'no-language-match' },
    );
  });

  it('fallbackChatsPerAgent sets how many fallback chats an agent takes at once', () => {
    const router = routerWith([{ id: 'ana', capacity: 3 }], { config: { fallbackChatsPerAgent: 2 } });
    for (const id of ['d1', 'd2', 'd3']) handoff(router, id, 0, { lang: 'de' });
    router.tick(DELAY);
    expect(openIds(router, 'ana')).toEqual(['d1', 'd2']);
  });
});
