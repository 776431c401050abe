// The bot thread's entry (bots.ts starts it): one engine, answering the server thread's requests
// in order. Errors go back with the request they belong to; the thread itself keeps running.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { releaseBuildMemos } from '../../faq/index.js';
import { createBotEngine } from './engine.js';
import { fullCollection } from './full-collection.js';
import type { BotRequestMsg, BotResponseMsg } from './messages.js';

/** Nice value of the bot thread (0 = the server thread's, 19 = lowest). */
const BOT_NICE = 10;

lowerPriority();
const engine = createBotEngine({ cacheSize: (workerData as { cacheSize?: number } | undefined)?.cacheSize });
const port = parentPort!;

// One at a time: a site being loaded is ready before the next request (a think for it) runs.
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
/** The sites the thread started with are built (later builds are FAQ edits, and come in runs). */
let started = false;
let settle: ReturnType<typeof setTimeout> | undefined;
port.on('message', (m: BotRequestMsg) => {
  waiting++;
  if (settle) clearTimeout(settle);
  queue = queue
    .then(() => handle(m))
    .then(
      (value) => port.postMessage({ id: m.id, ok: true, value } satisfies BotResponseMsg),
      (err: unknown) => port.postMessage({ id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies BotResponseMsg),
    )
    .then(() => {
      waiting--;
      if ((m.op === 'site' || m.op === 'reload') && waiting === 0) settle = setTimeout(afterBuilding, started ? 0 : START_SETTLE_MS);
    });
});

/** The server adds its sites one after another: the start is over when none came for this long. */
const START_SETTLE_MS = 2_000;

/**
 * Building indexes allocates several times what they keep, and under steady traffic the thread
 * allocates too little for V8 to collect that soon: the garbage goes at once. What every site's
 * build shares is kept for FAQ edits, which come in runs; the start's copy would otherwise stay
 * minutes, through the first traffic.
 */
function afterBuilding(): void {
  settle = undefined;
  if (!started) releaseBuildMemos();
  started = true;
  fullCollection();
}

async function handle(m: BotRequestMsg): Promise<unknown> {
  switch (m.op) {
    case 'site':
      return engine.addSite(m.site);
    case 'think':
      return engine.think(m.req);
    case 'reload':
      return engine.reloadSite(m.siteId, m.additions, m.edits);
    case 'entries':
      return engine.entries(m.siteId);
    case 'faq':
      return engine.faq(m.siteId, m.lang);
    case 'test':
      return engine.test(m.req);
  }
}

/**
 * When the machine is short of CPU, the server thread (acks, agents' and visitors' messages to
 * each other, routing) goes first and bot answers wait: on Linux a thread has a nice value of its
 * own, set through its thread id. Elsewhere, or where it is refused, the thread runs as it is.
 */
function lowerPriority(): void {
  try {
    const tid = Number(/\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    if (tid > 0) setPriority(tid, BOT_NICE);
  } catch {
    // Not Linux, or not allowed: same priority as the server thread.
  }
}
