// Over HTTP: security headers per path (a strict CSP for the console, none on the
// widget's scripts), @fastify/rate-limit (429 with headers), log-in throttling per address and
// per e-mail (429 RATE_LIMITED with Retry-After), session cookie flags and logout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { startServer, type TestServer } from '../helpers/server.js';
import { widgetAppFile } from '../e2e/browser.js';

let server: TestServer;
beforeAll(async () => {
  // trustProxy: X-Forwarded-For picks the client address (loopback itself is exempt from per-address limits).
  server = await startServer({ distDir: resolve('dist'), trustProxy: true, httpRequestsPerMinute: 20, loginMaxFailures: 3 });
});
afterAll(() => server.close());

const directives = (csp: unknown) =>
  Object.fromEntries(String(csp).split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

describe('security headers', () => {
  it('the console gets a strict CSP: nothing inline, nothing from elsewhere, no framing', async () => {
    const res = await server.app.inject({ url: '/console/' });
    expect(res.statusCode).toBe(200);
    const csp = directives(res.headers['content-security-policy']);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // The built page has no inline script the CSP would block.
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.body).not.toMatch(/\son[a-z]+=/i);
  });

  it('the shop page: scripts only from here, inline styles allowed (the widget\'s shadow root)', async () => {
    const res = await server.app.inject({ url: '/' });
    const csp = directives(res.headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it.each(['/widget.js', `/widget/${widgetAppFile()}`])('%s carries no CSP and may be loaded by other origins', async (url) => {
    const res = await server.app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('HTTP rate limit', () => {
  it('answers 429 RATE_LIMITED with the rate-limit headers, per address; loopback is exempt', async () => {
    const from = (ip: string) => server.app.inject({ url: '/health', headers: { 'x-forwarded-for': ip } });
    const first = await from('203.0.113.20');
    expect(first.headers['x-ratelimit-limit']).toBe('20');
    for (let i = 0; i < 19; i++) expect((await from('203.0.113.20')).statusCode).toBe(200);
    const limited = await from('203.0.113.20');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    expect((await from('198.51.100.20')).statusCode).toBe(200);
    for (let i = 0; i < 25; i++) expect((await server.app.inject({ url: '/health' })).statusCode).toBe(200);
  });
});

describe('log-in', () => {
  const login = (email: string, password: string, ip: string) =>
    server.app.inject({ method: 'POST', url: '/api/agent/login', headers: { 'x-forwarded-for': ip }, payload: { email, password } });

  it('throttles failures per e-mail: 429 with Retry-After, even with the right password, from any address', async () => {
    for (let i = 0; i < 3; i++) expect((await login('sam@demo.bulle.chat', 'guess' + i, `192.0.2.${i + 1}`)).statusCode).toBe(401);
    const blocked = await login('SAM@demo.bulle.chat', 'demo-sam', '192.0.2.50');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
    expect(blocked.headers['set-cookie']).toBeUndefined();
    // Another agent is not affected.
    expect((await login('camille@demo.bulle.chat', 'demo-camille', '192.0.2.51')).statusCode).toBe(200);
  });

  it('throttles failures per address across e-mails', async () => {
    for (const who of ['a@x.example', 'b@x.example', 'c@x.example']) expect((await login(who, 'nope', '192.0.2.99')).statusCode).toBe(401);
    expect((await login('lucia@demo.bulle.chat', 'demo-lucia', '192.0.2.99')).statusCode).toBe(429);
    expect((await login('lucia@demo.bulle.chat', 'demo-lucia', '192.0.2.98')).statusCode).toBe(200);
  });

  it('a success clears that e-mail\'s failures; the cookie is httpOnly, SameSite=Strict; logout ends the session', async () => {
    for (let i = 0; i < 2; i++) await login('jonas@demo.bulle.chat', 'nope', `192.0.2.${120 + i}`);
    const good = await login('jonas@demo.bulle.chat', 'demo-jonas', '192.0.2.130');
    expect(good.statusCode).toBe(200);
    for (let i = 0; i < 2; i++) expect((await login('jonas@demo.bulle.chat', 'nope', `192.0.2.${140 + i}`)).statusCode).toBe(401);
    const cookie = String(good.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    const session = cookie.split(';')[0]!;
    expect((await server.app.inject({ url: '/api/agent/me', headers: { cookie: session } })).statusCode).toBe(200);
    const out = await server.app.inject({ method: 'POST', url: '/api/agent/logout', headers: { cookie: session } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/bulle_session=;/);
    expect((await server.app.inject({ url: '/api/agent/me', headers: { cookie: session } })).statusCode).toBe(401);
  });
});
