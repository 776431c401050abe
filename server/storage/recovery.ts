// How the embedded store starts: it loads the shards, replays the logs over them, and starts a
// compaction in the background (so a start takes the time to read, not to rewrite). A shard or
// log batch that cannot be read is set aside and reported (damaged-files.ts, wal-reader.ts);
// the rest loads. Replay is idempotent: records are full state, and a message whose seq the
// conversation holds already is skipped.
import { migrateCore, SCHEMA_VERSION } from './schema-version.js';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConversationFile, ConversationModel } from './conversation-model.js';
import type { CoreData, CoreModel } from './core-model.js';
import { checkConversationFile, checkCore, checkVisitorBucket, idsIn, lostMessage, moveAside, readShard, type StoreLog } from './damaged-files.js';
import { freezeDeep } from './freeze.js';
import { listJson, type Journal, type Shard } from './journal.js';
import type { VisitorBucket, VisitorModel } from './visitor-model.js';
import { listLogs, WriteAheadLog, type WalRecord } from './wal.js';
import { scanLogFile, type LostStretch } from './wal-reader.js';

export interface StoreParts {
  dir: string;
  fsync: boolean;
  log: StoreLog;
  core: CoreModel;
  coreShard: Shard;
  visitors: VisitorModel;
  conversations: ConversationModel;
  journal: Journal;
}

/** What replay could not restore: seqs lost before a logged message, messages of unknown conversations. */
interface ReplayLoss {
  gaps: Map<string, number[]>;
  orphans: Map<string, number>;
}

/** Returns the schema version the store was brought up from, or null when it was current. */
export async function recover(p: StoreParts): Promise<number | null> {
  const { dir, log, journal } = p;
  // Messages stay in memory until replay has ended: replay appends to them, and a shard must not
  // be written from a half-replayed state.
  p.conversations.paused = true;
  // A fresh install has no data folder yet: the first start makes it.
  await mkdir(dir, { recursive: true });
  // A kill -9 mid-write leaves a temp file beside the intact previous version: drop it.
  for (const sub of ['', 'visitors', 'conversations']) await removeTempFiles(join(dir, sub));
  const core = await readOrSetAside<CoreData>(p, ['core.json'], checkCore, () => ({ lost: 'sites, agents and sessions' }));
  if (core) p.core.data = core;
  for (const name of await listJson(join(dir, 'visitors'))) {
    const bucket = await readOrSetAside<VisitorBucket>(p, ['visitors', name], checkVisitorBucket, (text) => ({ lostVisitors: idsIn(text, 'id', 1000) }));
    if (bucket) p.visitors.load(name, bucket.visitors.map((v) => freezeDeep(v)));
  }
  // Many small files: read a few at a time (the file system's latency overlaps), add in order.
  const names = await listJson(join(dir, 'conversations'));
  const files: (ConversationFile | null)[] = new Array(names.length).fill(null);
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < names.length; i = next++) {
      files[i] = await readOrSetAside<ConversationFile>(p, ['conversations', names[i]!], checkConversationFile, (text) => ({
        lostConversation: names[i]!.slice(0, -5),
        visitor: idsIn(text, 'visitorId', 1)[0],
        messagesSeen: text.split('"seq":').length - 1,
      }));
    }
  };
  await Promise.all(Array.from({ length: 16 }, reader));
  for (let i = 0; i < names.length; i++) {
    const data = files[i];
    if (!data) continue;
    files[i] = null;
    const id = data.conversation.id;
    p.conversations.add(data.conversation, data.messages.map((m) => p.conversations.settle({ ...m, conversationId: id })), data.messages.length);
  }
  // Replay the logs in order, a batch at a time as they are read.
  const logs = await listLogs(dir);
  const damaged = new Set<string>();
  const loss: ReplayLoss = { gaps: new Map(), orphans: new Map() };
  for (const { name } of logs) {
    const scan = await scanLogFile(join(dir, name), (batch) => {
      for (const r of batch) replay(p, r, loss);
    });
    if (scan.lost.length) damaged.add(name);
    for (const stretch of scan.lost) log.warn(describeStretch(name, stretch), `storage: ${name} holds a damaged batch at byte ${stretch.offset} (${stretch.bytes} bytes, ${stretch.lines} lines): skipped, the file is kept`);
  }
  for (const [id, seqs] of loss.gaps) {
    log.warn({ conversation: id, lostSeqs: seqs }, `storage: conversation ${id} lost message(s) ${seqs.join(', ')}; marked as lost in its history (agents see a note), the messages after them are restored`);
  }
  if (loss.orphans.size) {
    const orphans = [...loss.orphans.keys()];
    log.warn({ conversations: orphans.slice(0, 50), count: orphans.length }, `storage: logged messages of ${orphans.length} conversation(s) whose record is lost were not restored`);
  }
  // An older store is brought up to date (written with the next compaction, or on close).
  const migrated = migrateCore(p.core.data);
  if (migrated.core !== p.core.data) {
    p.core.data = migrated.core;
    journal.dirty.set('core', p.coreShard);
  }
  const upgradedFrom = migrated.from === SCHEMA_VERSION ? null : migrated.from;
  // seq n sits at index n-1, whatever a torn batch left.
  for (const key of journal.dirty.keys()) {
    if (!key.startsWith('c:')) continue;
    const entry = p.conversations.get(key.slice(2))!;
    if (entry.record.lastSeq !== entry.count) entry.record = freezeDeep({ ...entry.record, lastSeq: entry.count });
  }
  p.conversations.paused = false;
  p.conversations.trim();
  const highest = logs.reduce((n, l) => (Number.isFinite(l.n) ? Math.max(n, l.n) : n), 0);
  const wal = (journal.wal = new WriteAheadLog(dir, p.fsync, highest));
  if (!logs.length) return upgradedFrom;
  // New batches go to a fresh wal.log (the replayed one may end in a torn batch). The shards
  // are rewritten in the background: a start waits for reading the data, not for writing it
  // again (bench:start), and a crash meanwhile just replays the same logs again.
  const upTo = await wal.rotate();
  for (const name of damaged) journal.damagedLogs.add(name === 'wal.log' ? `wal.${upTo}.log` : name);
  journal.compactInBackground(wal, upTo);
  return upgradedFrom;
}

/** Apply one log record to the loaded state, marking the shard it changes. */
function replay(p: StoreParts, r: WalRecord, loss: ReplayLoss): void {
  const dirty = p.journal.dirty;
  switch (r.k) {
    case 'core':
      // The audit list is logged entry by entry ('audit'), never in a core record.
      p.core.data = { ...(r.v as CoreData), audit: (r.v as CoreData).audit ?? p.core.data.audit };
      dirty.set('core', p.coreShard);
      return;
    case 'audit':
      p.core.pushAudit(r.v);
      dirty.set('core', p.coreShard);
      return;
    case 'unanswered':
      p.core.pushUnanswered(r.v);
      dirty.set('core', p.coreShard);
      return;
    case 'orderEvent':
      p.core.putOrderEvent(freezeDeep(r.v));
      dirty.set('core', p.coreShard);
      return;
    case 'visitor': {
      const { key, db } = p.visitors.put(freezeDeep(r.v));
      dirty.set(key, db);
      return;
    }
    case 'conv': {
      const entry = p.conversations.get(r.v.id);
      if (entry) p.conversations.setRecord(entry, r.v);
      dirty.set(`c:${r.v.id}`, entry ?? p.conversations.add(r.v));
      return;
    }
    case 'msg': {
      const entry = p.conversations.get(r.v.conversationId);
      if (!entry) {
        loss.orphans.set(r.v.conversationId, (loss.orphans.get(r.v.conversationId) ?? 0) + 1);
        return;
      }
      const id = entry.record.id;
      // Idempotent: a seq already held is skipped (the shard was written after this batch).
      if (r.v.seq <= entry.count) return;
      // A seq beyond the next one follows a damaged batch or shard. The messages that came
      // after it are intact and were acknowledged: the hole is filled with agents-only notes
      // saying so (seq n must sit at index n-1), and they are kept.
      for (let seq = entry.count + 1; seq < r.v.seq; seq++) {
        p.conversations.push(entry, p.conversations.settle(lostMessage(id, seq, r.v.createdAt)));
        (loss.gaps.get(id) ?? loss.gaps.set(id, []).get(id)!).push(seq);
      }
      p.conversations.push(entry, p.conversations.settle({ ...r.v, conversationId: id }));
      if (r.v.createdAt > entry.record.updatedAt) entry.record = freezeDeep({ ...entry.record, updatedAt: r.v.createdAt });
      dirty.set(`c:${id}`, entry);
      return;
    }
  }
}

/**
 * One shard's content, or null when there is none: missing, or damaged and set aside with a
 * warning saying what it held (`lost` reads what it can from the text).
 */
async function readOrSetAside<T>(p: StoreParts, path: string[], check: (data: unknown) => string | null, lost: (text: string) => Record<string, unknown>): Promise<T | null> {
  const file = join(p.dir, ...path);
  const read = await readShard<T>(file, check);
  if (read.ok) return read.data;
  if (read.missing) return null;
  const to = await moveAside(file);
  p.log.warn(
    { file, movedTo: to, reason: read.reason, bytes: read.bytes, ...(read.offset !== undefined ? { offset: read.offset } : {}), ...lost(read.text) },
    `storage: ${path.join('/')} is damaged (${read.reason}); set aside as ${to}, everything else loads (the log may still restore part of it)`,
  );
  return null;
}

/** A damaged log stretch as a warning's details (id lists capped: a report, not a dump). */
function describeStretch(log: string, s: LostStretch): Record<string, unknown> {
  const cap = (ids: string[]) => (ids.length > 50 ? [...ids.slice(0, 50), `…${ids.length - 50} more`] : ids);
  return {
    file: log,
    offset: s.offset,
    bytes: s.bytes,
    lines: s.lines,
    recordsLost: s.records,
    unreadableLines: s.unreadable,
    conversations: cap(s.conversations),
    visitors: cap(s.visitors),
    messages: cap(s.messages),
    ...(s.core ? { core: 'sites, agents, sessions' } : {}),
  };
}

async function removeTempFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.endsWith('.tmp')).map((n) => rm(join(dir, n), { force: true })));
}
