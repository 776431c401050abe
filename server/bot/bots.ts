// The server thread's handle on the bot (engine.ts). By default the engine runs on a worker
// thread: matching and language detection were a third of the server thread's time under load
// (bench:load --cpu-prof), and with them elsewhere the sockets, the store and routing keep that
// thread to themselves. BULLE_BOT_THREAD=false runs the engine inline (one thread, as before).
// Either way the calls are async, in order, and a site is known to the bot before its first message.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FaqEntrySummary, FaqTestResult } from '../../protocol/types.js';
import type { CatalogAddition } from './catalog-additions.js';
import type { CatalogEdit } from './catalog-edits.js';
import type { BotEngine, BotSite, FaqLangView, FaqQuestions, TestRequest, ThinkRequest, Thought } from './engine.js';
import type { BotRequestMsg, BotResponseMsg } from './messages.js';

export interface Bots {
  /** Load the site's FAQ (again, if it changed) and say its questions; rejects with the FAQ loader's error. */
  addSite(site: BotSite): Promise<FaqQuestions>;
  /**
   * The site's FAQ files (as read by addSite) plus these active additions, from the next message
   * on: no restart, and the matcher's cache of the old FAQ is dropped.
   */
  /** With `edits` (the FAQ editor's latest versions), those too; without, the site keeps the edits it has. */
  reloadSite(siteId: string, additions: CatalogAddition[], edits?: CatalogEdit[]): Promise<void>;
  /** The site's FAQ entries as the bot uses them (files + edits + additions). */
  entries(siteId: string): Promise<FaqEntrySummary[]>;
  /** One FAQ language of the site, for the FAQ editor (null: no FAQ in that language). */
  faq(siteId: string, lang: string): Promise<FaqLangView | null>;
  think(req: ThinkRequest): Promise<Thought>;
  /** A question tried in the FAQ editor: the decision and every candidate's scores. */
  test(req: TestRequest): Promise<FaqTestResult>;
  close(): Promise<void>;
}

export interface BotsOptions {
  /** faq/matcher.ts cache entries per site language (BULLE_BOT_CACHE). */
  cacheSize?: number;
  /**
   * A question (think, entries) the thread has not answered by then fails (and the thread is
   * replaced); the visitor is handed to a person. Counted from when the thread has its sites, so
   * a thread still starting (compiling, loading FAQs on a busy machine) does not eat into it.
   */
  timeoutMs?: number;
  /** Loading a site's FAQ (indexes, warm-up): seconds of CPU, more on a busy machine. */
  loadTimeoutMs?: number;
}

/** The engine in this thread, loaded on first use (so thread mode never loads the FAQ code here). */
export function createInlineBots({ cacheSize }: BotsOptions = {}): Bots {
  let engine: Promise<BotEngine> | null = null;
  const get = () => (engine ??= import('./engine.js').then((m) => m.createBotEngine({ cacheSize })));
  return {
    addSite: async (site) => (await get()).addSite(site),
    reloadSite: async (siteId, additions, edits) => (await get()).reloadSite(siteId, additions, edits),
    entries: async (siteId) => (await get()).entries(siteId),
    faq: async (siteId, lang) => (await get()).faq(siteId, lang),
    think: async (req) => (await get()).think(req),
    test: async (req) => (await get()).test(req),
    close: async () => {},
  };
}

/**
 * A built server runs bot-thread.js as it is. From the TypeScript sources (tsx, vitest) the thread
 * loads it through tsx's API: `--import tsx` in a worker's execArgv does not reach its entry file.
 */
function startThread(workerData: { cacheSize?: number }): Worker {
  // No inherited flags (tsx's loader does not work there), except a CPU profile asked for the
  // process (bench:load --server-node-args "--cpu-prof …"): the bot thread then writes its own.
  const opts = {
    workerData,
    execArgv: process.execArgv.filter((a) => a.startsWith('--cpu-prof')),
    // V8 sizes a thread's young generation for throughput; the bot's garbage is small and
    // short-lived: 8 MB cost ~5 % of its speed and saved ~20 MB of the idle server's RSS.
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./bot-thread.js', import.meta.url), opts);
  // The package's ESM build (require.resolve finds the CommonJS one, which fails when imported here).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./bot-thread.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { ...opts, eval: true });
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
type Request = BotRequestMsg extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

/** `thread()`: the current worker, if started (for tests and diagnostics). */
export function createThreadBots({ cacheSize, timeoutMs = 10_000, loadTimeoutMs = 120_000 }: BotsOptions = {}): Bots & { thread(): Worker | null } {
  // Sites are sent again to a replacement thread before anything else.
  const sites = new Map<string, BotSite>();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let worker: Worker | null = null;
  /** Settles when the current thread has loaded every known site (whether or not each load worked). */
  let ready: Promise<unknown> = Promise.resolve();
  let closed = false;

  const stopped = (w: Worker, why: string) => {
    if (worker !== w) return;
    worker = null;
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new Error(`bot thread ${why}`));
      pending.delete(id);
    }
  };

  const spawn = (): Worker => {
    const w = startThread({ cacheSize });
    // The sockets keep the process alive; an idle bot thread should not.
    w.unref();
    w.on('message', (m: BotResponseMsg) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error));
    });
    w.on('error', (err) => stopped(w, `failed: ${err.message}`));
    w.on('exit', (code) => stopped(w, `exited (${code})`));
    ready = Promise.allSettled([...sites.values()].map((site) => post(w, { op: 'site', site })));
    return w;
  };

  function post<T>(w: Worker, req: Request): Promise<T> {
    const id = nextId++;
    const cap = req.op === 'site' ? loadTimeoutMs : timeoutMs;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`bot thread: no answer in ${cap} ms`));
        // Stuck (a runaway input?): replace it rather than queue behind it.
        if (worker === w) void w.terminate();
      }, cap);
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      w.postMessage({ ...req, id });
    });
  }

  const call = async <T>(req: Request): Promise<T> => {
    if (closed) throw new Error('bot thread closed');
    const w = (worker ??= spawn());
    // A question waits for the sites a new thread is loading; a site load goes straight in.
    if (req.op !== 'site') await ready;
    if (closed || worker !== w) throw new Error('bot thread stopped while starting');
    return post<T>(w, req);
  };

  return {
    async addSite(site) {
      const questions = await call<FaqQuestions>({ op: 'site', site });
      sites.set(site.id, site);
      return questions;
    },
    async reloadSite(siteId, additions, edits) {
      // First, so a replacement thread (started by this call or a later one) loads them too.
      const site = sites.get(siteId);
      if (site) sites.set(siteId, { ...site, additions, ...(edits ? { edits } : {}) });
      await call<void>({ op: 'reload', siteId, additions, ...(edits ? { edits } : {}) });
    },
    entries: (siteId) => call<FaqEntrySummary[]>({ op: 'entries', siteId }),
    faq: (siteId, lang) => call<FaqLangView | null>({ op: 'faq', siteId, lang }),
    think: (req) => call<Thought>({ op: 'think', req }),
    test: (req) => call<FaqTestResult>({ op: 'test', req }),
    thread: () => worker,
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
