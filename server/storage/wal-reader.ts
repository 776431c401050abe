// Reading the write-ahead log back (wal.ts writes it). A log is read in chunks and cut into
// lines as raw bytes, so replay never holds the whole file as one string (a 64 MB log per
// compaction, several of them after repeated crashes; V8 strings stop at ~512 MB) and every
// line's byte offset is known for the report of what was lost.
//
// A batch is its records' lines followed by an end line `{"k":"end","n":<count>,"crc":<crc32>}`.
// The end line names how many lines before it are the batch, and (since the checksum was added)
// the CRC-32 of exactly those lines' bytes, newlines included. So:
// - a batch counts when its last n lines match the checksum (older logs, written without one:
//   when those n lines are all valid records, as before);
// - anything else between two batches (a flipped byte, a lost or doubled newline, a damaged end
//   line) is corruption: reported with its offset and what it held, never guessed at;
// - what follows the last end line is a torn tail, the batch a crash cut mid-append (it was
//   never acknowledged): normal, ignored without a word. Unless its last line is a complete but
//   damaged end line: then a whole written batch lies there, and that is reported as corruption.
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { WalRecord } from './wal-record.js';

export interface EndLine {
  k: 'end';
  n: number;
  crc?: number;
}

/** A damaged stretch of a log: where it lies and what it held (as far as its lines can be read). */
export interface LostStretch {
  offset: number;
  bytes: number;
  lines: number;
  /** Records that could still be read (their batch is dropped whole all the same). */
  records: number;
  /** Lines that are not even valid JSON. */
  unreadable: number;
  conversations: string[];
  visitors: string[];
  /** Messages as `<conversationId>#<seq>`. */
  messages: string[];
  core: boolean;
}

export interface LogScan {
  batches: WalRecord[][];
  lost: LostStretch[];
  /** Bytes after the last complete batch that were ignored as a torn tail. */
  tornBytes: number;
}

const NL = 0x0a;
const NL_BUF = Buffer.from('\n');
const END_PREFIX = Buffer.from('{"k":"end"');
const KINDS = new Set(['core', 'visitor', 'conv', 'msg', 'unanswered', 'orderEvent', 'audit']);

interface Line {
  start: number;
  bytes: Buffer;
}

/** Cuts a log's bytes into lines and lines into batches; fed chunk by chunk. */
export class LogScanner {
  private carry: Buffer | null = null;
  /** File offset of the first byte not yet cut into a line. */
  private offset = 0;
  private pending: Line[] = [];
  readonly scan: LogScan = { batches: [], lost: [], tornBytes: 0 };

  constructor(private readonly onBatch?: (batch: WalRecord[]) => void) {}

  /** `chunk` must not be reused by the caller: lines keep views of it until their batch ends. */
  push(chunk: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    let from = 0;
    for (let nl = buf.indexOf(NL, from); nl !== -1; nl = buf.indexOf(NL, from)) {
      this.line({ start: this.offset, bytes: buf.subarray(from, nl) });
      this.offset += nl + 1 - from;
      from = nl + 1;
    }
    this.carry = from < buf.length ? buf.subarray(from) : null;
  }

  /**
   * The end of the file. What follows the last batch is a torn tail when it ends mid-line, or
   * when its lines are all valid records (the end line was never written). A complete last line
   * that is not a valid record (a damaged end line, say) means a written batch was damaged.
   */
  end(): LogScan {
    const tail = this.pending;
    const carry = this.carry?.length ?? 0;
    const last = tail[tail.length - 1];
    if (!carry && last && !readBatch([last], { k: 'end', n: 1 })) this.lose(tail);
    else if (tail.length || carry) this.scan.tornBytes = this.offset + carry - (tail[0]?.start ?? this.offset);
    this.pending = [];
    this.carry = null;
    return this.scan;
  }

  private line(line: Line): void {
    const end = line.bytes.subarray(0, END_PREFIX.length).equals(END_PREFIX) ? parseEnd(line.bytes) : null;
    if (!end) {
      this.pending.push(line);
      return;
    }
    const pending = this.pending;
    this.pending = [];
    const batchLines = end.n <= pending.length ? pending.slice(pending.length - end.n) : null;
    const records = batchLines && readBatch(batchLines, end);
    if (!records) {
      this.lose([...pending, line]);
      return;
    }
    if (batchLines.length < pending.length) this.lose(pending.slice(0, pending.length - batchLines.length));
    if (this.onBatch) this.onBatch(records);
    else this.scan.batches.push(records);
  }

  private lose(lines: Line[]): void {
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    const stretch: LostStretch = {
      offset: first.start,
      bytes: last.start + last.bytes.length + 1 - first.start,
      lines: lines.length,
      records: 0,
      unreadable: 0,
      conversations: [],
      visitors: [],
      messages: [],
      core: false,
    };
    for (const { bytes } of lines) describeLost(bytes.toString('utf8'), stretch);
    this.scan.lost.push(stretch);
  }
}

function parseEnd(bytes: Buffer): EndLine | null {
  try {
    const end = JSON.parse(bytes.toString('utf8')) as EndLine;
    if (end.k !== 'end' || !Number.isInteger(end.n) || end.n < 0) return null;
    if (end.crc !== undefined && !Number.isInteger(end.crc)) return null;
    // Exactly these keys: a damaged "crc" key must not pass for an old end line without one.
    if (Object.keys(end).length !== (end.crc === undefined ? 2 : 3)) return null;
    return end;
  } catch {
    return null;
  }
}

/** The batch's records, or null when its lines do not match their end line. */
function readBatch(lines: Line[], end: EndLine): WalRecord[] | null {
  if (end.crc !== undefined) {
    let crc = 0;
    for (const { bytes } of lines) crc = crc32(NL_BUF, crc32(bytes, crc));
    if (crc !== end.crc) return null;
  }
  const records: WalRecord[] = [];
  for (const { bytes } of lines) {
    let rec: WalRecord;
    try {
      rec = JSON.parse(bytes.toString('utf8')) as WalRecord;
    } catch {
      return null;
    }
    if (!rec || typeof rec !== 'object' || !KINDS.has(rec.k) || typeof rec.v !== 'object' || rec.v === null) return null;
    records.push(rec);
  }
  return records;
}

/** Adds what one lost line held to `out`: parsed if it still parses, else whatever ids show in it. */
function describeLost(text: string, out: LostStretch): void {
  let rec: WalRecord | EndLine | null = null;
  try {
    rec = JSON.parse(text);
  } catch {
    out.unreadable++;
  }
  if (rec && typeof rec === 'object' && 'v' in rec && rec.v && typeof rec.v === 'object') {
    out.records++;
    if (rec.k === 'core') out.core = true;
    else if (rec.k === 'visitor') out.visitors.push(String(rec.v.id));
    else if (rec.k === 'conv') out.conversations.push(String(rec.v.id));
    else if (rec.k === 'msg') out.messages.push(`${rec.v.conversationId}#${rec.v.seq}`);
    return;
  }
  if (rec) return; // an end line
  // A damaged line: the ids it names, best effort.
  const kind = /"k":"(\w+)"/.exec(text)?.[1];
  const conv = /"conversationId":"([^"]+)"/.exec(text)?.[1];
  const id = /"id":"([^"]+)"/.exec(text)?.[1];
  if (kind === 'msg' && conv) out.messages.push(`${conv}#${/"seq":(\d+)/.exec(text)?.[1] ?? '?'}`);
  else if (kind === 'conv' && id) out.conversations.push(id);
  else if (kind === 'visitor' && id) out.visitors.push(id);
  else if (kind === 'core') out.core = true;
}

const CHUNK = 1 << 20;

/** Streams one log file; `onBatch` gets each complete batch in order (nothing is kept). */
export async function scanLogFile(file: string, onBatch: (batch: WalRecord[]) => void): Promise<LogScan> {
  const scanner = new LogScanner(onBatch);
  const handle = await open(file, 'r');
  try {
    for (;;) {
      // A fresh buffer per read: the scanner keeps views of it (no copy per line).
      const buf = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await handle.read(buf, 0, CHUNK, null);
      if (!bytesRead) break;
      scanner.push(buf.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return scanner.end();
}

/** The same, synchronously, keeping the batches (tests: "what a kill -9 now leaves"). */
export function scanLogFileSync(file: string): LogScan {
  const scanner = new LogScanner();
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (!n) break;
      scanner.push(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return scanner.end();
}

/** A log's text, scanned (tests). */
export function scanLogText(text: string): LogScan {
  const scanner = new LogScanner();
  scanner.push(Buffer.from(text));
  return scanner.end();
}
