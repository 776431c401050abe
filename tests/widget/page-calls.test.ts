// The shop page's calls as the app runs them: each argument checked before anything is done, a
// bad call reported in the console and dropped, the page's handlers isolated from each other.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkIdentity, runPageCall, type CallTargets } from '../../widget/app/page-calls.js';
import { createPageEvents } from '../../widget/app/page-events.js';

function targets() {
  const done: unknown[][] = [];
  const to: CallTargets = {
    setOpen: (o) => done.push(['setOpen', o]),
    identify: (i) => done.push(['identify', i]),
    setLanguage: (l) => done.push(['setLanguage', l]),
    on: (e) => done.push(['on', e]),
    page: () => done.push(['page']),
  };
  return { to, done };
}

afterEach(() => vi.restoreAllMocks());

describe('page calls', () => {
  it('runs good calls in order', () => {
    const { to, done } = targets();
    const calls: [string, unknown[]][] = [
      ['setLanguage', ['fr']],
      ['identify', [{ email: 'marie@example.com', orders: ['48213'] }]],
      ['on', ['message', () => {}]],
      ['open', []],
      ['toggle', []],
      ['page', []],
    ];
    for (const [m, a] of calls) expect(runPageCall(m, a, to)).toBe(true);
    expect(done).toEqual([
      ['setLanguage', 'fr'],
      ['identify', { email: 'marie@example.com', orders: ['48213'] }],
      ['on', 'message'],
      ['setOpen', true],
      ['setOpen', undefined],
      ['page'],
    ]);
  });

  it('drops a bad call with a console error naming it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { to, done } = targets();
    expect(runPageCall('identify', [{ email: 42 }], to)).toBe(false);
    expect(runPageCall('identify', [{ email: 'a@b.c', admin: true }], to)).toBe(false);
    expect(runPageCall('identify', [{ orders: '48213' }], to)).toBe(false);
    expect(runPageCall('setLanguage', ['french'], to)).toBe(false);
    expect(runPageCall('on', ['clicked', () => {}], to)).toBe(false);
    expect(runPageCall('on', ['open', 'not a function'], to)).toBe(false);
    expect(runPageCall('__proto__', [], to)).toBe(false);
    expect(done).toEqual([]);
    expect(error.mock.calls.map((c) => String(c[0]).split(':')[0])).toEqual([
      'Bulle.identify',
      'Bulle.identify',
      'Bulle.identify',
      'Bulle.setLanguage',
      'Bulle.on',
      'Bulle.on',
      'Bulle.__proto__',
    ]);
  });

  it('copies identify fields, so the page cannot change them afterwards', () => {
    const orders = ['1'];
    const identity = checkIdentity({ orders });
    orders.push('2');
    expect(identity).toEqual({ orders: ['1'] });
  });
});

describe('page events', () => {
  it("calls every handler of an event, one that throws does not stop the others, and a late 'ready' handler runs at once", async () => {
    const thrown: unknown[] = [];
    const timers = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((f: () => void) => {
      try {
        f();
      } catch (e) {
        thrown.push(e);
      }
      return 0;
    }) as unknown as typeof setTimeout);
    const seen: string[] = [];
    const events = createPageEvents([
      ['message', () => { throw new Error('page bug'); }],
      ['message', (d) => void seen.push(`message ${JSON.stringify(d)}`)],
    ]);
    events.emit('message', { author: 'bot', text: 'Hi' });
    events.emit('ready');
    events.on('ready', () => seen.push('ready (late)'));
    expect(seen).toEqual(['message {"author":"bot","text":"Hi"}', 'ready (late)']);
    expect(thrown.map((e) => (e as Error).message)).toEqual(['page bug']);
    timers.mockRestore();
  });
});
