// "Where is my order 48213?" on the demo site, whose order webhook is the demo shop's: the bot asks
// for the order's e-mail, then gives the status and the Colissimo tracking link in the visitor's
// language; a wrong e-mail gets no details; a customer the shop signed is not asked.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorMessage } from '../../protocol/types.js';
import { clientId, closeClients, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => closeClients());

const DEMO_EMAIL = 'claire.dubois@example.com';
const COLISSIMO = 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901';

async function visitor(lang: string) {
  const v = connectVisitor(server.url, { siteId: 'demo', languages: [lang] });
  await waitFor(v, 'connect');
  return v;
}

/** Send, then the bot's next message (never a guess: the test waits for whatever it says). */
async function say(v: Socket, text: string): Promise<VisitorMessage> {
  const next = waitFor<VisitorMessage>(v, 'message:created', (m) => m.author === 'bot' || m.author === 'system', 60_000);
  await ok(v, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
  return next;
}

const CASES = [
  { lang: 'fr', ask: 'Où est ma commande 48213 ?', status: 'expédiée', track: 'Suivre le colis (Colissimo)' },
  { lang: 'en', ask: 'Where is my order 48213?', status: 'shipped', track: 'Track the parcel (Colissimo)' },
  { lang: 'es', ask: '¿Dónde está mi pedido 48213?', status: 'enviado', track: 'Seguir el paquete (Colissimo)' },
  { lang: 'de', ask: 'Wo ist meine Bestellung 48213?', status: 'versandt', track: 'Sendung verfolgen (Colissimo)' },
] as const;

describe('order status with the carrier link', () => {
  for (const c of CASES) {
    it(`${c.lang}: asks for the e-mail, then gives the status and the Colissimo link`, async () => {
      const v = await visitor(c.lang);
      const asked = await say(v, c.ask);
      expect(asked.bot?.outcome).toBe('order');
      expect(asked.lang).toBe(c.lang);
      expect(asked.text).toContain('48213');
      expect(asked.links ?? []).toEqual([]);
      const answer = await say(v, DEMO_EMAIL);
      expect(answer.lang).toBe(c.lang);
      expect(answer.text).toContain('48213');
      expect(answer.text).toContain(c.status);
      expect(answer.text).toContain('6A12345678901');
      expect(answer.links).toEqual([{ label: c.track, url: COLISSIMO }]);
    });
  }

  it('asking for a person while the bot waits for the e-mail hands off, no lookup', async () => {
    const v = await visitor('fr');
    await say(v, 'Où est ma commande 48213 ?');
    const next = await say(v, 'Je veux parler à un conseiller, mon e-mail est marie@example.fr');
    expect(next.author).toBe('system');
    expect(next.bot?.outcome).toBe('handoff');
  });

  it('an order number in a message the FAQ places elsewhere, or with a request for a person, is left to them', async () => {
    const v = await visitor('fr');
    const reply = await say(v, "Ma commande n° 48213 n'est pas arrivée, mon e-mail est marie.dupont@example.fr. Je veux parler à un conseiller");
    expect(reply.bot?.outcome).toBe('handoff');
  });

  it('a wrong e-mail gets no order details, and a person is offered', async () => {
    const v = await visitor('en');
    await say(v, 'Where is my order 48213?');
    const answer = await say(v, 'my email is mallory@example.com');
    expect(answer.text).toContain('48213');
    for (const detail of ['shipped', 'Colissimo', '6A12345678901', 'Vase']) expect(answer.text).not.toContain(detail);
    expect(answer.links ?? []).toEqual([]);
    expect(answer.quickReplies?.map((q) => q.label)).toEqual(['Talk to a person']);
    // Nor does the stored conversation hold any for an agent to read out by mistake.
    const conv = (await ok<{ conversation: { id: string } }>(v, VISITOR_CMD.conversationSync, { afterSeq: 0 })).conversation;
    const messages = await server.app.store.listMessages(conv.id);
    expect(messages.map((m) => m.text).join(' ')).not.toContain('Colissimo');
  });

  it('an unknown order gets the same message as a wrong e-mail, and three misses end the lookups', async () => {
    const v = await visitor('fr');
    await say(v, 'Où en est ma commande n° 99999 ?');
    const first = await say(v, DEMO_EMAIL);
    expect(first.text).toContain('Je ne trouve pas de commande 99999');
    const second = await say(v, 'autre@example.com');
    expect(second.text).toContain('Je ne trouve pas');
    const third = await say(v, 'encore@example.com');
    expect(third.text).toContain('Une personne de l’équipe');
    expect(third.quickReplies?.length).toBe(1);
  });

  it('gives the FAQ answer and asks for the number when the question has none', async () => {
    const v = await visitor('en');
    const asked = await say(v, 'Where is my parcel?');
    expect(asked.bot?.outcome).toBe('answer');
    expect(asked.text).toContain('La Poste');
    expect(asked.text).toContain('what is its number?');
    const email = await say(v, '48213');
    expect(email.text).toContain('e-mail');
    const answer = await say(v, DEMO_EMAIL);
    expect(answer.links?.[0]?.url).toBe(COLISSIMO);
  });

  it("a customer the shop signed is not asked for the e-mail", async () => {
    const v = await visitor('en');
    const token = (await (await fetch(server.url + '/demo/identity-token')).json()) as { signature: string };
    expect(await ok(v, VISITOR_CMD.visitorIdentify, { signature: token.signature })).toEqual({ verified: true });
    const answer = await say(v, 'Where is my order 48213?');
    expect(answer.links).toEqual([{ label: 'Track the parcel (Colissimo)', url: COLISSIMO }]);
    // Not their order: the shop's webhook finds none with their e-mail.
    const other = await say(v, 'and order 51234?');
    expect(other.text).toContain('could not find an order 51234');
    expect(other.links ?? []).toEqual([]);
  });
});
