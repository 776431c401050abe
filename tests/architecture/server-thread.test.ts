// The server thread never loads the FAQ matcher or the language detector (their tables are tens of
// MB and their work is the bot thread's, server/bot/): walked from server/main.ts along runtime
// imports (`import type` and dynamic import() do not load a module at start), faq/ stays out
// except for type-only files.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*export\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((m) => m[1]!);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')))
    .filter((p) => existsSync(p));
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...runtimeImports(f));
  }
  return seen;
}

describe('the server thread', () => {
  it('does not load the matcher or the detector (only the bot thread does)', () => {
    const fromMain = [...reachable(join(ROOT, 'server', 'main.ts'))].map((f) => relative(ROOT, f));
    expect(fromMain).toContain('server/bot/bots.ts');
    expect(fromMain.filter((f) => f.startsWith('faq/'))).toEqual([]);
    const fromThread = [...reachable(join(ROOT, 'server', 'bot', 'bot-thread.ts'))].map((f) => relative(ROOT, f));
    expect(fromThread).toEqual(expect.arrayContaining(['faq/matcher.ts', 'faq/detector/index.ts']));
  });
});
