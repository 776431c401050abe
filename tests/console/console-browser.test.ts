// The console's workspace in a real browser: a canned reply filled from what the
// visitor wrote, an attached e-mail, an internal note the visitor never gets, the context
// panel, and closing with a tag. The visitor is a plain socket client with a phone's user agent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message } from '../../protocol/types.js';
import { DIST, launchChromium, requireBuild } from '../e2e/browser.js';
import { clientId, collect, ok, startServer, waitFor, type TestServer } from '../helpers/server.js';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const SHOP = 'http://127.0.0.1/';

let server: TestServer;
let browser: Browser;
let visitor: Socket;

beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST });
  browser = await launchChromium();
});
afterAll(async () => {
  visitor?.close();
  await browser?.close();
  await server?.close();
});

describe('browser: the agent workspace', () => {
  it('canned reply, attach, note, context, close with a tag', async () => {
    // 1. A French visitor on a phone browses three pages, gives an order number and an e-mail, asks for a person.
    visitor = io(server.url + '/visitor', { transports: ['websocket'], auth: { siteId: 'demo', languages: ['fr-CA', 'fr'] }, extraHeaders: { 'user-agent': IPHONE }, forceNew: true, reconnection: false });
    await waitFor(visitor, 'connect');
    await ok(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: "Bonjour, je m'appelle Marie", page: { url: SHOP, title: 'Accueil' } });
    for (const [path, title] of [['lampe', 'Lampe Lune'], ['checkout.html', 'Commande']]) {
      await ok(visitor, VISITOR_CMD.visitUpdate, { page: { url: SHOP + path, title }, referrer: 'https://www.google.com/', timeZone: 'America/Montreal', pageLang: 'fr' });
    }
    await ok(visitor, VISITOR_CMD.messageSend, {
      clientId: clientId(),
      text: "Ma commande n° 48213 n'est pas arrivée, mon e-mail est marie.dupont@example.fr. Je veux parler à un conseiller",
      page: { url: SHOP + 'checkout.html', title: 'Commande' },
    });
    const toVisitor = collect<Message>(visitor, SERVER_EVT.messageCreated);

    // 2. Camille logs in and has the chat: given by the router, or claimed from the queue.
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(server.url + '/console/');
    await page.locator('input[type="email"]').fill('camille@demo.bulle.chat');
    await page.locator('input[type="password"]').fill('demo-camille');
    await page.locator('button[type="submit"]').click();
    const either = page.locator('[data-bulle="queue-item"][data-lang="fr"], [data-bulle="mine-item"][data-lang="fr"]').first();
    await either.waitFor();
    if ((await either.getAttribute('data-bulle')) === 'queue-item') await either.locator('[data-bulle="claim"]').click();
    else await either.locator('.item__main').click();
    const input = page.locator('[data-bulle="reply-input"]');
    await input.waitFor();

    // 3. The context panel: device, local time, pages, the bot's decisions.
    const context = page.locator('[data-bulle="context"]');
    expect(await context.locator('[data-bulle="ctx-device"]').innerText()).toBe('Mobile · Safari on iOS');
    expect(await context.locator('[data-bulle="ctx-local-time"]').innerText()).toContain('America/Montreal');
    expect(await context.locator('[data-bulle="ctx-pages"] li').count()).toBeGreaterThanOrEqual(2);
    expect(await context.locator('[data-bulle="ctx-bot-line"]').count()).toBeGreaterThanOrEqual(1);

    // 4. `/trac` + Enter inserts the tracking reply, filled with the order number the visitor gave.
    await input.fill('/trac');
    await page.locator('[data-bulle="canned-item"][data-shortcut="tracking"]').waitFor();
    await input.press('Enter');
    expect(await input.inputValue()).toContain('48213');
    const reply = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'agent');
    await input.press('Enter');
    expect((await reply).text).toContain('la commande 48213');

    // 5. Attach the e-mail the visitor wrote.
    const offer = page.locator('[data-bulle="customer-offer"]', { hasText: 'marie.dupont@example.fr' });
    await offer.locator('[data-bulle="customer-attach"]').click();
    await page.locator('[data-bulle="customer-links"]', { hasText: 'marie.dupont@example.fr' }).waitFor();

    // 6. Alt+N: an internal note, shown as such, never sent to the visitor.
    await input.focus();
    await page.keyboard.press('Alt+N');
    await page.locator('[data-bulle="composer"][data-mode="note"]').waitFor();
    await input.fill('Déjà remboursée une fois en mars');
    await input.press('Enter');
    await page.locator('[data-bulle="message"][data-internal="true"]', { hasText: 'Déjà remboursée' }).waitFor();
    await page.screenshot({ path: 'tests/artifacts/console-context.png' });

    // 7. Close: one tag and the outcome; the tag of the topic the bot read is pre-selected, the agent still chooses.
    expect(await page.locator('[data-bulle="conversation-header"] [data-bulle="topic"]').innerText()).toBe('orders');
    expect(await page.locator('[data-bulle="ctx-topic-select"]').inputValue()).toBe('orders');
    await page.locator('[data-bulle="close"]').click();
    const confirm = page.locator('[data-bulle="close-confirm"]');
    expect(await page.locator('[data-bulle="close-tag"].is-on').getAttribute('data-tag')).toBe('order-status');
    await page.locator('[data-bulle="close-tag"][data-tag="delivery"]').click();
    await confirm.click();
    await page.locator('[data-bulle="conversation"][data-status="closed"]').waitFor();
    expect(await page.locator('[data-bulle="conversation-header"] [data-bulle="tag"]').innerText()).toContain('delivery');
    expect(toVisitor.some((m) => m.internal || m.text.includes('remboursée'))).toBe(false);

    // 8. `?` shows the shortcuts.
    await page.keyboard.press('?');
    await page.locator('[data-bulle="shortcut-help"]').waitFor();
    await ctx.close();
  }, 60_000);

  it('lists the questions the bot could not answer, as text', async () => {
    const v = io(server.url + '/visitor', { transports: ['websocket'], auth: { siteId: 'demo', languages: ['en'] }, forceNew: true, reconnection: false });
    await waitFor(v, 'connect');
    const reply = waitFor<Message>(v, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
    await ok(v, VISITOR_CMD.messageSend, { clientId: clientId(), text: '<b>Can you</b> explain quantum entanglement?' });
    await reply;
    v.close();
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(server.url + '/console/');
    await page.locator('input[type="email"]').fill('sam@demo.bulle.chat');
    await page.locator('input[type="password"]').fill('demo-sam');
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-bulle="unanswered-open"]').click();
    const item = page.locator('[data-bulle="unanswered-item"]').first();
    await item.waitFor();
    expect(await item.getAttribute('data-reason')).toBe('stepped-aside');
    expect(await item.locator('.unanswered__text').innerText()).toBe('<b>Can you</b> explain quantum entanglement?');
    expect(await page.locator('[data-bulle="unanswered"] b').count()).toBe(0);
    await ctx.close();
  }, 30_000);
});
