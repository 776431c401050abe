// `npm run backup -- <dir>`: a consistent snapshot of the embedded store into <dir> (a new or
// empty folder), with the sites' FAQ files. While the server runs it takes the snapshot itself,
// at one instant, asked with the token it keeps in the data folder (server/routes/backup.ts);
// when no server runs, this script opens the store and writes it. Restore: docs/deployment.md.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { configFromEnv } from '../server/config.js';
import { BACKUP_TOKEN_FILE } from '../server/routes/backup.js';
import { LowdbChatStore } from '../server/storage/lowdb-chat-store.js';
import { writeSnapshot, type BackupSummary } from '../server/storage/snapshot.js';

function fail(message: string): never {
  console.error(`backup: ${message}`);
  process.exit(1);
}

const target = process.argv[2];
if (!target || target.startsWith('-')) fail('usage: npm run backup -- <dir>   (a new or empty folder)');
const dir = resolve(target);
let config;
try {
  config = configFromEnv(process.env);
} catch (err) {
  fail((err as Error).message);
}
if (config.databaseUrl) fail('this server keeps its data in PostgreSQL (DATABASE_URL): back it up with pg_dump');
const dataDir = config.dataDir;
if (!dataDir) fail('DATA_DIR is needed');

async function fromRunningServer(): Promise<BackupSummary | null> {
  const token = (await readFile(resolve(dataDir!, BACKUP_TOKEN_FILE), 'utf8').catch(() => null))?.trim();
  if (!token) return null;
  const host = config!.host === '0.0.0.0' || config!.host === '::' ? '127.0.0.1' : config!.host;
  let res: Response;
  try {
    res = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${config!.port}/api/backup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ dir }),
    });
  } catch {
    // Nothing listens: the server is stopped (the token is from its last run).
    return null;
  }
  const body = (await res.json().catch(() => ({}))) as BackupSummary & { error?: { message: string } };
  if (!res.ok) fail(body.error?.message ?? `the server answered ${res.status}`);
  return body;
}

let summary = await fromRunningServer();
let how = 'taken by the running server';
if (!summary) {
  how = 'taken from the data folder (no server running)';
  const store = new LowdbChatStore({ dir: dataDir, log: { warn: (_o, msg) => console.error(msg) } });
  await store.open();
  try {
    await store.compacted();
    summary = await writeSnapshot(await store.snapshot(), dir, dataDir);
  } finally {
    await store.close();
  }
}
console.log(
  `Backup of ${dataDir} written to ${summary.dir} (${how}): ${summary.conversations} conversations, ${summary.messages} messages, ${summary.visitors} visitors; store schema ${summary.schemaVersion}.`,
);
console.log(`Restore: stop the server, move ${dataDir} aside, copy ${summary.dir} to ${dataDir}, start.`);
