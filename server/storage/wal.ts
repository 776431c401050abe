// The write-ahead log of the embedded store (lowdb-chat-store.ts). Every group-commit flush
// appends ONE batch to `wal.log` with one write (and one fsync when asked): the records that
// changed, as JSON lines, then an end line holding their count. The lowdb shards stay the
// durable snapshot; compaction rewrites the dirty shards in the background and drops the logs
// they cover. Rotation renames `wal.log` to `wal.<n>.log` (n grows), so replay order is
// wal.1.log, wal.2.log, … then wal.log.
//
// The end line also holds the CRC-32 of the batch's lines, so a damaged batch (a flipped byte,
// not only a torn tail) is detected rather than guessed at; wal-reader.ts reads logs back, old
// ones without the checksum too. A batch torn by a crash mid-append (never acknowledged) is
// ignored whole. Replay is idempotent: entity records are full state, message records are
// skipped when the conversation already holds their seq.
import { readdirSync } from 'node:fs';
import { open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { scanLogFileSync, scanLogText } from './wal-reader.js';

import type { WalRecord } from './wal-record.js';

export type { WalRecord };

const CURRENT = 'wal.log';
const ROTATED = /^wal\.(\d+)\.log$/;

/** One batch, ready to append: the records as JSON lines, then the end line with their count and CRC-32. */
export function encodeBatch(lines: string[]): Buffer {
  const body = Buffer.from(`${lines.join('\n')}\n`);
  return Buffer.concat([body, Buffer.from(`${JSON.stringify({ k: 'end', n: lines.length, crc: crc32(body) })}\n`)]);
}

/** The complete batches of a log's text, in order (torn or damaged parts left out). */
export function parseLog(text: string): WalRecord[][] {
  return scanLogText(text).batches;
}

/** Log files of a data dir in replay order, with their rotation numbers (wal.log last, as Infinity). */
export async function listLogs(dir: string): Promise<{ name: string; n: number }[]> {
  return sortLogs(await readdir(dir).catch(() => [] as string[]));
}
function sortLogs(names: string[]): { name: string; n: number }[] {
  const out: { name: string; n: number }[] = [];
  for (const name of names) {
    const m = ROTATED.exec(name);
    if (m) out.push({ name, n: Number(m[1]) });
    else if (name === CURRENT) out.push({ name, n: Infinity });
  }
  return out.sort((a, b) => a.n - b.n);
}

/** Synchronously, every complete batch in a data dir's logs, in order (tests: "what a kill -9 now leaves"). */
export function readLogsSync(dir: string): WalRecord[][] {
  return sortLogs(readdirSync(dir)).flatMap(({ name }) => {
    try {
      return scanLogFileSync(join(dir, name)).batches;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []; // dropped by a compaction meanwhile
      throw err;
    }
  });
}

/** The appending side: one open `wal.log`, rotated on compaction or after a failed write. */
export class WriteAheadLog {
  private handle: FileHandle | null = null;
  /** Bytes appended to the current `wal.log` by this process. */
  bytes = 0;

  constructor(
    private readonly dir: string,
    private readonly fsync: boolean,
    /** Highest rotation number used so far. */
    private gen: number,
  ) {}

  /** Append one encoded batch; resolves once it is written (and fsynced when asked). */
  async append(buf: Buffer): Promise<void> {
    try {
      const handle = (this.handle ??= await this.create());
      let off = 0;
      while (off < buf.length) off += (await handle.write(buf, off, buf.length - off)).bytesWritten;
      if (this.fsync) await handle.datasync();
      this.bytes += buf.length;
    } catch (err) {
      // Whatever part was written must not run into the next batch: start a fresh file.
      await this.rotate().catch(() => {});
      throw err;
    }
  }

  /** Open a fresh `wal.log`; with fsync, its directory entry (and the last rotation's rename) is made durable too. */
  private async create(): Promise<FileHandle> {
    const handle = await open(join(this.dir, CURRENT), 'a');
    if (this.fsync) {
      const dir = await open(this.dir, 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    }
    return handle;
  }

  /** Close `wal.log` and rename it `wal.<n>.log`; returns n (every log up to n is then closed). */
  async rotate(): Promise<number> {
    const handle = this.handle;
    this.handle = null;
    this.bytes = 0;
    if (handle) await handle.close();
    const n = ++this.gen;
    await rename(join(this.dir, CURRENT), join(this.dir, `wal.${n}.log`)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    return n;
  }

  /** Delete the rotated logs up to n (their changes are in the shards now), except those in `keep`. */
  async removeUpTo(n: number, keep: ReadonlySet<string> = new Set()): Promise<void> {
    for (const log of await listLogs(this.dir)) if (log.n <= n && !keep.has(log.name)) await rm(join(this.dir, log.name), { force: true });
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }
}
