// The only file that listens. Reads the environment once (config.ts), starts, and on
// SIGTERM/SIGINT closes cleanly: sockets, then a final flush of the store.
import { configFromEnv } from './config.js';
import { buildServer } from './app.js';
import { DEMO_AGENTS } from './seed/demo-seed.js';

const config = configFromEnv(process.env);
const app = await buildServer(config);
await app.listen({ port: config.port, host: config.host });

const base = `http://localhost:${(app.server.address() as { port: number }).port}`;
const demo = config.seedDemo
  ? [
      '',
      'Demo agents (DEMO ONLY — public passwords, do not use in production):',
      ...DEMO_AGENTS.map((a) => `  ${a.email.padEnd(26)} ${a.password.padEnd(14)} ${a.languages.join(',')}${a.role === 'admin' ? ' (admin)' : ''}`),
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
