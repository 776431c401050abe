// E-mail over a real SMTP server in the test process: the transcript on the visitor's request
// and the note when an agent answers a visitor who left an e-mail and is gone — each checked as
// received (language, content, no internal notes).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorSyncResult } from '../../protocol/types.js';
import { ack, clientId, closeClients, connectVisitor, ok, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { agent, handedOff, take } from './console-helpers.js';

let server: TestServer;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ smtpUrl: smtp.url, mailFrom: 'Atelier Lune <help@shop.example>' });
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});
afterEach(() => closeClients());

const text = (mail: { text?: string }) => mail.text ?? '';

describe('e-mail', () => {
  it('sends the transcript in the visitor’s language, without internal notes', async () => {
    const camille = await agent(server.url, 'camille');
    const { visitor, conversationId } = await handedOff(server.url, 'fr');
    const sync = await ok<VisitorSyncResult>(visitor, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    expect(sync.features).toEqual({ email: true });
    await take(camille, conversationId);
    await ok(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Mon colis 48213 n’est pas arrivé.' });
    await ok(camille, AGENT_CMD.noteAdd, { conversationId, text: 'NOTE INTERNE : client difficile' });
    await ok(camille, AGENT_CMD.messageSend, { conversationId, clientId: clientId(), text: 'Bonjour, votre colis arrive demain.' });
    await ok(visitor, VISITOR_CMD.conversationEnd, {});
    await ok(visitor, VISITOR_CMD.transcriptSend, { email: 'marie@example.fr' });
    const mail = await smtp.next();
    expect(mail.to).toMatchObject({ text: 'marie@example.fr' });
    expect(mail.from).toMatchObject({ text: expect.stringContaining('help@shop.example') });
    expect(mail.subject).toBe('Votre conversation avec Atelier Lune');
    expect(mail.headers.get('content-language')).toBe('fr');
    expect(text(mail)).toContain('Voici votre conversation avec Atelier Lune');
    expect(text(mail)).toMatch(/Vous: Mon colis 48213 n’est pas arrivé\./);
    expect(text(mail)).toMatch(/Camille: Bonjour, votre colis arrive demain\./);
    expect(text(mail)).toContain('Camille a rejoint la conversation.');
    expect(text(mail)).not.toContain('NOTE INTERNE');
    expect(text(mail)).not.toContain('left an e-mail');
  });

  it('tells a visitor who left an e-mail and left the page that an agent answered, once per turn', async () => {
    const sam = await agent(server.url, 'sam');
    const { visitor, conversationId, token } = await handedOff(server.url, 'en');
    await ok(visitor, VISITOR_CMD.contactSet, { email: 'jo@example.com' });
    await take(sam, conversationId);
    // While the visitor is there, no e-mail: the first one to arrive must be the later reply.
    await ok(sam, AGENT_CMD.messageSend, { conversationId, clientId: clientId(), text: 'Reply while you are here.' });
    visitor.close();
    await expect.poll(async () => (await server.app.io.of('/visitor').fetchSockets()).length, { timeout: 30_000 }).toBe(0);
    await ok(sam, AGENT_CMD.noteAdd, { conversationId, text: 'INTERNAL: check the warehouse' });
    await ok(sam, AGENT_CMD.messageSend, { conversationId, clientId: clientId(), text: 'Your parcel left the warehouse today.' });
    const first = await smtp.next();
    expect(first.to).toMatchObject({ text: 'jo@example.com' });
    expect(first.subject).toBe('Atelier Lune answered you');
    expect(first.headers.get('content-language')).toBe('en');
    expect(text(first)).toContain('Sam from Atelier Lune answered you in the chat:');
    expect(text(first)).toContain('Your parcel left the warehouse today.');
    expect(text(first)).not.toContain('INTERNAL');
    expect(text(first)).not.toContain('Reply while you are here.');
    // A second reply in the same turn sends nothing; after the visitor writes again (and goes), the next one does.
    await ok(sam, AGENT_CMD.messageSend, { conversationId, clientId: clientId(), text: 'Second reply, same turn.' });
    const back = connectVisitor(server.url, { siteId: 'demo', token, languages: ['en'] });
    await waitFor(back, 'connect');
    await ok(back, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Thanks, and the invoice?' });
    back.close();
    await expect.poll(async () => (await server.app.io.of('/visitor').fetchSockets()).length, { timeout: 30_000 }).toBe(0);
    await ok(sam, AGENT_CMD.messageSend, { conversationId, clientId: clientId(), text: 'The invoice is attached to your order.' });
    const second = await smtp.next();
    expect(text(second)).toContain('The invoice is attached to your order.');
    expect(text(second)).not.toContain('Second reply, same turn.');
  });

  it('needs an address, and sends a chat’s transcript a few times at most', async () => {
    const { visitor } = await handedOff(server.url, 'de');
    expect(await ack(visitor, VISITOR_CMD.transcriptSend, {})).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    expect(await ack(visitor, VISITOR_CMD.transcriptSend, { email: 'not-an-address' })).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    for (let i = 0; i < 3; i++) {
      await ok(visitor, VISITOR_CMD.transcriptSend, { email: 'k@example.de' });
      const mail = await smtp.next();
      expect(mail.subject).toBe('Ihr Gespräch mit Atelier Lune');
    }
    expect(await ack(visitor, VISITOR_CMD.transcriptSend, { email: 'k@example.de' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});
