// `npm run setup` makes the same as the setup page without a browser: the password comes from
// standard input (or a file), never an argument; the server then starts in production mode with
// that site and admin, and prints no setup link.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeClients, connectAgent, startServer, tempDir, type TestServer } from '../helpers/server.js';

const PASSWORD = 'plenty of words make it long';
const dirs: { remove(): Promise<void> }[] = [];
let server: TestServer | undefined;
afterAll(async () => {
  closeClients();
  await server?.close();
  for (const d of dirs) await d.remove();
});

function runSetup(args: string[], env: Record<string, string>, stdin: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/setup.ts', ...args], {
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    // A script that hangs fails the test instead of holding it (a cold tsx start is seconds).
    const cap = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code) => {
      clearTimeout(cap);
      resolve({ code, out });
    });
    child.stdin.end(stdin);
  });
}

describe('npm run setup', () => {
  it('creates the admin and the site from the command line, then the server runs with them', async () => {
    const data = await tempDir();
    dirs.push(data);
    // A port nothing listens on: the script checks no server holds the store.
    const env = { DATA_DIR: data.dir, PORT: '1' };
    const args = ['--site-name', 'Garden Tools Ltd', '--languages', 'en,de', '--origin', 'https://garden.example', '--admin-email', 'ops@garden.example'];
    const weak = await runSetup(args, env, 'garden123\n');
    expect(weak.code).toBe(1);
    expect(weak.out).toMatch(/Password: .*at least 12 characters/);

    const done = await runSetup(args, env, PASSWORD + '\n');
    expect(done.out).toMatch(/data-site="garden-tools-ltd"/);
    expect(done.code).toBe(0);

    const again = await runSetup(args, env, PASSWORD + '\n');
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/has an admin already/);

    server = await startServer({ dataDir: data.dir, seedDemo: false });
    expect(server.app.sites.get('garden-tools-ltd')?.site).toMatchObject({ languages: ['en', 'de'], defaultLanguage: 'en', allowedOrigins: ['https://garden.example'] });
    expect(server.app.setup.isOpen).toBe(false);
    await connectAgent(server.url, 'ops@garden.example', PASSWORD);
  });

  it('reads the password from --password-file', async () => {
    const data = await tempDir();
    dirs.push(data);
    const file = join(data.dir, 'password.txt');
    await writeFile(file, PASSWORD + '\n');
    const done = await runSetup(
      ['--site-name', 'Café Noir', '--languages', 'fr', '--admin-email', 'cafe@noir.example', '--password-file', file],
      { DATA_DIR: join(data.dir, 'store'), PORT: '1' },
      '',
    );
    expect(done.out).toMatch(/data-site="cafe-noir"/);
    expect(done.code).toBe(0);
  });
});
