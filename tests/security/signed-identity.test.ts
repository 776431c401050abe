// Signed identity: the shop's server signs its customer (HS256 JWT with the site's identity
// secret); only a token that verifies makes the e-mail and orders verified. Expired, tampered and
// other sites' tokens are the visitor's word, kept apart; a site that requires identity refuses them.
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { AGENT_CMD, ERR, VISITOR_CMD } from '../../protocol/events.js';
import type { CustomerHistoryItem, VisitorIdentifyResult, VisitorSendResult } from '../../protocol/types.js';
import { ack, clientId, closeClients, connectVisitor, loginCookie, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { AGENTS, agent, closedRecord } from '../integration/console-helpers.js';

let server: TestServer;
let secret: string;
let adminCookie: string;

const admin = (method: string, path: string, body?: unknown, cookie = adminCookie) =>
  fetch(server.url + path, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

const claire = { email: 'claire@shop.example', name: 'Claire', orders: ['48213'] };
function sign(claims: Record<string, unknown>, key = secret, opts: { exp?: string | number; sub?: string; aud?: string } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(opts.sub ?? 'customer-1').setIssuedAt();
  if (opts.aud) jwt.setAudience(opts.aud);
  return jwt.setExpirationTime(opts.exp ?? '10m').sign(new TextEncoder().encode(key));
}

/** A visitor who identifies, then writes (so the conversation exists), then the stored record. */
async function identified(payload: Record<string, unknown>) {
  const visitor = connectVisitor(server.url);
  await waitFor(visitor, 'connect');
  const res = await ack<VisitorIdentifyResult>(visitor, VISITOR_CMD.visitorIdentify, payload);
  return { visitor, res };
}
async function conversationOf(visitor: Socket) {
  const sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Bonjour', page });
  return (await server.app.store.getConversation(sent.conversation.id))!;
}

beforeAll(async () => {
  server = await startServer();
  adminCookie = await loginCookie(server.url, ...AGENTS.alex);
  const res = await admin('POST', '/api/admin/identity/secret');
  expect(res.status).toBe(200);
  secret = ((await res.json()) as { secret: string }).secret;
  expect(secret.length).toBeGreaterThanOrEqual(43);
});
afterAll(() => server.close());
afterEach(() => closeClients());

describe('the identity secret', () => {
  it('is shown once to an admin, never to an agent, and never read back', async () => {
    const camille = await loginCookie(server.url, ...AGENTS.camille);
    expect((await admin('POST', '/api/admin/identity/secret', undefined, camille)).status).toBe(403);
    expect((await admin('GET', '/api/admin/identity', undefined, '')).status).toBe(401);
    const state = await admin('GET', '/api/admin/identity');
    expect(state.headers.get('cache-control')).toBe('no-store');
    const body = (await state.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ mode: 'optional', hasSecret: true });
    expect(JSON.stringify(body)).not.toContain(secret);
    // Another site's page cannot make one with an admin's cookie.
    const cross = await fetch(server.url + '/api/admin/identity/secret', { method: 'POST', headers: { cookie: adminCookie, origin: 'https://evil.example' } });
    expect(cross.status).toBe(403);
    expect(((await cross.json()) as { error: { code: string } }).error.code).toBe(ERR.badOrigin);
  });
});

describe('visitor:identify', () => {
  it('a valid token: verified, and its e-mail and orders become the customer links', async () => {
    const { visitor, res } = await identified({ ...claire, signature: await sign(claire) });
    expect(res).toEqual({ ok: true, data: { verified: true } });
    const conv = await conversationOf(visitor);
    expect(conv.identity?.verified).toMatchObject({ sub: 'customer-1', email: 'claire@shop.example', name: 'Claire', orders: ['48213'] });
    expect(conv.customer).toEqual({ emails: ['claire@shop.example'], orders: ['48213'] });
  });

  it('the claims win over the payload: a page cannot sign one customer and name another', async () => {
    const { visitor, res } = await identified({ email: 'mallory@evil.example', signature: await sign(claire) });
    expect(res.ok && res.data.verified).toBe(true);
    const conv = await conversationOf(visitor);
    expect(conv.identity?.verified?.email).toBe('claire@shop.example');
    expect(conv.customer?.emails).toEqual(['claire@shop.example']);
  });

  it('an expired token: not verified, kept as claimed, links nothing', async () => {
    const { visitor, res } = await identified({ signature: await sign(claire, secret, { exp: Math.floor(Date.now() / 1000) - 3600 }) });
    expect(res).toEqual({ ok: true, data: { verified: false, reason: 'expired' } });
    const conv = await conversationOf(visitor);
    expect(conv.identity?.verified).toBeUndefined();
    expect(conv.identity?.claimed).toMatchObject({ email: 'claire@shop.example', why: 'expired' });
    expect(conv.customer).toBeUndefined();
  });

  it('a tampered token (claims changed after signing): not verified', async () => {
    const [h, , s] = (await sign({ email: 'mallory@evil.example' })).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'customer-1', email: 'claire@shop.example', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    const { visitor, res } = await identified({ signature: `${h}.${forged}.${s}` });
    expect(res).toEqual({ ok: true, data: { verified: false, reason: 'bad-signature' } });
    const conv = await conversationOf(visitor);
    expect(conv.identity).toEqual({ claimed: expect.objectContaining({ email: 'claire@shop.example', why: 'bad-signature' }) });
    expect(conv.customer).toBeUndefined();
  });

  it("another site's token: not verified (its secret is not ours, and a token naming another audience is refused)", async () => {
    await server.app.store.putSite({ ...server.app.sites.get('demo')!.site, id: 'other', identity: undefined });
    await server.app.sites.add((await server.app.store.getSite('other'))!);
    await server.app.sites.update('other', { identity: { secret: 'the-other-shops-identity-secret-0123456789abcdef' } });
    const otherToken = await sign(claire, 'the-other-shops-identity-secret-0123456789abcdef');
    expect((await identified({ signature: otherToken })).res).toEqual({ ok: true, data: { verified: false, reason: 'bad-signature' } });
    // Ours, but made for the other site.
    const aimed = await sign(claire, secret, { aud: 'other' });
    expect((await identified({ signature: aimed })).res).toEqual({ ok: true, data: { verified: false, reason: 'bad-signature' } });
    expect((await identified({ signature: await sign(claire, secret, { aud: 'demo' }) })).res).toEqual({ ok: true, data: { verified: true } });
  });

  it('a token with another algorithm, or none, is refused', async () => {
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', exp: 9e9 })).toString('base64url')}.AAAAAAAAAAAAAAAAAAAA`;
    expect((await identified({ signature: none })).res).toEqual({ ok: true, data: { verified: false, reason: 'bad-signature' } });
    // Claims that do not pass the payload rules (bidi control in the e-mail) are not taken, even signed.
    const bidi = await sign({ email: 'moc.kaerts@\u202eattacker.example' });
    expect((await identified({ signature: bidi })).res).toEqual({ ok: true, data: { verified: false, reason: 'bad-signature' } });
  });

  it('unverified data never joins a verified customer; a verified identity joins their history', async () => {
    await server.app.store.createConversation(
      closedRecord('claire-earlier', 'x', Date.now() - 86_400_000, { customer: { emails: ['claire@shop.example'], orders: [] } }),
    );
    const alex = await agent(server.url, 'alex');
    const history = async (conversationId: string) =>
      (await ok<{ conversations: CustomerHistoryItem[] }>(alex, AGENT_CMD.customerHistory, { conversationId })).conversations.map((h) => h.conversation.id);

    const unsigned = await identified({ email: 'claire@shop.example', name: 'Claire' });
    expect(unsigned.res).toEqual({ ok: true, data: { verified: false, reason: 'unsigned' } });
    const claimed = await conversationOf(unsigned.visitor);
    expect(claimed.identity?.claimed).toMatchObject({ email: 'claire@shop.example', why: 'unsigned' });
    expect(await history(claimed.id)).not.toContain('claire-earlier');

    const signed = await identified({ signature: await sign(claire) });
    const verified = await conversationOf(signed.visitor);
    expect(await history(verified.id)).toContain('claire-earlier');
  });

  it('identify after the conversation exists updates it and tells the agents', async () => {
    const visitor = connectVisitor(server.url);
    await waitFor(visitor, 'connect');
    const conv = await conversationOf(visitor);
    expect(conv.identity).toBeUndefined();
    await ok(visitor, VISITOR_CMD.visitorIdentify, { signature: await sign(claire) });
    const stored = (await server.app.store.getConversation(conv.id))!;
    expect(stored.identity?.verified?.email).toBe('claire@shop.example');
    // A later unsigned identify is kept beside it, never merged into it.
    await ok(visitor, VISITOR_CMD.visitorIdentify, { email: 'someone@else.example' });
    const after = (await server.app.store.getConversation(conv.id))!;
    expect(after.identity?.verified?.email).toBe('claire@shop.example');
    expect(after.identity?.claimed?.email).toBe('someone@else.example');
    expect(after.customer?.emails).toEqual(['claire@shop.example']);
  });

  it('bad payloads are refused at the edge', async () => {
    const visitor = connectVisitor(server.url);
    await waitFor(visitor, 'connect');
    for (const bad of [{ email: 'not-an-email' }, { name: 'x\u202ey' }, { signature: 'not.a.jwt!' }, { orders: ['#'] }, { extra: 1 }]) {
      const res = await ack(visitor, VISITOR_CMD.visitorIdentify, bad);
      expect(res.ok ? 'ok' : res.error.code).toBe(ERR.badPayload);
    }
  });
});

describe("identity: 'required'", () => {
  it('refuses unsigned and invalid identifies with their own codes, accepts a valid one', async () => {
    expect((await admin('PUT', '/api/admin/identity/mode', { mode: 'required' })).status).toBe(200);
    try {
      const visitor = connectVisitor(server.url);
      await waitFor(visitor, 'connect');
      const unsigned = await ack(visitor, VISITOR_CMD.visitorIdentify, { email: 'claire@shop.example' });
      expect(unsigned.ok ? 'ok' : unsigned.error.code).toBe(ERR.identityRequired);
      const expired = await ack(visitor, VISITOR_CMD.visitorIdentify, { signature: await sign(claire, secret, { exp: Math.floor(Date.now() / 1000) - 3600 }) });
      expect(expired.ok ? 'ok' : expired.error.code).toBe(ERR.badSignature);
      const other = await ack(visitor, VISITOR_CMD.visitorIdentify, { signature: await sign(claire, 'some-other-secret-that-is-long-enough-0123456789') });
      expect(other.ok ? 'ok' : other.error.code).toBe(ERR.badSignature);
      expect(await ok(visitor, VISITOR_CMD.visitorIdentify, { signature: await sign(claire) })).toEqual({ verified: true });
      // Nothing refused was kept.
      const conv = await conversationOf(visitor);
      expect(conv.identity?.claimed).toBeUndefined();
    } finally {
      await admin('PUT', '/api/admin/identity/mode', { mode: 'optional' });
    }
  });
});

describe('rotation', () => {
  it('a new secret stops the old one at once', async () => {
    const before = await sign(claire);
    const res = await admin('POST', '/api/admin/identity/secret');
    const next = ((await res.json()) as { secret: string }).secret;
    expect(next).not.toBe(secret);
    expect((await identified({ signature: before })).res).toEqual({ ok: true, data: { verified: false, reason: 'bad-signature' } });
    secret = next;
    expect((await identified({ signature: await sign(claire) })).res).toEqual({ ok: true, data: { verified: true } });
  });

  it('the demo route signs the demo customer with the demo secret', async () => {
    const demo = (await (await fetch(server.url + '/demo/identity-token')).json()) as { signature: string; email: string };
    const { visitor, res } = await identified({ signature: demo.signature });
    expect(res).toEqual({ ok: true, data: { verified: true } });
    expect((await conversationOf(visitor)).identity?.verified?.email).toBe(demo.email);
  });
});
