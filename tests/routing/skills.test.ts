// Topics, skills and levels in the pure router: the skill first, then the level the topic's
// difficulty calls for, then the least busy; any speaker once the site's skill wait is over
// (flagged), at once when nobody with the skill is online; FIFO per language throughout.
import { describe, expect, it } from 'vitest';
import { assignments, handoff, ownerOf, routerWith } from './fixtures.js';

const RULES = { difficulty: { orders: 'simple', complaint: 'complex' } as const, skillWaitMs: 30_000 };
const TEAM = [
  { id: 'trainee', level: 'trainee' as const, skills: ['orders', 'delivery'] },
  { id: 'expert', level: 'expert' as const, skills: ['complaint', 'orders'] },
  { id: 'camille' }, // no skills list: every topic, level "agent"
];

function team(online = TEAM.map((a) => a.id)) {
  const router = routerWith(TEAM, { online });
  router.setSiteRules('shop', RULES, 0);
  return router;
}

describe('routing by topic, skill and level', () => {
  it('a simple topic goes to the trainee first, a complex one to the expert', () => {
    const router = team();
    expect(assignments(handoff(router, 'where', 1, { topic: 'orders' }))).toEqual({ where: 'trainee' });
    expect(assignments(handoff(router, 'broken', 2, { topic: 'complaint' }))).toEqual({ broken: 'expert' });
    // No topic: by load alone (camille has none yet).
    expect(assignments(handoff(router, 'hello', 3))).toEqual({ hello: 'camille' });
  });

  it('a chat waits for a speaker with the skill, then goes to any speaker, flagged', () => {
    const router = routerWith([{ id: 'expert', level: 'expert', skills: ['complaint'], capacity: 1 }, { id: 'trainee', level: 'trainee', skills: ['orders'] }]);
    router.setSiteRules('shop', RULES, 0);
    handoff(router, 'c1', 1, { topic: 'complaint' }); // the expert's only slot
    expect(ownerOf(router, 'c1')).toBe('expert');
    expect(handoff(router, 'c2', 2, { topic: 'complaint' }).some((e) => e.type === 'assigned')).toBe(false);
    expect(router.tick(2 + 29_999).some((e) => e.type === 'assigned')).toBe(false);
    expect(router.tick(2 + 30_000)).toContainEqual({ type: 'assigned', conversationId: 'c2', agentId: 'trainee', via: 'auto', flagged: 'no-skill-match' });
  });

  it('nobody with the skill online: any speaker at once, flagged', () => {
    const router = team(['trainee']);
    expect(handoff(router, 'broken', 1, { topic: 'complaint' })).toContainEqual({
      type: 'assigned', conversationId: 'broken', agentId: 'trainee', via: 'auto', flagged: 'no-skill-match',
    });
  });

  it('the queue stays FIFO: an older chat held for its skill does not stop newer ones the free agent may take', () => {
    const router = routerWith([{ id: 'expert', level: 'expert', skills: ['complaint'], capacity: 1 }, { id: 'trainee', level: 'trainee', skills: ['orders'], capacity: 1 }]);
    router.setSiteRules('shop', RULES, 0);
    handoff(router, 'c1', 1, { topic: 'complaint' });
    handoff(router, 'c2', 2, { topic: 'complaint' }); // waits for the expert
    expect(assignments(handoff(router, 'c3', 3, { topic: 'orders' }))).toEqual({ c3: 'trainee' });
    expect(assignments(router.release('c1', 4))).toEqual({ c2: 'expert' });
  });

  it('an agent corrects the topic of a waiting chat: it is offered by the new one', () => {
    // The trainee is online but full: the orders chat waits for them, not for the expert.
    const router = routerWith([{ id: 'expert', level: 'expert', skills: ['complaint'] }, { id: 'trainee', level: 'trainee', skills: ['orders'], capacity: 0 }]);
    router.setSiteRules('shop', RULES, 0);
    handoff(router, 'c1', 1, { topic: 'orders' });
    expect(ownerOf(router, 'c1')).toBe(null);
    expect(assignments(router.setTopic('c1', 'complaint', 2))).toEqual({ c1: 'expert' });
  });
});
