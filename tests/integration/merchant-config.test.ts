// The server's side of the merchant integration: the loader's one request (the site's look and
// proactive rules, GET /api/widget/:siteId), who may read it cross-origin, and a proactive message
// stored only when the visitor answers it — the rule's own words, never the browser's.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { LoaderConfig } from '../../protocol/loader-config.js';
import type { VisitorMessage, VisitorSendResult, VisitorSyncResult } from '../../protocol/types.js';
import { ack, clientId, closeClients, connectVisitor, ok, startServer, waitFor, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => closeClients());
afterAll(async () => {
  await server?.close();
});

describe('GET /api/widget/:siteId', () => {
  it("serves the demo's look and rules in the asked language, cached like the loader", async () => {
    const res = await server.app.inject({ url: '/api/widget/demo?lang=de-DE' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers.vary).toMatch(/Origin/);
    const config = res.json<LoaderConfig>();
    expect(config.a).toMatchObject({ c: '#1d4ed8', t: 'Chat öffnen', l: '' });
    expect(config.r.map((r) => [r.id, r.e ?? null, r.s ?? null])).toEqual([
      ['product-question', null, 30],
      ['checkout-failed', 'checkout_failed', null],
    ]);
    expect(config.r[0]!.m).toBe('Eine Frage zu diesem Stück?');
    expect(res.body.length).toBeLessThanOrEqual(1024);
  });

  it('lets only pages the site allows read it cross-origin', async () => {
    const own = await server.app.inject({ url: '/api/widget/demo', headers: { origin: server.url, host: new URL(server.url).host } });
    expect(own.headers['access-control-allow-origin']).toBe(server.url);
    // The demo site allows only this server's own pages.
    const other = await server.app.inject({ url: '/api/widget/demo', headers: { origin: 'https://elsewhere.example' } });
    expect(other.statusCode).toBe(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers an unknown site or a bad language with an error code', async () => {
    const unknown = await server.app.inject({ url: '/api/widget/nope' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('UNKNOWN_SITE');
    const bad = await server.app.inject({ url: '/api/widget/demo?lang=<script>' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('BAD_PAYLOAD');
  });

  it('serves the default look and no rule when stored settings are broken', async () => {
    const site = (await server.app.store.getSite('demo'))!;
    await server.app.store.putSite({ ...site, appearance: { color: 'red;x:y' } as never });
    try {
      const res = await server.app.inject({ url: '/api/widget/demo?lang=en' });
      expect(res.json<LoaderConfig>()).toEqual({ a: { s: '', l: '', t: 'Open chat' }, r: [] });
    } finally {
      await server.app.store.putSite(site);
    }
  });
});

describe('answering a proactive message', () => {
  it("stores the rule's message before the visitor's first answer, and nothing for an unknown rule", async () => {
    const visitor = connectVisitor(server.url, { siteId: 'demo', languages: ['fr-FR'] });
    await waitFor(visitor, 'connect');
    const sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, {
      clientId: clientId(),
      text: 'Oui, le paiement a échoué deux fois',
      proactive: 'checkout-failed',
    });
    expect(sent.message.seq).toBe(2);
    const sync = await ok<VisitorSyncResult>(visitor, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    const [first, second] = sync.messages as VisitorMessage[];
    expect(first).toMatchObject({ seq: 1, author: 'bot', text: "Le paiement n'est pas passé ? Nous pouvons vous aider à finaliser votre commande." });
    expect(second).toMatchObject({ seq: 2, author: 'visitor' });
    // Later messages answer nothing: the id is ignored once the chat has begun.
    const later = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Merci', proactive: 'checkout-failed' });
    expect(later.message.author).toBe('visitor');
    const botAfter = await waitFor<VisitorMessage>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot' && m.seq > later.message.seq);
    expect(botAfter.text).not.toContain("Le paiement n'est pas passé");

    const other = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(other, 'connect');
    const unknown = await ok<VisitorSendResult>(other, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Hello', proactive: 'no-such-rule' });
    expect(unknown.message.seq).toBe(1);
    const bad = await ack(other, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Hello', proactive: 'Not An Id!' });
    expect(bad.ok).toBe(false);
  });
});
