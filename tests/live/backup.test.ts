// `npm run backup` under load: visitors keep writing while the script asks the running server for
// a snapshot; the backup, opened as a store, holds every message acknowledged before the backup
// began. Restoring it is starting a server on a copy of it. Without a server, the script reads
// the data folder itself.
import { spawn } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorSendResult } from '../../protocol/types.js';
import { LowdbChatStore } from '../../server/storage/lowdb-chat-store.js';
import { SCHEMA_VERSION } from '../../server/storage/schema-version.js';
import { ack, clientId, closeClients, connectVisitor, startServer, tempDir, waitFor, type TestServer } from '../helpers/server.js';

const VISITORS = 8;
/** Each visitor's loop stops after this many messages at most (and when told to). */
const MAX_PER_VISITOR = 400;
const dirs: { dir: string; remove(): Promise<void> }[] = [];
const servers: TestServer[] = [];
const fresh = async () => {
  const d = await tempDir();
  dirs.push(d);
  return d.dir;
};
afterEach(() => closeClients());
afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined);
  for (const d of dirs) await d.remove();
});

function runBackup(dir: string, env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', dir], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    // A script that hangs fails the test instead of holding it (a cold tsx start is seconds).
    const cap = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code) => {
      clearTimeout(cap);
      resolve({ code, out });
    });
  });
}

describe('npm run backup', () => {
  it('taken under load, restores every message acknowledged before it began', async () => {
    const dataDir = await fresh();
    // Few messages in memory: most conversations' older messages are in their shards only, and the backup reads them there.
    const server = await startServer({ dataDir, visitorMessagesPerSecond: 10_000, visitorMessageBurst: 10_000, botThread: false, maxMessagesInMemory: 50 });
    servers.push(server);
    const port = new URL(server.url).port;
    const acked: { conversationId: string; id: string; at: number }[] = [];
    let stop = false;
    const visitors: Socket[] = [];
    for (let i = 0; i < VISITORS; i++) {
      const v = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
      await waitFor(v, 'connect');
      visitors.push(v);
    }
    // 1. Load: every visitor writes as fast as its acks come back (bounded in count).
    const loops = visitors.map(async (v, i) => {
      for (let n = 0; n < MAX_PER_VISITOR && !stop; n++) {
        const res = await ack<VisitorSendResult>(v, VISITOR_CMD.messageSend, { clientId: clientId(), text: `visitor ${i} note ${n}: is my parcel on its way?` });
        if (res.ok) acked.push({ conversationId: res.data.message.conversationId, id: res.data.message.id, at: performance.now() });
      }
    });
    await expect.poll(() => acked.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(200);

    // 2. The backup begins while the load runs.
    const backupDir = join(await fresh(), 'backup');
    const began = performance.now();
    const run = await runBackup(backupDir, { DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1' });
    const during = acked.filter((a) => a.at > began).length;
    stop = true;
    await Promise.all(loops);
    expect(run.out).toMatch(/taken by the running server/);
    expect(run.code).toBe(0);
    expect(during).toBeGreaterThan(0);

    // 3. The backup, opened as a store: every message acknowledged before it began.
    const before = acked.filter((a) => a.at < began);
    expect(before.length).toBeGreaterThanOrEqual(200);
    const restored = new LowdbChatStore({ dir: backupDir, log: { warn: () => undefined } });
    await restored.open();
    const ids = new Map<string, Set<string>>();
    for (const a of before) {
      if (!ids.has(a.conversationId)) ids.set(a.conversationId, new Set((await restored.listMessages(a.conversationId, 0, 100_000)).map((m) => m.id)));
    }
    const missing = before.filter((a) => !ids.get(a.conversationId)!.has(a.id));
    expect(missing).toEqual([]);
    await restored.close();
    const manifest = JSON.parse(await readFile(join(backupDir, 'backup.json'), 'utf8')) as { schemaVersion: number; conversations: number };
    expect(manifest).toMatchObject({ schemaVersion: SCHEMA_VERSION, conversations: VISITORS });

    // 4. Restore: a server started on a copy of the backup has the site, agents and chats.
    const restoredDir = await fresh();
    await cp(backupDir, restoredDir, { recursive: true });
    const again = await startServer({ dataDir: restoredDir, botThread: false });
    servers.push(again);
    const convs = await again.app.store.listConversations({ siteId: 'demo' });
    expect(convs).toHaveLength(VISITORS);
    expect((await again.app.store.listAgents('demo')).length).toBe((await server.app.store.listAgents('demo')).length);
  });

  it('without a running server, reads the data folder itself; refuses a folder that is not empty', async () => {
    const dataDir = await fresh();
    const server = await startServer({ dataDir, botThread: false });
    const v = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(v, 'connect');
    const sent = await ack<VisitorSendResult>(v, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'hello there' });
    expect(sent.ok).toBe(true);
    await server.close();
    const out = join(await fresh(), 'offline');
    const run = await runBackup(out, { DATA_DIR: dataDir, PORT: '1', HOST: '127.0.0.1' });
    expect(run.out).toMatch(/no server running/);
    expect(run.code).toBe(0);
    const again = await runBackup(out, { DATA_DIR: dataDir, PORT: '1', HOST: '127.0.0.1' });
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/not empty/);
  });
});
