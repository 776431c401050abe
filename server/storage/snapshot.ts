// A backup of the embedded store: the records of one instant (LowdbChatStore.snapshot) written
// as a data folder of their own, plus the sites' FAQ folders, plus a manifest (backup.json).
// It is written beside the target and renamed into place, so a backup folder is whole or absent.
// Restoring is copying it in place of DATA_DIR while the server is stopped (docs/deployment.md).
import { cp, mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SnapshotFile } from './lowdb-chat-store.js';
import { SCHEMA_VERSION } from './schema-version.js';

export interface BackupSummary {
  dir: string;
  createdAt: string;
  schemaVersion: number;
  conversations: number;
  messages: number;
  visitors: number;
}

/** Files written at once: many small ones, whose latency overlaps. */
const PARALLEL_WRITES = 8;

async function emptyOrAbsent(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

export async function writeSnapshot(files: SnapshotFile[], target: string, dataDir: string | null): Promise<BackupSummary> {
  if (!(await emptyOrAbsent(target))) throw new Error(`${target} is not empty: back up into a new folder`);
  const createdAt = new Date().toISOString();
  const tmp = join(dirname(target), `.${target.split(/[\\/]/).pop()}.${randomBytes(4).toString('hex')}.partial`);
  const summary: BackupSummary = { dir: target, createdAt, schemaVersion: SCHEMA_VERSION, conversations: 0, messages: 0, visitors: 0 };
  try {
    for (const sub of ['visitors', 'conversations']) await mkdir(join(tmp, sub), { recursive: true });
    const queue = files.slice();
    const worker = async () => {
      for (let file = queue.pop(); file; file = queue.pop()) {
        const data = file.data as { messages?: unknown[]; visitors?: unknown[] };
        if (file.path[0] === 'conversations') {
          summary.conversations++;
          summary.messages += data.messages?.length ?? 0;
        }
        if (file.path[0] === 'visitors') summary.visitors += data.visitors?.length ?? 0;
        await writeFile(join(tmp, ...file.path), JSON.stringify(file.data));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_WRITES }, worker));
    // The merchants' FAQ files live beside the store (services/sites/site-creation.ts).
    if (dataDir && existsSync(join(dataDir, 'faq'))) await cp(join(dataDir, 'faq'), join(tmp, 'faq'), { recursive: true });
    await writeFile(join(tmp, 'backup.json'), JSON.stringify(summary, null, 2) + '\n');
    if (existsSync(target)) await rmdir(target);
    await rename(tmp, target);
    return summary;
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
