// Upgrades: the store records its schema version in core.json and brings an older store up to
// date when it opens (fixtures/store-v1 is a small store as the version before wrote it: no
// `schemaVersion`, agents without `siteIds`); a store from a newer version is not opened.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbChatStore } from '../../server/storage/lowdb-chat-store.js';
import { SCHEMA_VERSION } from '../../server/storage/schema-version.js';
import { tempDir } from '../helpers/server.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'store-v1');
const dirs: { remove(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await d.remove();
});
const quiet = { warn: () => undefined };

async function copyOfFixture(): Promise<string> {
  const d = await tempDir();
  dirs.push(d);
  await cp(FIXTURE, d.dir, { recursive: true });
  return d.dir;
}

describe('store schema version', () => {
  it('opens a store written by the previous version, migrates it, and records the version', async () => {
    const dir = await copyOfFixture();
    const warnings: string[] = [];
    const store = new LowdbChatStore({ dir, log: { warn: (_d, msg) => void warnings.push(msg) } });
    await store.open();
    expect(store.upgradedFrom).toBe(1);
    expect(warnings).toEqual([]);
    expect((await store.getSite('demo'))?.name).toBe('Atelier Lune');
    const [agent] = await store.listAgents('demo');
    expect(agent).toMatchObject({ email: 'camille@shop.example', siteIds: ['demo'] });
    expect(await store.listCannedReplies('demo')).toEqual([]);
    expect((await store.listMessages('aConv0000001')).map((m) => m.text)).toEqual(['Où est mon colis ?', "Votre numéro de suivi est dans l'e-mail d'expédition."]);
    expect((await store.getVisitor('aVisitor0001'))?.currentConversationId).toBe('aConv0000001');
    // Still works as a store: an append takes the next seq.
    const { message } = await store.appendMessage('aConv0000001', { author: 'visitor', text: 'Merci', clientId: 'client-0002' });
    expect(message.seq).toBe(3);
    await store.close();
    const core = JSON.parse(await readFile(join(dir, 'core.json'), 'utf8')) as { schemaVersion: number };
    expect(core.schemaVersion).toBe(SCHEMA_VERSION);

    // Opened again: nothing to migrate, the data is there.
    const again = new LowdbChatStore({ dir, log: { warn: (_d, msg) => void warnings.push(msg) } });
    await again.open();
    expect(again.upgradedFrom).toBeNull();
    expect(warnings).toEqual([]);
    expect(await again.listMessages('aConv0000001')).toHaveLength(3);
    await again.close();
  });

  it('refuses a store written by a newer version, saying what to do', async () => {
    const dir = await copyOfFixture();
    const core = JSON.parse(await readFile(join(dir, 'core.json'), 'utf8'));
    await writeFile(join(dir, 'core.json'), JSON.stringify({ ...core, schemaVersion: SCHEMA_VERSION + 1 }));
    const store = new LowdbChatStore({ dir, log: quiet });
    await expect(store.open()).rejects.toThrow(/written by a newer Bulle .*restore a backup/);
  });

  it('a new store records the current version from its first write', async () => {
    const d = await tempDir();
    dirs.push(d);
    const store = new LowdbChatStore({ dir: d.dir, log: quiet });
    await store.open();
    await store.putSite({ id: 's1', name: 'S', languages: ['en'], defaultLanguage: 'en', allowedOrigins: [], faqDir: 'faq/data/starter', createdAt: 1 });
    await store.close();
    expect(JSON.parse(await readFile(join(d.dir, 'core.json'), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
  });
});
