// What the store does with a file it cannot read at start: a shard that is truncated, not JSON or
// not shaped like a shard, or a log holding a damaged batch. One bad file must not keep the
// server down (everything else still loads), and must not be lost either: it is renamed aside
// (`<file>.corrupt`, or `<file>.<time>.corrupt` when that exists already) for a human to look
// at, never deleted, and a warning says where it broke and what it held.
import { readFile, rename, stat } from 'node:fs/promises';
import type { Message } from '../../protocol/types.js';

/** Where the store reports damage (Fastify's logger has this shape; console by default). */
export interface StoreLog {
  warn(details: Record<string, unknown>, msg: string): void;
}

export const consoleLog: StoreLog = {
  warn: (details, msg) => console.warn(`bulle: ${msg}`, details),
};

/** Rename `file` aside; returns its new path. */
export async function moveAside(file: string): Promise<string> {
  let target = `${file}.corrupt`;
  if (await exists(target)) target = `${file}.${new Date().toISOString().replace(/[:.]/g, '-')}.corrupt`;
  await rename(file, target);
  return target;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

export type ShardRead<T> =
  | { ok: true; data: T }
  | { ok: false; missing: true }
  | {
      ok: false;
      missing?: false;
      /** What is wrong with it. */
      reason: string;
      bytes: number;
      /** Where parsing stopped, when JSON.parse says (or the end, for a truncated file). */
      offset?: number;
      text: string;
    };

/** Read and check one JSON shard; `check` returns what is wrong with its shape, or null. */
export async function readShard<T>(file: string, check: (data: unknown) => string | null): Promise<ShardRead<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true };
    throw err;
  }
  const bytes = Buffer.byteLength(text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message)?.[1];
    const truncated = /end of JSON input/.test(message);
    return { ok: false, reason: `not valid JSON (${message})`, bytes, text, ...(at ? { offset: Number(at) } : truncated ? { offset: bytes } : {}) };
  }
  const wrong = check(data);
  if (wrong) return { ok: false, reason: `not a shard: ${wrong}`, bytes, text };
  return { ok: true, data: data as T };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function checkCore(data: unknown): string | null {
  if (!isObject(data)) return 'not an object';
  for (const key of ['sites', 'agents', 'sessions']) if (!Array.isArray(data[key])) return `no ${key} list`;
  return null;
}

export function checkVisitorBucket(data: unknown): string | null {
  if (!isObject(data) || !Array.isArray(data.visitors)) return 'no visitors list';
  const bad = data.visitors.findIndex((v) => !isObject(v) || typeof v.id !== 'string' || typeof v.siteId !== 'string');
  return bad >= 0 ? `visitor ${bad} has no id or site` : null;
}

export function checkConversationFile(data: unknown): string | null {
  if (!isObject(data) || !isObject(data.conversation) || typeof data.conversation.id !== 'string') return 'no conversation record';
  if (!Array.isArray(data.messages)) return 'no messages list';
  // The store finds message seq n at index n-1.
  const bad = (data.messages as Message[]).findIndex((m, i) => !isObject(m) || m.seq !== i + 1);
  return bad >= 0 ? `message ${bad} is not seq ${bad + 1}` : null;
}

/** The ids a damaged shard's text still shows (best effort: it could not be parsed). */
export function idsIn(text: string, key: string, limit = 20): string[] {
  const out = new Set<string>();
  const re = new RegExp(`"${key}":"([^"]+)"`, 'g');
  for (let m = re.exec(text); m && out.size < limit; m = re.exec(text)) out.add(m[1]!);
  return [...out];
}

/** What stands in a history for a message lost to a damaged file: an agents-only note. */
export function lostMessage(conversationId: string, seq: number, createdAt: number): Message {
  return { id: `lost-${conversationId}-${seq}`, conversationId, seq, author: 'system', text: 'A message was lost here (its stored copy was damaged).', internal: true, createdAt };
}
