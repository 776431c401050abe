// Configuration is read from the environment once, validated, and frozen.
// Nothing else in the server reads process.env.
import { resolve } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';

/** scheme://host[:port], lower case, no path or trailing slash (what browsers send as Origin). */
const ORIGIN_PATTERN = '^https?://[a-z0-9.\\-]+(:[0-9]{1,5})?$|^https?://\\[[0-9a-f:.]+\\](:[0-9]{1,5})?$';

const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  /** Where lowdb keeps its shards; null = in memory (tests). */
  dataDir: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
  /** A PostgreSQL connection string: the store lives there instead of in `dataDir`. */
  databaseUrl: Type.Union([Type.String({ pattern: '^postgres(ql)?://' }), Type.Null()]),
  /** A Redis URL: Socket.IO rooms and broadcasts span every server sharing it. */
  redisUrl: Type.Union([Type.String({ pattern: '^rediss?://' }), Type.Null()]),
  /** Built widget and console (npm run build). */
  distDir: Type.String({ minLength: 1 }),
  /** Group-commit window: messages arriving within it share one write per file. */
  flushIntervalMs: Type.Integer({ minimum: 0, maximum: 1000 }),
  /** fsync every write before acknowledging (survives power cuts; slower). */
  fsync: Type.Boolean(),
  /** Messages the embedded store keeps in memory; the least recently used conversations' leave for their shards past it. */
  maxMessagesInMemory: Type.Integer({ minimum: 1 }),
  /** How far V8's heap may grow past what its last full collection kept, in percent; 0 leaves it to V8 (main.ts). */
  heapGrowingPercent: Type.Integer({ minimum: 0, maximum: 1000 }),
  /**
   * Demo mode: create the demo site, FAQ and agents when the store has no site yet. Off is the
   * production mode (NODE_ENV=production turns it off): nothing is seeded, and the server refuses
   * to start while demo agents (public passwords) are in the store, unless `allowDemoAgents`.
   */
  seedDemo: Type.Boolean(),
  /** Production mode only: start even though the store still holds demo agents. */
  allowDemoAgents: Type.Boolean(),
  logLevel: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
  /** Agent session lifetime. */
  sessionTtlHours: Type.Number({ minimum: 0.01, maximum: 24 * 30 }),
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  secureCookies: Type.Boolean(),
  /**
   * Behind reverse proxies: which hops of X-Forwarded-For are ours (the client is the first other
   * one from the right; server/sockets/client-address.ts). false: none; true: one proxy; a number:
   * that many; a list: those addresses or CIDRs. Any of them also trusts X-Forwarded-Host.
   */
  trustProxy: Type.Union([
    Type.Boolean(),
    Type.Integer({ minimum: 0, maximum: 20 }),
    // Addresses, CIDRs, or proxy-addr's names for ranges.
    Type.Array(Type.String({ pattern: '^(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(/[0-9]{1,3})?)$', maxLength: 64 }), { minItems: 1, maxItems: 50 }),
  ]),
  /** Origins the agent console is served from; empty = only the server's own host. */
  consoleOrigins: Type.Array(Type.String({ pattern: ORIGIN_PATTERN }), { maxItems: 50 }),
  /** Open Socket.IO connections per client address (loopback exempt); 0 = unlimited. */
  maxConnectionsPerIp: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  /** New Socket.IO connections per minute per client address (loopback exempt); 0 = unlimited. */
  connectionsPerMinute: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  /** Token bucket per visitor connection: sustained messages per second, and the burst. */
  visitorMessagesPerSecond: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }),
  visitorMessageBurst: Type.Integer({ minimum: 1, maximum: 100_000 }),
  /** HTTP requests per minute per client address (loopback exempt); 0 = no limit. */
  httpRequestsPerMinute: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  /** Failed agent log-ins per address and per e-mail within the window before 429. */
  loginMaxFailures: Type.Integer({ minimum: 1, maximum: 1000 }),
  loginWindowMinutes: Type.Number({ minimum: 0.01, maximum: 24 * 60 }),
  /** Routing: how long an agent whose console closed keeps their chats. */
  routingGraceMs: Type.Integer({ minimum: 0, maximum: 3_600_000 }),
  /** How long a chat waits for a speaker of its language before any online agent may take it. */
  anyAgentAfterMs: Type.Integer({ minimum: 0, maximum: 86_400_000 }),
  /** Past that delay: the most such chats an agent who does not speak them is given at once… */
  anyAgentMaxChats: Type.Integer({ minimum: 1, maximum: 100 }),
  /** …and only once logged in this long, so the speakers logging in next get their own first. */
  anyAgentAfterLoginMs: Type.Integer({ minimum: 0, maximum: 3_600_000 }),
  /** How long a chat about a topic waits for a speaker with its skill before any speaker may take it (a site may set its own). */
  skillWaitMs: Type.Integer({ minimum: 0, maximum: 3_600_000 }),
  /** Chats at once for an agent without their own `maxChats`. */
  agentMaxChats: Type.Integer({ minimum: 1, maximum: 100 }),
  /** FAQ matcher results remembered per site language (faq/matcher.ts); 0 turns the cache off. */
  botCacheSize: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  /** The FAQ matcher and language detector on a thread of their own (server/bot/bots.ts). */
  botThread: Type.Boolean(),
  /** How long a visitor's message waits for the bot before a person is asked instead. */
  botTimeoutMs: Type.Integer({ minimum: 100, maximum: 600_000 }),
  /** Outgoing mail (nodemailer): smtp:// or smtps:// with optional user:password@; null = no e-mail at all. */
  smtpUrl: Type.Union([Type.String({ pattern: '^smtps?://[^\\s]+$', maxLength: 2000 }), Type.Null()]),
  /** The From of every e-mail, e.g. "Atelier Lune <help@shop.example>"; required with smtpUrl. */
  mailFrom: Type.Union([Type.String({ minLength: 3, maxLength: 320 }), Type.Null()]),
  /** How long one call to a site's order-status webhook may take (it is tried twice at most). */
  orderWebhookTimeoutMs: Type.Integer({ minimum: 100, maximum: 60_000 }),
  /** Allow http:// order webhooks on loopback addresses (tests, local trials); https otherwise. */
  webhookHttpLoopback: Type.Boolean(),
});
export type Config = Readonly<Static<typeof ConfigSchema>>;

const check = TypeCompiler.Compile(ConfigSchema);

export const defaults: Config = {
  port: 3000,
  host: '0.0.0.0',
  dataDir: resolve('data'),
  databaseUrl: null,
  redisUrl: null,
  distDir: resolve('dist'),
  flushIntervalMs: 2,
  fsync: false,
  maxMessagesInMemory: 20_000,
  heapGrowingPercent: 30,
  seedDemo: true,
  allowDemoAgents: false,
  logLevel: 'info',
  sessionTtlHours: 12,
  secureCookies: false,
  trustProxy: false,
  consoleOrigins: [],
  maxConnectionsPerIp: 100,
  connectionsPerMinute: 300,
  visitorMessagesPerSecond: 3,
  visitorMessageBurst: 10,
  httpRequestsPerMinute: 600,
  loginMaxFailures: 5,
  loginWindowMinutes: 15,
  routingGraceMs: 30_000,
  anyAgentAfterMs: 120_000,
  anyAgentMaxChats: 1,
  anyAgentAfterLoginMs: 15_000,
  skillWaitMs: 60_000,
  agentMaxChats: 3,
  botCacheSize: 2000,
  botThread: true,
  botTimeoutMs: 10_000,
  smtpUrl: null,
  mailFrom: null,
  orderWebhookTimeoutMs: 3000,
  webhookHttpLoopback: false,
};

/** Merge overrides onto the defaults, validate, freeze. Throws a message naming every bad field. */
export function createConfig(overrides: Partial<Config> = {}): Config {
  const config = { ...defaults, ...overrides };
  const errors = [...check.Errors(config)].map((e) => `${e.path || '/'}: ${e.message}`);
  if (config.smtpUrl && !config.mailFrom) errors.push('/mailFrom: required when smtpUrl is set');
  if (errors.length) throw new Error(`Invalid configuration:\n  ${errors.join('\n  ')}`);
  return Object.freeze({ ...config, consoleOrigins: Object.freeze([...config.consoleOrigins]) as string[] });
}

/** Read the environment (only main.ts calls this). Errors name the variable, not the field. */
export function configFromEnv(env: NodeJS.ProcessEnv): Config {
  const num = (v: string) => Number(v);
  // Anything but 1/true/0/false stays a string, so validation names the variable instead of guessing.
  const bool = (v: string) => (v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : v);
  // "https://a.example, https://b.example/" → ["https://a.example", "https://b.example"]
  const list = (v: string) => v.split(',').map((o) => o.trim().toLowerCase().replace(/\/+$/, '')).filter(Boolean);
  const str = (v: string) => v;
  const ENV: Record<keyof Config, [string, (v: string) => unknown]> = {
    port: ['PORT', num],
    host: ['HOST', str],
    dataDir: ['DATA_DIR', (v) => resolve(v)],
    databaseUrl: ['DATABASE_URL', str],
    redisUrl: ['REDIS_URL', str],
    distDir: ['DIST_DIR', (v) => resolve(v)],
    flushIntervalMs: ['BULLE_FLUSH_MS', num],
    fsync: ['BULLE_FSYNC', bool],
    maxMessagesInMemory: ['BULLE_MAX_MESSAGES_IN_MEMORY', num],
    heapGrowingPercent: ['BULLE_HEAP_GROWING_PERCENT', num],
    seedDemo: ['BULLE_SEED_DEMO', bool],
    allowDemoAgents: ['BULLE_ALLOW_DEMO_AGENTS', bool],
    logLevel: ['LOG_LEVEL', str],
    sessionTtlHours: ['BULLE_SESSION_TTL_HOURS', num],
    secureCookies: ['BULLE_SECURE_COOKIES', bool],
    trustProxy: ['BULLE_TRUST_PROXY', (v) => (/^\d+$/.test(v.trim()) ? Number(v) : typeof bool(v) === 'boolean' ? bool(v) : v.split(',').map((a) => a.trim()).filter(Boolean))],
    consoleOrigins: ['BULLE_CONSOLE_ORIGINS', list],
    maxConnectionsPerIp: ['BULLE_MAX_CONN_PER_IP', num],
    connectionsPerMinute: ['BULLE_CONN_PER_MIN', num],
    visitorMessagesPerSecond: ['BULLE_VISITOR_MSG_PER_SEC', num],
    visitorMessageBurst: ['BULLE_VISITOR_MSG_BURST', num],
    httpRequestsPerMinute: ['BULLE_HTTP_RATE_PER_MIN', num],
    loginMaxFailures: ['BULLE_LOGIN_MAX_FAILURES', num],
    loginWindowMinutes: ['BULLE_LOGIN_WINDOW_MIN', num],
    routingGraceMs: ['BULLE_GRACE_MS', num],
    anyAgentAfterMs: ['BULLE_ANY_AGENT_AFTER_MS', num],
    anyAgentMaxChats: ['BULLE_ANY_AGENT_MAX_CHATS', num],
    anyAgentAfterLoginMs: ['BULLE_ANY_AGENT_AFTER_LOGIN_MS', num],
    skillWaitMs: ['BULLE_SKILL_WAIT_MS', num],
    agentMaxChats: ['BULLE_AGENT_MAX_CHATS', num],
    botCacheSize: ['BULLE_BOT_CACHE', num],
    botThread: ['BULLE_BOT_THREAD', bool],
    botTimeoutMs: ['BULLE_BOT_TIMEOUT_MS', num],
    smtpUrl: ['SMTP_URL', str],
    mailFrom: ['MAIL_FROM', str],
    orderWebhookTimeoutMs: ['BULLE_ORDER_WEBHOOK_TIMEOUT_MS', num],
    webhookHttpLoopback: ['BULLE_WEBHOOK_HTTP_LOOPBACK', bool],
  };
  const o: Record<string, unknown> = {};
  for (const [key, [name, parse]] of Object.entries(ENV)) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') o[key] = parse(raw);
  }
  // Production never seeds the demo: its passwords are public.
  if (env.NODE_ENV === 'production') {
    if (o.seedDemo === true) throw new Error('Invalid configuration:\n  BULLE_SEED_DEMO: the demo cannot be seeded with NODE_ENV=production (its passwords are public)');
    o.seedDemo = false;
  }
  try {
    return createConfig(o as Partial<Config>);
  } catch (err) {
    // "/maxConnectionsPerIp: Expected integer" → "BULLE_MAX_CONN_PER_IP: Expected integer"
    throw new Error((err as Error).message.replace(/^ {2}\/(\w+)/gm, (m, k: string) => (k in ENV ? `  ${ENV[k as keyof Config][0]}` : m)));
  }
}
