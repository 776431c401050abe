// The only file that listens. Reads the environment once (config.ts), starts, and on
// SIGTERM/SIGINT closes cleanly: sockets, then a final flush of the store.
import { setFlagsFromString } from 'node:v8';
import { configFromEnv } from './config.js';
import { buildServer } from './app.js';
import { DEMO_AGENTS } from './seed/demo-seed.js';
import { DEMO_ORDERS } from './seed/demo-orders.js';

const config = configFromEnv(process.env);
// Busy, V8 lets the heap grow to several times what survived its last full collection before
// collecting again; with thousands of sockets open that slack, not live data, was most of the
// server's memory under load. A cap costs more frequent full collections (figures:
// docs/2026-12-06-memory-at-10k.md). Read at every collection, so set here once.
if (config.heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${config.heapGrowingPercent}`);
const app = await buildServer(config);
await app.listen({ port: config.port, host: config.host });

const base = `http://localhost:${(app.server.address() as { port: number }).port}`;
const demo = config.seedDemo
  ? [
      '',
      'Demo agents (DEMO ONLY — public passwords, do not use in production):',
      ...DEMO_AGENTS.map((a) => `  ${a.email.padEnd(26)} ${a.password.padEnd(14)} ${a.languages.join(',')}${a.role === 'admin' ? ' (admin)' : ''}`),
      `Demo order: ask the bot "where is my order 48213?" with ${DEMO_ORDERS['48213']!.email} (docs/identity-and-orders.md).`,
    ]
  : [];
const setupLink = app.setup.link(base);
const setup = setupLink
  ? ['', 'No admin yet. Open this one-time link to create the first admin and your site', `(or stop the server and run \`npm run setup\`):`, `  ${setupLink}`]
  : [];
console.log(
  [
    '',
    `Bulle is running${config.seedDemo ? ' (demo mode)' : ''}.`,
    ...(config.seedDemo ? [`  Demo shop      ${base}/`] : []),
    `  Agent console  ${base}/console/`,
    `  Widget loader  ${base}/widget.js`,
    `  Health         ${base}/health`,
    `  Data           ${config.dataDir ?? '(in memory)'}`,
    ...demo,
    ...setup,
    '',
  ].join('\n'),
);

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing (flushing the store)`);
    app.close().then(
      () => process.exit(0),
      (err) => {
        app.log.error({ err }, 'close failed');
        process.exit(1);
      },
    );
  });
}
