// Configuration is read from the environment once, validated, and frozen (STYLE.md habit 6).
// Nothing else in the server reads process.env.
import { resolve } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';

const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  /** Where lowdb keeps its shards; null = in memory (tests). */
  dataDir: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
  /** Built widget and console (npm run build). */
  distDir: Type.String({ minLength: 1 }),
  /** Group-commit window: messages arriving within it share one write per file. */
  flushIntervalMs: Type.Integer({ minimum: 0, maximum: 1000 }),
  /** fsync every write before acknowledging (survives power cuts; slower). */
  fsync: Type.Boolean(),
  /** Create the demo site, FAQ and agents when the store has no site yet. */
  seedDemo: Type.Boolean(),
  logLevel: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
  /** Agent session lifetime. */
  sessionTtlHours: Type.Number({ minimum: 0.01, maximum: 24 * 30 }),
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  secureCookies: Type.Boolean(),
});
export type Config = Readonly<Static<typeof ConfigSchema>>;

const check = TypeCompiler.Compile(ConfigSchema);

export const defaults: Config = {
  port: 3000,
  host: '0.0.0.0',
  dataDir: resolve('data'),
  distDir: resolve('dist'),
  flushIntervalMs: 10,
  fsync: false,
  seedDemo: true,
  logLevel: 'info',
  sessionTtlHours: 12,
  secureCookies: false,
};

/** Merge overrides onto the defaults, validate, freeze. Throws a message naming every bad field. */
export function createConfig(overrides: Partial<Config> = {}): Config {
  const config = { ...defaults, ...overrides };
  const errors = [...check.Errors(config)].map((e) => `${e.path || '/'}: ${e.message}`);
  if (errors.length) throw new Error(`Invalid configuration:\n  ${errors.join('\n  ')}`);
  return Object.freeze(config);
}

/** Read the environment (only main.ts calls this). */
export function configFromEnv(env: NodeJS.ProcessEnv): Config {
  const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  const bool = (v: string | undefined) => (v === undefined || v === '' ? undefined : v === '1' || v === 'true');
  const o: Record<string, unknown> = {
    port: num(env.PORT),
    host: env.HOST,
    dataDir: env.DATA_DIR ? resolve(env.DATA_DIR) : undefined,
    distDir: env.DIST_DIR ? resolve(env.DIST_DIR) : undefined,
    flushIntervalMs: num(env.BULLE_FLUSH_MS),
    fsync: bool(env.BULLE_FSYNC),
    seedDemo: bool(env.BULLE_SEED_DEMO),
    logLevel: env.LOG_LEVEL,
    sessionTtlHours: num(env.BULLE_SESSION_TTL_HOURS),
    secureCookies: bool(env.BULLE_SECURE_COOKIES),
  };
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return createConfig(o as Partial<Config>);
}
