// The bot thread's entry (bots.ts starts it): one engine, answering the server thread's requests
// in order. Errors go back with the request they belong to; the thread itself keeps running.
import { parentPort, workerData } from 'node:worker_threads';
import { createBotEngine } from './engine.js';
import type { BotRequestMsg, BotResponseMsg } from './messages.js';

const engine = createBotEngine({ cacheSize: (workerData as { cacheSize?: number } | undefined)?.cacheSize });
const port = parentPort!;

// One at a time: a site being loaded is ready before the next request (a think for it) runs.
let queue: Promise<unknown> = Promise.resolve();
port.on('message', (m: BotRequestMsg) => {
  queue = queue.then(() => handle(m)).then(
    (value) => port.postMessage({ id: m.id, ok: true, value } satisfies BotResponseMsg),
    (err: unknown) => port.postMessage({ id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies BotResponseMsg),
  );
});

async function handle(m: BotRequestMsg): Promise<unknown> {
  switch (m.op) {
    case 'site':
      return engine.addSite(m.site);
    case 'detect':
      return engine.detect(m.siteId, m.text, m.hints);
    case 'think':
      return engine.think(m.req);
  }
}
