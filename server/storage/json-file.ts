// A lowdb adapter that writes atomically (temp file + rename, so a crash mid-write leaves the
// previous version intact) and, when asked, fsyncs before the rename so an acknowledged write
// survives a power cut too. lowdb's own JSONFile does the rename but never fsyncs.
import { open, readFile, rename, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Adapter } from 'lowdb';

/** Folders known to exist: a mkdir per write cost a syscall on every message (bench:load). */
const madeDirs = new Set<string>();

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly fsync: boolean,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new Error(`${this.file}: not valid JSON (${(err as Error).message})`);
    }
  }

  async write(data: T): Promise<void> {
    const tmp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    const dir = dirname(this.file);
    if (!madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      madeDirs.add(dir);
    }
    const handle = await open(tmp, 'w').catch(async (err: NodeJS.ErrnoException) => {
      // The folder was deleted while the server ran: everything is still in memory, so make it again.
      if (err.code !== 'ENOENT') throw err;
      await mkdir(dir, { recursive: true });
      return open(tmp, 'w');
    });
    try {
      await handle.writeFile(JSON.stringify(data));
      if (this.fsync) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.file);
  }
}
