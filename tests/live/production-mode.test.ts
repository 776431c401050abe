// Demo or production: the demo is seeded only in demo mode; production never seeds it and
// refuses to start while demo agents (public passwords) are in the store, unless told to.
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config.js';
import { startServer, tempDir, type TestServer } from '../helpers/server.js';

let server: TestServer | undefined;
const dirs: { remove(): Promise<void> }[] = [];
const freshDir = async () => {
  const d = await tempDir();
  dirs.push(d);
  return d.dir;
};
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const d of dirs.splice(0)) await d.remove();
});

describe('production mode', () => {
  it('NODE_ENV=production turns demo seeding off, and refuses BULLE_SEED_DEMO=true with it', () => {
    expect(configFromEnv({}).seedDemo).toBe(true);
    expect(configFromEnv({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(configFromEnv({ BULLE_SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(() => configFromEnv({ NODE_ENV: 'production', BULLE_SEED_DEMO: 'true' })).toThrow(/BULLE_SEED_DEMO/);
    expect(configFromEnv({ NODE_ENV: 'production', BULLE_ALLOW_DEMO_AGENTS: 'true' }).allowDemoAgents).toBe(true);
  });

  it('never seeds the demo on a fresh data folder', async () => {
    server = await startServer({ dataDir: await freshDir(), seedDemo: false });
    expect(await server.app.store.listSites()).toEqual([]);
  });

  it('refuses to start with demo agents present, naming them and the way on; starts when told to', async () => {
    const dataDir = await freshDir();
    // 1. A demo start leaves the demo agents in the data folder.
    server = await startServer({ dataDir });
    await server.close();
    server = undefined;
    // 2. Production on the same folder: refused, with a message that says why and what to do.
    const refused = await startServer({ dataDir, seedDemo: false }).then(
      (s) => ((server = s), null),
      (err: Error) => err,
    );
    expect(refused?.message).toMatch(/Refusing to start in production mode/);
    expect(refused?.message).toMatch(/alex@demo\.bulle\.chat/);
    expect(refused?.message).toMatch(/BULLE_ALLOW_DEMO_AGENTS=true/);
    // 3. Told to: it starts, and the console is told demo accounts exist (its banner).
    server = await startServer({ dataDir, seedDemo: false, allowDemoAgents: true });
    const login = await fetch(server.url + '/api/agent/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'alex@demo.bulle.chat', password: 'demo-alex' }),
    });
    const session = (await login.json()) as { demoAccounts: boolean; sites: { id: string }[] };
    expect(session.demoAccounts).toBe(true);
    expect(session.sites.map((s) => s.id)).toEqual(['demo']);
  });
});
