// The seams CONTRIBUTING.md names, checked on the source: each third-party engine is imported by
// exactly the module that wraps it, and clients take only types from the server's schemas.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(relative(ROOT, path)));
    else if (/\.(ts|tsx)$/.test(name)) out.push(relative(ROOT, path));
  }
  return out;
}

const files = ['protocol', 'server', 'faq', 'widget', 'agent-console'].flatMap(sources);
const importersOf = (pkg: RegExp) =>
  files.filter((f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    // Static imports, and reaching a package's files without importing it (eld-model.ts resolves
    // eld's parts from its entry point: import.meta.resolve, dynamic import()).
    const specifiers = [
      ...text.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm),
      ...text.matchAll(/(?:import\.meta\.resolve|\bimport)\(\s*['"]([^'"]+)['"]/g),
    ];
    return specifiers.some((m) => pkg.test(m[1]!));
  });

describe('module boundaries', () => {
  it('lowdb only in the lowdb store', () => {
    expect(importersOf(/^lowdb(\/|$)/).every((f) => f.startsWith('server/storage/'))).toBe(true);
  });
  it('fuse.js only in one faq/ module', () => {
    const users = importersOf(/^fuse\.js$/);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatch(/^faq\//);
  });
  it('franc only in one faq/ module', () => {
    const users = importersOf(/^franc(-min|-all)?$/);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatch(/^faq\//);
  });
  it('minisearch only in one faq/ module', () => {
    const users = importersOf(/^minisearch$/);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatch(/^faq\//);
  });
  it('eld only in one faq/ module', () => {
    const users = importersOf(/^eld(\/|$)/);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatch(/^faq\//);
  });
  it('socket.io-client only in one widget module and one console module', () => {
    const users = importersOf(/^socket\.io-client$/);
    expect(users.filter((f) => f.startsWith('widget/'))).toHaveLength(1);
    expect(users.filter((f) => f.startsWith('agent-console/'))).toHaveLength(1);
    expect(users.filter((f) => !f.startsWith('widget/') && !f.startsWith('agent-console/'))).toEqual([]);
  });
  it('nothing outside server/ imports server/ (the wire contract lives in protocol/)', () => {
    const reachIn = files.filter((f) => !f.startsWith('server/')).filter((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].some((m) => /(^|\/)server\//.test(m[1]!));
    });
    expect(reachIn).toEqual([]);
  });
  it('protocol/ depends on nothing of ours (every side imports it)', () => {
    const own = files.filter((f) => f.startsWith('protocol/')).filter((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.\.\/[^'"]+)['"]/g)].length > 0;
    });
    expect(own).toEqual([]);
  });
  it('clients import the protocol schemas as types only (TypeBox stays out of the bundles)', () => {
    const clientRuntimeImports = importersOf(/protocol\/(schemas|index)(\.js)?$/).filter((f) => !f.startsWith('server/'));
    expect(clientRuntimeImports).toEqual([]);
  });
});
