// The pieces behind the limits and access rules, with injected clocks (no sleeps):
// config validation, the token bucket, the login throttle, the origin policy, CSP by path,
// and the bot's bounded input.
import { describe, expect, it } from 'vitest';
import { configFromEnv, createConfig, defaults } from '../../server/config.js';
import { TokenBucket } from '../../server/sockets/token-bucket.js';
import { LoginThrottle, type LoginAttempt } from '../../server/plugins/login-throttle.js';
import { createOriginPolicy } from '../../server/sockets/origin-policy.js';
import { policyFor } from '../../server/plugins/security-headers.js';
import { BOT_INPUT_MAX_CHARS, createSiteBot } from '../../server/bot/site-bot.js';
import { clientAddress, isExemptPeer, isLoopback, trustFunction } from '../../server/sockets/client-address.js';
import type { SiteRecord } from '../../server/storage/records.js';

describe('config', () => {
  it('reads the security settings from the environment, with safe defaults', () => {
    expect(defaults).toMatchObject({ maxConnectionsPerIp: 100, visitorMessagesPerSecond: 3, visitorMessageBurst: 10, loginMaxFailures: 5, loginWindowMinutes: 15, trustProxy: false, consoleOrigins: [] });
    const c = configFromEnv({
      BULLE_MAX_CONN_PER_IP: '0',
      BULLE_CONSOLE_ORIGINS: 'https://Console.Example/, http://127.0.0.1:3000',
      BULLE_TRUST_PROXY: 'true',
      BULLE_VISITOR_MSG_PER_SEC: '1.5',
      BULLE_HTTP_RATE_PER_MIN: '0',
    });
    expect(c).toMatchObject({ maxConnectionsPerIp: 0, trustProxy: true, visitorMessagesPerSecond: 1.5, httpRequestsPerMinute: 0 });
    expect(c.consoleOrigins).toEqual(['https://console.example', 'http://127.0.0.1:3000']);
    expect(Object.isFrozen(c) && Object.isFrozen(c.consoleOrigins)).toBe(true);
    expect(configFromEnv({ BULLE_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(configFromEnv({ BULLE_TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toEqual(['10.0.0.0/8', 'loopback']);
  });

  it.each([
    ['BULLE_MAX_CONN_PER_IP', '-1'],
    ['BULLE_MAX_CONN_PER_IP', 'lots'],
    ['BULLE_VISITOR_MSG_PER_SEC', '0'],
    ['BULLE_VISITOR_MSG_BURST', '2.5'],
    ['BULLE_LOGIN_MAX_FAILURES', '0'],
    ['BULLE_TRUST_PROXY', 'yes please'],
    ['BULLE_CONSOLE_ORIGINS', 'https://console.example/path'],
    ['BULLE_CONSOLE_ORIGINS', '*'],
    ['BULLE_HTTP_RATE_PER_MIN', '1e99'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => configFromEnv({ [name]: value })).toThrow(name);
  });

  it('createConfig validates overrides too', () => {
    expect(() => createConfig({ maxConnectionsPerIp: -5 })).toThrow(/maxConnectionsPerIp/);
  });
});

describe('TokenBucket', () => {
  it('allows the burst, then the rate', () => {
    let t = 0;
    const b = new TokenBucket(3, 10, () => t);
    expect(Array.from({ length: 12 }, () => b.take()).filter(Boolean)).toHaveLength(10);
    expect(b.retryAfterMs()).toBe(334);
    t += 334;
    expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
    t += 60_000;
    expect(Array.from({ length: 12 }, () => b.take()).filter(Boolean)).toHaveLength(10);
  });

  it('is full again once it has refilled (its owner can be forgotten)', () => {
    let t = 0;
    const b = new TokenBucket(2, 4, () => t);
    expect(b.isFull()).toBe(true);
    b.take();
    expect(b.isFull()).toBe(false);
    t += 499;
    expect(b.isFull()).toBe(false);
    t += 1;
    expect(b.isFull()).toBe(true);
  });
});

describe('LoginThrottle', () => {
  const fail = (th: LoginThrottle, ip: string | undefined, email: string) => {
    const r = th.begin(ip, email);
    if (!('attempt' in r)) throw new Error(`refused: wait ${r.waitMs} ms`);
    r.attempt.failed();
  };

  it('blocks an address or an e-mail after N failures within the window, then lets go', () => {
    let t = 0;
    const th = new LoginThrottle(3, 60_000, () => t);
    for (let i = 0; i < 3; i++) fail(th, `10.0.0.${i}`, 'A@x.example');
    expect(th.retryAfterMs('10.0.0.9', 'a@x.example ')).toBe(60_000);
    expect(th.retryAfterMs('10.0.0.9', 'b@x.example')).toBe(0);
    t += 30_000;
    expect(th.retryAfterMs(undefined, 'a@x.example')).toBe(30_000);
    t += 30_001;
    expect(th.retryAfterMs(undefined, 'a@x.example')).toBe(0);
    for (const e of ['1@x', '2@x']) fail(th, '10.0.0.7', e);
    const ok = th.begin('10.0.0.7', '3@x');
    if (!('attempt' in ok)) throw new Error('refused');
    ok.attempt.succeeded(); // takes back its own reservation only: the address keeps two failures
    expect(th.retryAfterMs('10.0.0.7', 'new@x')).toBe(0);
    fail(th, '10.0.0.7', '4@x');
    expect(th.retryAfterMs('10.0.0.7', 'new@x')).toBeGreaterThan(0);
  });

  it('counts an attempt before its password is checked: concurrent guesses cannot pass the check together', () => {
    const th = new LoginThrottle(5, 60_000);
    // Forty at once for one e-mail, from forty addresses: one in flight per e-mail.
    const started = Array.from({ length: 40 }, (_, i) => th.begin(`10.1.0.${i}`, 'sam@x'));
    const first = started.filter((r) => 'attempt' in r);
    expect(first).toHaveLength(1);
    (first[0] as { attempt: LoginAttempt }).attempt.failed();
    // Finished one by one as failures, the next ones get in until the e-mail is blocked.
    let evaluated = 0;
    for (let i = 0; i < 40; i++) {
      const r = th.begin(`10.2.0.${i}`, 'sam@x');
      if ('attempt' in r) {
        evaluated++;
        r.attempt.failed();
      }
    }
    expect(evaluated).toBe(4); // five evaluations in all, with the first
    // One in flight per address too, and a bounded number in all.
    expect('attempt' in th.begin('10.3.0.1', 'a@x')).toBe(true);
    expect('waitMs' in th.begin('10.3.0.1', 'b@x')).toBe(true);
    for (let i = 0; i < 10; i++) th.begin(`10.4.0.${i}`, `u${i}@x`);
    expect(th.begin('10.5.0.1', 'late@x')).toEqual({ waitMs: 1000 });
  });

  it('stays bounded under a flood of distinct keys', () => {
    const th = new LoginThrottle(5, 60_000);
    for (let i = 0; i < 60_000; i++) fail(th, undefined, `user${i}@x`);
    expect((th as unknown as { failures: Map<string, number[]> }).failures.size).toBeLessThanOrEqual(50_000);
  });
});

describe('origin policy', () => {
  const site = (allowedOrigins: string[]) => ({ allowedOrigins }) as SiteRecord;
  const sites: SiteRecord[] = [site(['https://shop.example']), site([])];
  const policy = createOriginPolicy({ consoleOrigins: [], trustProxy: false, sites: () => sites });
  const h = (origin: string | undefined, host = 'chat.example:3000') => ({ ...(origin ? { origin } : {}), host });

  it('console: the same host only, no Origin allowed (not a browser page)', () => {
    expect(policy.console(h('http://chat.example:3000'))).toBe(true);
    expect(policy.console(h('https://chat.example:3000'))).toBe(true);
    expect(policy.console(h('http://chat.example:3001'))).toBe(false);
    expect(policy.console(h('http://chat.example', 'chat.example:80'))).toBe(true);
    expect(policy.console(h('null'))).toBe(false);
    expect(policy.console(h(undefined))).toBe(true);
  });

  it('widget: listed origins, `*`, and the server\'s own; an empty list is the server\'s own only', () => {
    expect(policy.widget(sites[0]!, h('https://shop.example'))).toBe(true);
    expect(policy.widget(sites[0]!, h('https://shop.example.evil.example'))).toBe(false);
    expect(policy.widget(sites[0]!, h('http://shop.example'))).toBe(false);
    expect(policy.widget(sites[1]!, h('https://shop.example'))).toBe(false);
    expect(policy.widget(sites[1]!, h('http://chat.example:3000'))).toBe(true);
    expect(policy.widget(site(['*']), h('https://anything.example'))).toBe(true);
    expect(policy.anywhere(h('https://shop.example'))).toBe(true);
    expect(policy.anywhere(h('https://evil.example'))).toBe(false);
  });

  it('X-Forwarded-Host counts only with trustProxy', () => {
    const proxied = { origin: 'https://chat.example', host: 'localhost:3000', 'x-forwarded-host': 'chat.example' };
    expect(policy.console(proxied)).toBe(false);
    expect(createOriginPolicy({ consoleOrigins: [], trustProxy: true, sites: () => [] }).console(proxied)).toBe(true);
  });
});

describe('client address', () => {
  const req = (remoteAddress: string, xff?: string) => ({ socket: { remoteAddress }, headers: xff ? { 'x-forwarded-for': xff } : {} }) as never;
  it('uses X-Forwarded-For only when told to trust the proxy', () => {
    expect(clientAddress(req('127.0.0.1', '203.0.113.1, 10.0.0.1'), trustFunction(false))).toBe('127.0.0.1');
    // One proxy (true): the address it saw, never what the client wrote before it.
    expect(clientAddress(req('127.0.0.1', '203.0.113.1, 10.0.0.1'), trustFunction(true))).toBe('10.0.0.1');
    expect(clientAddress(req('127.0.0.1', '203.0.113.1, 10.0.0.1'), trustFunction(2))).toBe('203.0.113.1');
    // A list: our proxies are skipped from the right; the first other address is the client.
    expect(clientAddress(req('10.0.0.2', '127.0.0.1, 198.51.100.7, 10.0.0.1'), trustFunction(['10.0.0.0/8']))).toBe('198.51.100.7');
  });

  it('gives the loopback exemption only to a real loopback peer, never to a forwarded value', () => {
    const trust = trustFunction(true);
    const spoofed = req('10.0.0.2', '127.0.0.1');
    expect(clientAddress(spoofed, trust)).toBe('127.0.0.1');
    expect(isExemptPeer('10.0.0.2', clientAddress(spoofed, trust))).toBe(false);
    const sameHostProxy = req('127.0.0.1', '203.0.113.9');
    expect(isExemptPeer('127.0.0.1', clientAddress(sameHostProxy, trust))).toBe(false);
    expect(isExemptPeer('127.0.0.1', clientAddress(req('127.0.0.1'), trust))).toBe(true);
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.2'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '1127.0.0.1'].some(isLoopback)).toBe(false);
  });
});

describe('CSP by path', () => {
  it.each([
    ['/console/', 'console'],
    ['/console/assets/index.js?v=1', 'console'],
    ['/console', 'console'],
    ['/widget.js', 'widget'],
    ['/widget/app.js', 'widget'],
    ['/', 'shop'],
    ['/checkout.html', 'shop'],
    ['/consolex', 'shop'],
    ['/widget.jsx', 'shop'],
  ])('%s → %s', (url, policy) => expect(policyFor(url)).toBe(policy));
});

describe('the bot reads at most BOT_INPUT_MAX_CHARS', () => {
  it('passes only the prefix to the matcher', () => {
    const seen: number[] = [];
    const bot = createSiteBot({} as never, { match: (text: string) => (seen.push(text.length), []) } as never, 'en');
    bot.reply('where is my order '.repeat(400), 'en', 1);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(BOT_INPUT_MAX_CHARS);
  });
});
