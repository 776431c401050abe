// `npm run setup -- --site-name "…" --languages fr,en --origin https://shop.example --admin-email …`
// The first-run setup without a browser (what /console/setup does): the first admin and the shop's
// site with its starter FAQ, in DATA_DIR (./data by default). The password is read from standard
// input or from --password-file, never from an argument (arguments show in `ps` and shell history).
// Run it with the server stopped: two processes must not write one store.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { SiteCreateSchema, type SiteCreate } from '../protocol/schemas.js';
import { configFromEnv } from '../server/config.js';
import { LowdbChatStore } from '../server/storage/lowdb-chat-store.js';
import { checkAdmin, createAdmin, createSite, hasAdmin, snippetFor } from '../server/services/sites/site-creation.js';

const USAGE = `usage: npm run setup -- --site-name "My shop" --languages fr,en --origin https://shop.example --admin-email me@shop.example
  [--admin-name "Me"] [--site-id my-shop] [--default-language fr] [--origin …]… [--password-file FILE] [--public-url https://chat.shop.example]
  The password is read from standard input (one line), or from --password-file.`;

function fail(message: string): never {
  console.error(`setup: ${message}`);
  process.exit(1);
}

async function readPassword(file: string | undefined): Promise<string> {
  if (file) return (await readFile(file, 'utf8')).split(/\r?\n/)[0] ?? '';
  if (process.stdin.isTTY) return readHidden('Admin password (not shown): ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

/** On a terminal: what is typed stays off the screen (raw mode, one key at a time). */
function readHidden(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  let typed = '';
  return new Promise((resolve) => {
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\u0003') process.exit(130);
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.off('data', onData);
          stdin.pause();
          process.stderr.write('\n');
          return resolve(typed);
        }
        typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** Whether a server answers on the configured port (then it holds the store). */
async function serverRunning(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1500) });
    return res.ok;
  } catch {
    return false;
  }
}

const { values } = parseArgs({
  options: {
    'site-name': { type: 'string' },
    'site-id': { type: 'string' },
    languages: { type: 'string' },
    'default-language': { type: 'string' },
    origin: { type: 'string', multiple: true },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
    'password-file': { type: 'string' },
    'public-url': { type: 'string' },
    help: { type: 'boolean' },
  },
  strict: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values['site-name'] || !values.languages || !values['admin-email']) fail(`--site-name, --languages and --admin-email are needed\n${USAGE}`);

let config;
try {
  config = configFromEnv(process.env);
} catch (err) {
  fail((err as Error).message);
}
if (!config.dataDir) fail('DATA_DIR is needed');
if (await serverRunning(config.port)) fail(`a server answers on port ${config.port}: stop it first (two processes must not write one store), or open the setup link it printed`);

const languages = values.languages.split(',').map((l) => l.trim()).filter(Boolean);
const input: SiteCreate = {
  name: values['site-name'],
  ...(values['site-id'] ? { id: values['site-id'] } : {}),
  languages: languages as SiteCreate['languages'],
  defaultLanguage: (values['default-language'] ?? languages[0]) as SiteCreate['defaultLanguage'],
  allowedOrigins: values.origin ?? [],
};
const errors = [...TypeCompiler.Compile(SiteCreateSchema).Errors(input)].map((e) => `${e.path}: ${e.message}`);
if (errors.length) fail(`${errors.join('; ')} (languages: fr, en, es, de)`);
const email = values['admin-email'];
const admin = { name: values['admin-name'] ?? email.split('@')[0]!, email, password: await readPassword(values['password-file']) };

const store = new LowdbChatStore({ dir: config.dataDir, fsync: true });
await store.open();
try {
  if (await hasAdmin(store)) fail(`${config.dataDir} has an admin already: add sites from the console (Sites), as that admin`);
  await checkAdmin(store, admin, input.name);
  const site = await createSite(store, config.dataDir, input);
  const agent = await createAdmin(store, admin, site);
  await store.close();
  const base = values['public-url'] ?? `http://localhost:${config.port}`;
  console.log(
    [
      `Created the site "${site.name}" (id ${site.id}; languages ${site.languages.join(', ')}; allowed origins ${site.allowedOrigins.join(', ') || 'none yet'})`,
      `and its admin ${agent.email}, in ${config.dataDir}.`,
      `Starter FAQ (drafts to adapt): ${config.dataDir}/faq/${site.id}/`,
      '',
      "Paste this in your shop's pages:",
      `  ${snippetFor(base, site.id)}`,
      '',
      'Then start the server (NODE_ENV=production npm start) and log in at /console/.',
    ].join('\n'),
  );
} catch (err) {
  await store.close().catch(() => undefined);
  fail((err as Error).message);
}
