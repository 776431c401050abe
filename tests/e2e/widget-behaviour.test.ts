// The widget's own promises in a real browser: silent until clicked, text never HTML,
// an unread badge for a returning visitor, a rejected token dropped, reconnection, mobile and
// language. The agent side is a plain socket.io-client here; loop.test.ts drives the console.
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AGENT_CMD, SERVER_EVT } from '../../protocol/events.js';
import type { QueueListResult, TypingChanged } from '../../protocol/types.js';
import { clientId, closeClients, connectAgent, ok, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { DIST, launchChromium, networkSwitch, requireBuild, widgetAppFile, askForPerson } from './browser.js';

const TOKEN_KEY = 'bulle:demo:token';
let APP_PATH = '';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await requireBuild();
  APP_PATH = `/widget/${widgetAppFile()}`;
  server = await startServer({ distDir: DIST });
  browser = await launchChromium();
});
afterEach(async () => {
  closeClients();
  for (const c of contexts.splice(0)) await c.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A visitor's tab on the demo shop, recording the WebSockets and scripts it opens. */
async function shopPage(options: Parameters<Browser['newContext']>[0] = {}) {
  const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 }, ...options });
  contexts.push(ctx);
  const page = await ctx.newPage();
  const sockets: string[] = [];
  const scripts: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(server.url + '/');
  await page.locator('[data-bulle="launcher"]').waitFor();
  return { page, sockets, scripts };
}

const messages = (page: Page, author: string) => page.locator(`[data-bulle="message"][data-author="${author}"]`);

async function send(page: Page, text: string) {
  await page.locator('[data-bulle="input"]').fill(text);
  await page.locator('[data-bulle="send"]').click();
}

describe('widget: loader', () => {
  it('opens nothing until clicked; hovering only prefetches the app', async () => {
    const { page, sockets, scripts } = await shopPage();
    await page.locator('[data-bulle="launcher"]').hover();
    await page.waitForFunction(() => '__bulleApp' in window);
    expect(scripts.filter((s) => s === APP_PATH)).toHaveLength(1);
    expect(sockets).toEqual([]);
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    expect(await page.locator('[data-bulle="launcher"]').getAttribute('aria-label')).toBe('Open chat');

    await page.locator('[data-bulle="launcher"]').click();
    await page.locator('[data-bulle="panel"]').waitFor();
    expect(scripts.filter((s) => s === APP_PATH)).toHaveLength(1);
    expect(sockets).toHaveLength(1);
    // Opening is not talking: still nothing stored until the visitor sends something.
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
  });
});

describe('widget: app', () => {
  it('renders what people type as text, never as HTML', async () => {
    const { page } = await shopPage();
    await page.locator('[data-bulle="launcher"]').click();
    const attack = '<img src=x onerror="window.__pwned=1"><b>bold?</b>';
    await send(page, attack);
    await expect.poll(() => messages(page, 'visitor').first().innerText()).toBe(attack);
    await messages(page, 'bot').first().waitFor();
    const shadowHtml = await page.evaluate(() => document.querySelector('bulle-chat')!.shadowRoot!.innerHTML);
    expect(shadowHtml).not.toContain('<img');
    expect(shadowHtml).not.toContain('<b>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate((k) => localStorage.getItem(k), TOKEN_KEY)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('shows an agent reply as an unread badge, live and after a reload, without opening the panel', async () => {
    const { page, sockets } = await shopPage();
    await page.locator('[data-bulle="launcher"]').click();
    await send(page, 'Hello, I have a question about a custom order for my shop');
    await askForPerson(page);
    await messages(page, 'system').first().waitFor();
    await expect.poll(() => page.locator('[data-bulle="status"]').innerText()).toBe('Waiting for an agent');

    // Escape closes and gives the focus back to the bubble.
    await page.locator('[data-bulle="input"]').press('Escape');
    await page.locator('[data-bulle="panel"]').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.querySelector('bulle-chat')!.shadowRoot!.activeElement?.getAttribute('data-bulle'))).toBe('launcher');

    // Sam comes online: the router gives him the waiting chat at once.
    const agent = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    let conversationId = '';
    await expect
      .poll(async () => {
        const { mine } = await ok<QueueListResult>(agent, AGENT_CMD.queueList, {});
        return (conversationId = mine.find((c) => c.firstMessage?.includes('custom order'))?.id ?? '');
      }, { timeout: 5000 })
      .not.toBe('');
    await ok(agent, AGENT_CMD.messageSend, { conversationId, clientId: clientId(), text: 'Sam here, happy to help.' });
    await expect.poll(() => page.locator('[data-bulle="badge"]').innerText()).toBe('1');

    // 2. A reload: the loader sees the token and connects at once, the panel stays closed.
    await page.reload();
    await expect.poll(() => page.locator('[data-bulle="badge"]').textContent()).toBe('1');
    expect(await page.locator('[data-bulle="panel"]').count()).toBe(0);
    expect(sockets).toHaveLength(2);

    // 3. Opening reads it; the read mark is the server's, so the next visit has no badge.
    await page.locator('[data-bulle="launcher"]').click();
    await messages(page, 'agent').first().waitFor();
    expect(await page.locator('[data-bulle="status"]').innerText()).toBe('Sam');

    // 4. Typing, both ways.
    await ok(agent, AGENT_CMD.typingSet, { conversationId, typing: true });
    await page.locator('[data-bulle="typing"]').waitFor();
    const visitorTyping = waitFor(agent, SERVER_EVT.typingChanged, (t: TypingChanged) => t.author === 'visitor' && t.typing);
    await page.locator('[data-bulle="input"]').pressSequentially('Thanks');
    await visitorTyping;
    await ok(agent, AGENT_CMD.typingSet, { conversationId, typing: false });
    await page.locator('[data-bulle="typing"]').waitFor({ state: 'detached' });

    await page.locator('[data-bulle="close"]').click();
    await page.reload();
    await expect.poll(() => sockets.length).toBe(3);
    await page.waitForTimeout(500);
    expect(await page.locator('[data-bulle="badge"]').count()).toBe(0);
  });

  it('drops a token the server rejects and starts over as a new visitor', async () => {
    const { page, sockets } = await shopPage();
    // A stored token and the loader's sign of it (widget/bridge.ts markReturning).
    await page.evaluate(
      (k) =>
        new Promise((done) => {
          localStorage.setItem(k, 'x'.repeat(32));
          indexedDB.open(k).onsuccess = (e) => done((e.target as IDBOpenDBRequest).result.close());
        }),
      TOKEN_KEY,
    );
    await page.reload();
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), TOKEN_KEY)).toBeNull();
    await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    await expect.poll(() => sockets.length).toBe(2);
    await page.locator('[data-bulle="launcher"]').click();
    await send(page, 'Where is my order?');
    await messages(page, 'bot').first().waitFor();
    expect(await page.evaluate((k) => localStorage.getItem(k), TOKEN_KEY)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('reconnects when the server drops it, and keeps working', async () => {
    const { page, sockets } = await shopPage();
    await page.locator('[data-bulle="launcher"]').click();
    await send(page, 'Where is my order?');
    await messages(page, 'bot').first().waitFor();
    server.app.io.of('/visitor').disconnectSockets(true);
    await expect.poll(() => sockets.length).toBe(2);
    await send(page, 'How long does delivery take?');
    await expect.poll(() => messages(page, 'bot').count()).toBe(2);
    expect(await page.locator('[data-bulle="message"][data-state]').count()).toBe(0);
    expect(await page.locator('[data-bulle="reconnecting"]').count()).toBe(0);
  });

  it('keeps a message typed while offline, shows it pending, and delivers it once on reconnection', async () => {
    const ctx = await browser.newContext({ locale: 'en-GB' });
    contexts.push(ctx);
    const network = await networkSwitch(ctx);
    const page = await ctx.newPage();
    await page.goto(server.url + '/');
    await page.locator('[data-bulle="launcher"]').click();
    await send(page, 'Where is my order?');
    await messages(page, 'bot').first().waitFor();

    await network.goOffline();
    await page.locator('[data-bulle="reconnecting"]').waitFor();
    await send(page, 'How long does delivery take?');
    await page.locator('[data-bulle="message"][data-state="pending"]').waitFor();

    network.goOnline();
    await page.locator('[data-bulle="reconnecting"]').waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => messages(page, 'bot').count()).toBe(2);
    expect(await page.locator('[data-bulle="message"][data-state]').count()).toBe(0);
    const texts = await messages(page, 'visitor').allInnerTexts();
    expect(texts).toEqual(['Where is my order?', 'How long does delivery take?']);
  }, 30_000);

  it('is full screen on a phone, speaks French, Enter sends and Shift+Enter breaks the line', async () => {
    const { page } = await shopPage({ locale: 'fr-FR', viewport: { width: 375, height: 700 }, isMobile: true, hasTouch: true });
    expect(await page.locator('[data-bulle="launcher"]').getAttribute('aria-label')).toBe('Ouvrir le chat');
    await page.locator('[data-bulle="launcher"]').click();
    const panel = page.locator('[data-bulle="panel"]');
    expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 700 });
    const input = page.locator('[data-bulle="input"]');
    expect(await input.getAttribute('placeholder')).toBe('Écrivez un message…');
    expect(await input.evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
    expect(await page.locator('[data-bulle="human"]').innerText()).toBe('Parler à une personne');

    await input.pressSequentially('Bonjour');
    await input.press('Shift+Enter');
    await input.pressSequentially('où est mon colis ?');
    await input.press('Enter');
    await expect.poll(() => messages(page, 'visitor').first().innerText()).toBe('Bonjour\noù est mon colis ?');
    expect(await input.inputValue()).toBe('');
    await messages(page, 'bot').first().waitFor();
    await page.screenshot({ path: resolve('tests/artifacts/widget-mobile.png') });
  });

  it('shows "did you mean" buttons, "Did this help?" on answers, and lets the visitor pick the language', async () => {
    const { page } = await shopPage();
    await page.locator('[data-bulle="launcher"]').click();
    // 1. A vague word: up to three quick replies; pressing one sends its question, the bot answers.
    await send(page, 'delivery');
    const quick = page.locator('[data-bulle="quick-reply"]');
    await quick.first().waitFor();
    expect(await quick.count()).toBeLessThanOrEqual(3);
    const question = await quick.first().innerText();
    await quick.first().click();
    await expect.poll(() => messages(page, 'visitor').last().innerText()).toBe(question);
    await page.locator('[data-bulle="helpful-no"]').waitFor();
    expect(await quick.count()).toBe(0);
    // 2. "No": the buttons go, and the bot offers a person as a quick reply.
    await page.locator('[data-bulle="helpful-no"]').click();
    await expect.poll(() => page.locator('[data-bulle="helpful-no"]').count()).toBe(0);
    await expect.poll(() => quick.allInnerTexts()).toEqual(['Talk to a person']);
    // 3. The language picker: the site's languages; choosing one is kept by the server.
    const lang = page.locator('[data-bulle="lang"]');
    expect(await lang.locator('option').allInnerTexts()).toEqual(['FR', 'EN', 'ES', 'DE']);
    await lang.selectOption('de');
    await expect.poll(() => lang.inputValue()).toBe('de');
    const before = await messages(page, 'bot').count();
    await send(page, 'refund');
    await expect.poll(() => messages(page, 'bot').count()).toBe(before + 1);
    expect(await lang.inputValue()).toBe('de');
    await page.screenshot({ path: resolve('tests/artifacts/widget-bot-outcomes.png') });
  }, 30_000);
});
