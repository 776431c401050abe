// Small talk and the welcome on the real server: "bonjour", "hi", "hola", "hallo", "merci",
// "thanks" each get a reply in their language with the site's topics as buttons, the chat stays
// with the bot and nothing is listed as unanswered; a greeting before a question is answered as
// the question; the welcome comes with the first sync, before anything is stored.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message, VisitorSendResult, VisitorSyncResult } from '../../protocol/types.js';
import { DEMO_WELCOME } from '../../server/seed/demo-seed.js';
import { de } from '../../faq/small-talk/de.js';
import { en } from '../../faq/small-talk/en.js';
import { es } from '../../faq/small-talk/es.js';
import { fr } from '../../faq/small-talk/fr.js';
import { clientId, closeClients, connectVisitor, ok, page, startServer, waitFor, type TestServer } from '../helpers/server.js';

const REPLIES = { fr: fr.replies, en: en.replies, es: es.replies, de: de.replies };
/** The demo's topics, as the FAQ asks them in each language (faq/data/demo). */
const TOPICS: Record<string, string[]> = {
  fr: ['Où en est ma commande ?', 'Comment retourner un article ?', 'Quels sont les délais de livraison ?', 'Quels moyens de paiement acceptez-vous ?'],
  en: ['How can I track my order?', 'What is your returns policy?', 'How long does delivery take?', 'Which payment methods do you accept?'],
  es: ['¿Dónde está mi pedido?', '¿Cómo puedo devolver un artículo?', '¿Cuánto tarda el envío?', '¿Qué formas de pago aceptáis?'],
  de: ['Wo ist meine Bestellung?', 'Wie kann ich einen Artikel zurückschicken?', 'Wie lange dauert die Lieferung?', 'Welche Zahlungsarten akzeptieren Sie?'],
};
/** The bot thread may share the machine with other work: generous caps, never sleeps. */
const WAIT_MS = 30_000;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => closeClients());

async function visitor(languages = ['en-GB']): Promise<Socket> {
  const v = connectVisitor(server.url, { siteId: 'demo', languages });
  await waitFor(v, 'connect', undefined, WAIT_MS);
  return v;
}

/** Send `text`; the bot's reply as stored (with its decision). */
async function ask(v: Socket, text: string): Promise<{ sent: VisitorSendResult; reply: Message }> {
  const seen = waitFor<Message>(v, SERVER_EVT.messageCreated, (m) => m.author !== 'visitor', WAIT_MS);
  const sent = await ok<VisitorSendResult>(v, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
  const m = await seen;
  const [reply] = await server.app.store.listMessages(m.conversationId, m.seq - 1, 1);
  return { sent, reply: reply! };
}

describe('small talk', () => {
  const cases = [
    ['bonjour', 'fr', 'greeting'],
    ['hi', 'en', 'greeting'],
    ['hola', 'es', 'greeting'],
    ['hallo', 'de', 'greeting'],
    ['merci', 'fr', 'thanks'],
    ['thanks', 'en', 'thanks'],
  ] as const;
  for (const [text, lang, kind] of cases) {
    it(`"${text}" gets a reply in ${lang} with the topics, and no hand-off`, async () => {
      // The browser says English every time: the words say the language.
      const v = await visitor(['en-GB']);
      const { reply } = await ask(v, text);
      expect(reply.author).toBe('bot');
      expect(reply.bot).toMatchObject({ outcome: 'smalltalk', via: 'small-talk', smallTalk: kind, lang });
      expect(REPLIES[lang][kind]).toContain(reply.text);
      expect(reply.lang).toBe(lang);
      expect(reply.quickReplies?.map((q) => q.label)).toEqual(TOPICS[lang]);
      const conv = (await server.app.store.getConversation(reply.conversationId))!;
      expect(conv.status).toBe('bot');
      expect(conv.lang).toBe(lang);
      const unanswered = await server.app.store.listUnanswered('demo');
      expect(unanswered.filter((u) => u.conversationId === conv.id)).toEqual([]);
    });
  }

  it('answers the question after a greeting, and the next question too', async () => {
    const v = await visitor(['fr-FR']);
    const { reply } = await ask(v, 'bonjour, où est ma commande ?');
    expect(reply.bot).toMatchObject({ outcome: 'answer', faqId: 'order-tracking', lang: 'fr' });
    // With an order number, the demo's order webhook takes it (server/services/orders/): still the tracking topic.
    const next = await ask(v, 'où est ma commande 48213 ?');
    expect(next.reply.bot).toMatchObject({ faqId: 'order-tracking' });
  });

  it('keeps answering after small talk ("bonjour", then a question)', async () => {
    const v = await visitor(['fr-FR']);
    await ask(v, 'bonjour');
    const { reply } = await ask(v, 'où est ma commande 48213 ?');
    expect(reply.bot).toMatchObject({ faqId: 'order-tracking' });
  });

  it('words a second greeting differently', async () => {
    const v = await visitor(['en-GB']);
    const first = await ask(v, 'hello');
    const second = await ask(v, 'hello again');
    expect(second.reply.bot?.outcome).toBe('smalltalk');
    expect(second.reply.text).not.toBe(first.reply.text);
  });
});

describe('the welcome', () => {
  it('comes with the first sync in the browser’s language, before anything is stored', async () => {
    for (const [languages, lang] of [[['de-DE', 'en'], 'de'], [['es'], 'es'], [['ja'], 'en']] as const) {
      const v = await visitor([...languages]);
      const sync = await ok<VisitorSyncResult>(v, VISITOR_CMD.conversationSync, { afterSeq: 0 });
      expect(sync.conversation).toBeNull();
      expect(sync.welcome).toEqual({
        lang,
        text: DEMO_WELCOME.messages[lang],
        topics: TOPICS[lang]!.map((q) => ({ label: q, text: q })),
      });
      v.close();
    }
  });

  it('follows the conversation’s language once there is one', async () => {
    const v = await visitor(['en-GB']);
    await ask(v, 'hola');
    const sync = await ok<VisitorSyncResult>(v, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect(sync.welcome?.lang).toBe('es');
  });
});
