// What an admin waits for in the FAQ editor: `npx tsx bench/faq-editor.ts [runs]`. The real
// server on a loopback port 0 (the bot on its own thread, the demo FAQ, the store in memory);
// an admin saves one French entry `runs` times (each save stores a version and rebuilds the
// bot's FAQ before answering), reads the list, and tests a question; then a visitor's answer is
// timed right after a save. Prints the times, then one JSON line.
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { NS, SERVER_EVT, VISITOR_CMD } from '../protocol/events.js';
import type { FaqEditorEntry, Message } from '../protocol/types.js';
import { buildServer } from '../server/app.js';
import { createConfig } from '../server/config.js';
import { summarize, table } from './lib/stats.js';

const runs = Math.max(1, Math.min(100, Number(process.argv.slice(2).find((a) => a !== '--') ?? 10) || 10));
const config = createConfig({ port: 0, host: '127.0.0.1', dataDir: null, logLevel: 'silent', botTimeoutMs: 60_000 });
const app = await buildServer(config);
await app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const login = await fetch(`${url}/api/agent/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'alex@demo.bulle.chat', password: 'demo-alex' }) });
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const FR = `${url}/api/admin/faq/demo/fr`;
const call = async <T>(method: string, path: string, body?: unknown): Promise<{ ms: number; json: T }> => {
  const t = performance.now();
  const res = await fetch(path, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return { ms: performance.now() - t, json };
};

const saves: number[] = [];
const lists: number[] = [];
const tests: number[] = [];
let { json: entry } = await call<FaqEditorEntry>('GET', `${FR}/entries/gift-cards`);
for (let i = 0; i < runs; i++) {
  const save = await call<FaqEditorEntry>('PUT', `${FR}/entries/gift-cards`, { version: entry.item.version, entry: { ...entry.entry, answers: [`Réponse numéro ${i}.`] } });
  saves.push(save.ms);
  entry = save.json;
  lists.push((await call('GET', `${FR}/entries`)).ms);
  tests.push((await call('POST', `${url}/api/admin/faq/demo/test`, { text: 'Proposez-vous des cartes cadeaux ?' })).ms);
}

// A visitor right after a save: the first answer from the rebuilt FAQ.
const visitor = io(url + NS.visitor, { transports: ['websocket'], auth: { siteId: 'demo', languages: ['fr-FR'] }, reconnection: false, forceNew: true });
await new Promise<void>((r) => visitor.once('connect', () => r()));
await call('PUT', `${FR}/entries/gift-cards`, { version: entry.item.version, entry: { ...entry.entry, answers: ['Après la dernière sauvegarde.'] } });
const t = performance.now();
const answered = new Promise<Message>((resolve) => visitor.on(SERVER_EVT.messageCreated, (m: Message) => m.author === 'bot' && resolve(m)));
visitor.emit(VISITOR_CMD.messageSend, { clientId: 'bench-faq-editor-1', text: 'Proposez-vous des cartes cadeaux ?' }, () => {});
const m = await answered;
const firstAnswerMs = performance.now() - t;
visitor.close();
await app.close();

const ms = (v: number) => Number(v.toFixed(1));
const [save, list, test] = [summarize(saves), summarize(lists), summarize(tests)];
console.log(
  table([
    ['step', 'p50 ms', 'max ms'],
    [`save an entry (${runs} runs: version, rebuild, answer)`, ms(save.p50), ms(save.max)],
    ['list the language', ms(list.p50), ms(list.max)],
    ['test a question', ms(test.p50), ms(test.max)],
    [`a visitor's first answer after a save (${m.text === 'Après la dernière sauvegarde.' ? 'the new one' : 'NOT the new one'})`, ms(firstAnswerMs), ms(firstAnswerMs)],
  ]),
);
console.log(JSON.stringify({ runs, saveP50Ms: ms(save.p50), saveMaxMs: ms(save.max), listP50Ms: ms(list.p50), testP50Ms: ms(test.p50), firstAnswerMs: ms(firstAnswerMs), newAnswer: m.text === 'Après la dernière sauvegarde.' }));
