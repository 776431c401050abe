// What an audit entry keeps of a change: the fields that differ, shortened, and never the value
// of a field named like a secret, whoever builds the changes.
import { describe, expect, it } from 'vitest';
import { changesBetween, scrubChanges, shortValue } from '../../server/services/audit/audit-changes.js';

describe('audit changes', () => {
  it('keeps only the fields that differ; a created thing has only `to`', () => {
    const before = { name: 'Sam', languages: ['en'], maxChats: 3, level: undefined as string | undefined };
    const after = { name: 'Samuel', languages: ['en'], maxChats: 3, level: 'expert' as string | undefined };
    expect(changesBetween(before, after, ['name', 'languages', 'maxChats', 'level'])).toEqual({ name: { from: 'Sam', to: 'Samuel' }, level: { from: null, to: 'expert' } });
    expect(changesBetween(before, before, ['name', 'languages'])).toBeUndefined();
    expect(changesBetween(undefined, after, ['name', 'level'])).toEqual({ name: { to: 'Samuel' }, level: { to: 'expert' } });
  });

  it('never keeps a password, hash, secret, token or key: only that it changed', () => {
    const before = { passwordHash: 'scrypt$old', apiKey: 'k1' };
    const after = { passwordHash: 'scrypt$new', apiKey: 'k2' };
    expect(changesBetween(before, after, ['passwordHash', 'apiKey'])).toEqual({ passwordHash: { changed: true }, apiKey: { changed: true } });
    expect(scrubChanges({ secret: { from: 'a', to: 'b' }, url: { to: 'https://shop.example/hook' } })).toEqual({ secret: { changed: true }, url: { to: 'https://shop.example/hook' } });
  });

  it('shortens long values', () => {
    expect((shortValue('x'.repeat(500)) as string).length).toBe(120);
    expect(shortValue(Array.from({ length: 30 }, (_, i) => i))).toHaveLength(21);
    expect(typeof shortValue({ days: { mon: [['09:00', '18:00']] } })).toBe('string');
  });
});
