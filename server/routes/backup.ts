// `npm run backup -- <dir>` while the server runs: the script reads the token this plugin writes
// in the data folder (readable by the server's user only) and asks for a snapshot of the store;
// the server takes it at one instant and writes it (storage/snapshot.ts). Whoever can read the
// token can read the data folder itself, so the token gives nothing more.
import { writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { ERR } from '../../protocol/events.js';
import { BackupBodySchema, type BackupBody } from '../../protocol/schemas.js';
import { AppError } from '../services/app-error.js';
import { newToken } from '../services/secrets.js';
import { LowdbChatStore } from '../storage/lowdb-chat-store.js';
import { writeSnapshot } from '../storage/snapshot.js';

export const BACKUP_TOKEN_FILE = 'backup.token';

const backupRoutes: FastifyPluginAsync = async (app) => {
  const store = app.store;
  const dataDir = app.config.dataDir;
  // PostgreSQL has its own tools (pg_dump); a store in memory has nothing to back up.
  if (!(store instanceof LowdbChatStore) || !dataDir) return;
  const token = newToken();
  await writeFile(join(dataDir, BACKUP_TOKEN_FILE), token + '\n', { mode: 0o600 });
  const expected = Buffer.from(`Bearer ${token}`);

  app.post<{ Body: BackupBody }>('/api/backup', { schema: { body: BackupBodySchema } }, async (req) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError(ERR.unauthorized, `Send the token of ${BACKUP_TOKEN_FILE} in the data folder`);
    if (!isAbsolute(req.body.dir)) throw new AppError(ERR.badPayload, 'The backup folder must be an absolute path');
    const summary = await writeSnapshot(await store.snapshot(), req.body.dir, dataDir).catch((err: Error) => {
      throw new AppError(ERR.badPayload, err.message);
    });
    req.log.info(summary, 'backup written');
    return summary;
  });
};
export default backupRoutes;
