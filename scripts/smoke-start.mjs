// Proves the README's first command on this checkout, as a new user would run it: starts it
// exactly as written (no data folder is made for it), waits for /health, loads the pages a
// merchant and an agent open, does one visitor round trip (message → bot answer) over
// Socket.IO and one agent log-in with the demo credentials, then stops the server with SIGTERM.
// Exits non-zero, with the server's output, on any failure.
//
//   node scripts/smoke-start.mjs "npm install && npm start"
// PORT (default 3000) is passed to the command's environment; the command itself is untouched.
import { spawn } from 'node:child_process';
import { io } from 'socket.io-client';

const command = process.argv[2];
if (!command) {
  console.error('usage: node scripts/smoke-start.mjs "<start command>"');
  process.exit(2);
}
const port = Number(process.env.PORT ?? 3000);
const base = `http://127.0.0.1:${port}`;
// A build and a cold start on a busy CI machine: generous, but bounded.
const START_CAP_MS = Number(process.env.SMOKE_START_CAP_MS ?? 600_000);
const STEP_CAP_MS = 30_000;

const output = [];
const child = spawn('bash', ['-c', command], {
  env: { ...process.env, PORT: String(port) },
  detached: true, // its own process group: npm, vite and node all stop together
  stdio: ['ignore', 'pipe', 'pipe'],
});
for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => output.push(d.toString()));
let exited = null;
child.on('exit', (code, signal) => (exited = { code, signal }));

const step = (name) => console.log(`smoke: ${name}`);
function fail(why) {
  console.error(`smoke: FAILED: ${why}\n----- output of "${command}" -----\n${output.join('').slice(-8000)}`);
  stop().finally(() => process.exit(1));
}
async function stop() {
  if (exited) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {}
  const deadline = Date.now() + 30_000;
  while (!exited && Date.now() < deadline) await sleep(100);
  if (!exited) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function withCap(promise, ms, what) {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`${what}: no answer within ${ms / 1000} s`)))]);
}

async function get(path, expect) {
  const res = await withCap(fetch(base + path), STEP_CAP_MS, `GET ${path}`);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
  if (expect && !expect.test(body)) throw new Error(`GET ${path}: body does not match ${expect}`);
  return body;
}

async function main() {
  step(`running "${command}" (port ${port})`);
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error(`the command exited (${JSON.stringify(exited)}) before serving /health`);
    if (Date.now() - started > START_CAP_MS) throw new Error(`/health did not answer within ${START_CAP_MS / 1000} s`);
    const health = await fetch(base + '/health').then((r) => (r.ok ? r.json() : null), () => null);
    if (health?.ok) {
      step(`/health ok after ${((Date.now() - started) / 1000).toFixed(1)} s (${health.sites} site)`);
      break;
    }
    await sleep(500);
  }
  await get('/', /widget\.js/);
  await get('/widget.js');
  await get('/console/', /<html/i);
  step('/, /widget.js and /console/ served');

  // A visitor, as the widget on the demo shop connects (same-host page origin).
  const visitor = io(base + '/visitor', {
    transports: ['websocket'],
    auth: { siteId: 'demo', languages: ['en-GB'] },
    extraHeaders: { origin: base },
    reconnection: false,
    forceNew: true,
  });
  const answer = new Promise((resolve) => visitor.on('message:created', (m) => m.author === 'bot' && resolve(m)));
  await withCap(new Promise((resolve, reject) => (visitor.on('connect', resolve), visitor.on('connect_error', reject))), STEP_CAP_MS, 'visitor connect');
  const ack = await withCap(
    visitor.emitWithAck('message:send', { clientId: `smoke-${Date.now()}`, text: 'How can I track my order?', page: { url: `${base}/`, title: 'Smoke' } }),
    STEP_CAP_MS,
    'message:send',
  );
  if (!ack?.ok) throw new Error(`message:send refused: ${JSON.stringify(ack)}`);
  const bot = await withCap(answer, STEP_CAP_MS, 'bot answer');
  if (!bot.text) throw new Error('the bot answered with no text');
  step(`visitor round trip: bot ${bot.bot?.outcome ?? 'replied'}: "${bot.text.slice(0, 60)}…"`);
  visitor.close();

  // An agent log-in with the demo credentials the README prints, then the console's socket.
  const login = await withCap(
    fetch(base + '/api/agent/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'sam@demo.bulle.chat', password: 'demo-sam' }),
    }),
    STEP_CAP_MS,
    'agent log-in',
  );
  if (login.status !== 200) throw new Error(`agent log-in: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const agent = io(base + '/agent', { transports: ['websocket'], extraHeaders: { cookie, origin: base }, reconnection: false, forceNew: true });
  await withCap(new Promise((resolve, reject) => (agent.on('connect', resolve), agent.on('connect_error', reject))), STEP_CAP_MS, 'agent connect');
  const queue = await withCap(agent.emitWithAck('queue:list', {}), STEP_CAP_MS, 'queue:list');
  if (!queue?.ok) throw new Error(`queue:list refused: ${JSON.stringify(queue)}`);
  agent.close();
  step('agent log-in and console socket ok');

  await stop();
  if (!exited) throw new Error('the server did not stop on SIGTERM within 30 s');
  step(`stopped (${exited.signal ?? `exit ${exited.code}`})`);
}

main().then(
  () => process.exit(0),
  (err) => fail(err.message),
);
