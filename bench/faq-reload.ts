// What a FAQ reload costs the bot: `npx tsx bench/faq-reload.ts [runs]`. The engine (inline, as
// on the bot thread) loads the demo FAQ, then reloads it `runs` times with a growing list of
// added phrasings, as the console's "Add as a phrasing of…" does; it prints the times, then one
// JSON line. Messages wait for a reload on the bot thread, so this is the delay one can cause.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBotEngine } from '../server/bot/engine.js';
import type { CatalogAddition } from '../server/bot/catalog-additions.js';
import { summarize, table } from './lib/stats.js';

const runs = Math.max(1, Math.min(200, Number(process.argv.slice(2).find((a) => a !== '--') ?? 20) || 20));
const engine = createBotEngine();
const site = { id: 'demo', languages: ['fr', 'en', 'es', 'de'], defaultLanguage: 'fr', faqDir: join(import.meta.dirname, '..', 'faq', 'data', 'demo') };

let t = performance.now();
await engine.addSite(site);
const addSiteMs = performance.now() - t;

const additions: CatalogAddition[] = [];
const reloads: number[] = [];
const firstThinks: number[] = [];
for (let i = 0; i < runs; i++) {
  additions.push({ kind: 'phrasing', lang: 'en', faqId: 'contact', text: `can I ask about thing number ${i} here` });
  t = performance.now();
  engine.reloadSite('demo', additions);
  reloads.push(performance.now() - t);
  t = performance.now();
  engine.think({ siteId: 'demo', text: `Where is my order ${i}?`, hints: { browser: ['en'] } });
  firstThinks.push(performance.now() - t);
}
const ms = (v: number) => Number(v.toFixed(1));
const reload = summarize(reloads);
const think = summarize(firstThinks);
console.log(
  table([
    ['step', 'p50 ms', 'max ms'],
    ['addSite (read, index, warm-up)', ms(addSiteMs), ms(addSiteMs)],
    [`reloadSite (${runs} runs, 1..${runs} additions)`, ms(reload.p50), ms(reload.max)],
    ['first think after a reload', ms(think.p50), ms(think.max)],
  ]),
);
console.log(JSON.stringify({ runs, addSiteMs: ms(addSiteMs), reloadP50Ms: ms(reload.p50), reloadMaxMs: ms(reload.max), firstThinkP50Ms: ms(think.p50) }));
