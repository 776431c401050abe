// In a real browser, with a real SMTP server in the test process: once the chat has ended, the
// widget offers the transcript by e-mail; a Spanish visitor sends it and it arrives in Spanish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { AGENT_CMD } from '../../protocol/events.js';
import { closeClients, ok, startServer, type TestServer } from '../helpers/server.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { agent } from '../integration/console-helpers.js';
import { DIST, launchChromium, openWidget, requireBuild } from './browser.js';

let server: TestServer;
let smtp: TestSmtp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await requireBuild();
  smtp = await startSmtp();
  server = await startServer({ distDir: DIST, smtpUrl: smtp.url, mailFrom: 'Atelier Lune <help@shop.example>' });
  browser = await launchChromium();
});
afterAll(async () => {
  closeClients();
  for (const ctx of contexts) await ctx.close();
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

describe('browser: the transcript by e-mail', () => {
  it('is offered once the agent closed the chat, and arrives in the visitor’s language', async () => {
    const lucia = await agent(server.url, 'lucia');
    const visitor = await openWidget(browser, server.url, contexts, { locale: 'es-ES' });
    await visitor.locator('[data-bulle="human"]').click();
    await visitor.locator('[data-bulle="message"][data-author="system"]').filter({ hasText: 'Lucía se ha unido al chat.' }).waitFor();
    const [conv] = await server.app.store.listConversations({ siteId: 'demo', status: ['assigned'] });
    await ok(lucia, AGENT_CMD.messageSend, { conversationId: conv!.id, clientId: 'lucia-reply-1', text: 'Tu pedido sale hoy.' });
    await visitor.locator('[data-bulle="message"][data-author="agent"]').filter({ hasText: 'Tu pedido sale hoy.' }).waitFor();
    // Before the end, nothing to send.
    expect(await visitor.locator('[data-bulle="transcript"]').count()).toBe(0);
    await ok(lucia, AGENT_CMD.conversationClose, { conversationId: conv!.id, tag: 'delivery', resolved: true });
    await visitor.locator('[data-bulle="transcript-email"]').fill('ana@example.es');
    await visitor.locator('[data-bulle="transcript-send"]').click();
    await visitor.locator('[data-bulle="transcript-sent"]').filter({ hasText: 'Enviado.' }).waitFor();
    const mail = await smtp.next();
    expect(mail.subject).toBe('Tu conversación con Atelier Lune');
    expect(mail.text).toContain('Lucía: Tu pedido sale hoy.');
    expect(mail.headers.get('content-language')).toBe('es');
  });
});
