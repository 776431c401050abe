// The audit log's part of the ChatStore contract, on every implementation; then the embedded
// store's durability of it (a reopen, a crash replayed from the log).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LowdbChatStore } from '../../server/storage/lowdb-chat-store.js';
import type { AuditRecord } from '../../server/storage/records.js';
import { readLogsSync } from '../../server/storage/wal.js';
import { closeStores, stopPostgres, storeImplementations } from '../helpers/stores.js';
import { tempDir } from '../helpers/temp-dir.js';

afterEach(closeStores);
afterAll(stopPostgres);

const entry = (id: string, at: number, siteIds: string[], over: Partial<AuditRecord> = {}): AuditRecord => ({
  id,
  at,
  actor: { agentId: 'alex', name: 'Alex' },
  siteIds,
  action: 'site.update',
  target: { kind: 'site', id: siteIds[0] ?? 'none', label: 'Shop' },
  changes: { name: { from: 'Old', to: 'New' } },
  ...over,
});

describe.each(storeImplementations())('ChatStore contract, audit log: %s', (_name, make) => {
  it('lists the entries of the given sites, newest first (then by id), as they were added', async () => {
    const store = await make();
    await store.open();
    await store.addAudit(entry('a1', 100, ['shop']));
    await store.addAudit(entry('a2', 300, ['other']));
    await store.addAudit(entry('a3', 200, ['shop', 'other'], { action: 'agent.create', target: { kind: 'agent', id: 'sam' }, changes: undefined }));
    await store.addAudit(entry('a4', 200, ['shop']));
    // The same id again changes nothing (a retried write).
    await store.addAudit(entry('a1', 999, ['shop']));
    const shop = await store.listAudit({ siteIds: ['shop'], limit: 10 });
    expect(shop.map((e) => e.id)).toEqual(['a4', 'a3', 'a1']);
    expect(shop[2]).toEqual(entry('a1', 100, ['shop']));
    expect(shop[1]).toEqual(entry('a3', 200, ['shop', 'other'], { action: 'agent.create', target: { kind: 'agent', id: 'sam' }, changes: undefined }));
    expect((await store.listAudit({ siteIds: ['other'], limit: 10 })).map((e) => e.id)).toEqual(['a2', 'a3']);
    expect((await store.listAudit({ siteIds: ['shop', 'other'], limit: 10 })).map((e) => e.id)).toEqual(['a2', 'a4', 'a3', 'a1']);
    expect(await store.listAudit({ siteIds: ['nowhere'], limit: 10 })).toEqual([]);
  });

  it('pages with a position (older than it), a limit, and a time range with both ends included', async () => {
    const store = await make();
    await store.open();
    for (let i = 1; i <= 7; i++) await store.addAudit(entry(`e${i}`, i * 10, ['shop']));
    await store.addAudit(entry('e0', 40, ['shop'])); // same instant as e4: ids order them
    const page1 = await store.listAudit({ siteIds: ['shop'], limit: 3 });
    expect(page1.map((e) => e.id)).toEqual(['e7', 'e6', 'e5']);
    const page2 = await store.listAudit({ siteIds: ['shop'], limit: 3, before: { at: 50, id: 'e5' } });
    expect(page2.map((e) => e.id)).toEqual(['e4', 'e0', 'e3']);
    const page3 = await store.listAudit({ siteIds: ['shop'], limit: 3, before: { at: 40, id: 'e0' } });
    expect(page3.map((e) => e.id)).toEqual(['e3', 'e2', 'e1']);
    expect((await store.listAudit({ siteIds: ['shop'], limit: 10, from: 20, to: 40 })).map((e) => e.id)).toEqual(['e4', 'e0', 'e3', 'e2']);
  });
});

describe('LowdbChatStore: the audit log on disk', () => {
  it('survives a reopen and a crash; a core record in the log never copies the audit list', async () => {
    const t = await tempDir();
    const dir = t.dir;
    const first = new LowdbChatStore({ dir, flushIntervalMs: 2 });
    await first.open();
    await first.addAudit(entry('a1', 100, ['shop']));
    await first.close();

    const second = new LowdbChatStore({ dir, flushIntervalMs: 2 });
    await second.open();
    await second.addAudit(entry('a2', 200, ['shop']));
    // A core change (a log-in writes a session) after it: logged without the list.
    await second.putSession({ tokenHash: 'h', agentId: 'alex', expiresAt: Date.now() + 60_000 });
    const core = readLogsSync(dir).flat().filter((r) => r.k === 'core');
    expect(core.length).toBeGreaterThan(0);
    for (const r of core) expect((r.v as { audit?: unknown }).audit).toBeUndefined();
    // The process dies: no close.
    await (second as unknown as { wal: { close(): Promise<void> } }).wal.close();

    const third = new LowdbChatStore({ dir });
    await third.open();
    expect((await third.listAudit({ siteIds: ['shop'], limit: 10 })).map((e) => e.id)).toEqual(['a2', 'a1']);
    await third.close();
    const file = JSON.parse(await readFile(join(dir, 'core.json'), 'utf8')) as { audit: AuditRecord[] };
    expect(file.audit.map((e) => e.id)).toEqual(['a1', 'a2']);
    await t.remove();
  });
});
