// Preloaded into the server by `bench:load --mem-trace` (node --import): every 250 ms the main
// thread's heap (total, used), its external and ArrayBuffer memory and the RSS, as JSON lines
// appended to $BULLE_MEM_TRACE. What RSS holds beyond the main heap is the rest of the process:
// node itself, the bot's thread and its heap, malloc'd buffers. Only the main thread samples.
// @ts-check
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = isMainThread ? process.env.BULLE_MEM_TRACE : undefined;
if (file) {
  const t0 = Date.now();
  const mb = (/** @type {number} */ x) => Math.round((x / 1048576) * 10) / 10;
  setInterval(() => {
    const m = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ t: Date.now() - t0, rss: mb(m.rss), heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) })}\n`);
  }, 250).unref();
}
