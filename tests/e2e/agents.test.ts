// In a real browser: two agents in two consoles (French, English) and French visitors.
// The chat goes to the agent who speaks the language; a visitor who has to wait sees their
// place in line, then "Camille a rejoint la conversation." and her reply in the widget.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AGENT_CMD } from '../../protocol/events.js';
import { closeClients, connectAgent, ok, startServer, type TestServer } from '../helpers/server.js';
import { ARTIFACTS, DIST, launchChromium, requireBuild } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await requireBuild();
  // One chat per agent at a time, so the second visitor has to wait.
  server = await startServer({ distDir: DIST, agentMaxChats: 1 });
  browser = await launchChromium();
});
afterAll(async () => {
  closeClients();
  await browser?.close();
  await server?.close();
});

async function consoleOf(email: string, password: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(server.url + '/console/');
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.locator('[data-bulle="mine"]').waitFor();
  return page;
}

async function frenchVisitor(): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(server.url + '/');
  await page.locator('[data-bulle="launcher"]').click();
  await page.locator('[data-bulle="human"]').click();
  return page;
}

const widget = (page: Page, author: string) => page.locator(`[data-bulle="message"][data-author="${author}"]`);

describe('browser: routing by language, the queue and the join in the widget', () => {
  it('with nobody online, says so and takes an e-mail', async () => {
    const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(server.url + '/');
    await page.locator('[data-bulle="launcher"]').click();
    await page.locator('[data-bulle="human"]').click();
    await page.locator('[data-bulle="offline"]').filter({ hasText: 'Nobody is available right now.' }).waitFor();
    await page.locator('[data-bulle="email"]').fill('jo@example.com');
    await page.locator('[data-bulle="email-send"]').click();
    await page.locator('[data-bulle="email-saved"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'widget-offline.png') });
    // The shop has the address; the chat is closed again so the next test starts with free agents.
    const [conv] = await server.app.store.listConversations({ siteId: 'demo', status: ['queued'] });
    expect(conv).toMatchObject({ lang: 'en', contactEmail: 'jo@example.com' });
    const alex = await connectAgent(server.url, 'alex@demo.bulle.chat', 'demo-alex');
    await ok(alex, AGENT_CMD.conversationClose, { conversationId: conv!.id });
    alex.close();
    await ctx.close();
  });

  it('gives the chat to the French agent; the next visitor waits in line, then Camille joins and replies', async () => {
    const camille = await consoleOf('camille@demo.bulle.chat', 'demo-camille');
    const sam = await consoleOf('sam@demo.bulle.chat', 'demo-sam');

    // 1. A French visitor asks for a person: Camille has it at once, Sam never sees it.
    const first = await frenchVisitor();
    await widget(first, 'system').filter({ hasText: 'Camille a rejoint la conversation.' }).waitFor();
    await expect.poll(() => first.locator('[data-bulle="status"]').innerText()).toBe('Camille');
    const firstItem = camille.locator('[data-bulle="mine-item"][data-lang="fr"][data-status="assigned"]');
    await firstItem.waitFor();
    const firstId = (await firstItem.getAttribute('data-id'))!;
    expect(await sam.locator('[data-bulle="mine-item"]').count()).toBe(0);

    // 2. A second French visitor: Camille is full (one chat at a time here), so they wait, and see where.
    const second = await frenchVisitor();
    await expect.poll(() => second.locator('[data-bulle="queue"]').innerText()).toMatch(/^Vous êtes n° 1 dans la file · environ \d+ min$/);
    expect(await second.locator('[data-bulle="status"]').innerText()).toBe('En attente d’un conseiller');
    await second.screenshot({ path: join(ARTIFACTS, 'widget-queue.png') });

    // 3. Camille finishes the first chat: the second is hers at once, and the visitor is told.
    const agentSocket = await connectAgent(server.url, 'camille@demo.bulle.chat', 'demo-camille');
    await ok(agentSocket, AGENT_CMD.conversationClose, { conversationId: firstId });
    await widget(second, 'system').filter({ hasText: 'Camille a rejoint la conversation.' }).waitFor();
    await second.locator('[data-bulle="queue"]').waitFor({ state: 'detached' });

    // 4. She replies from her console; the visitor reads it in the widget.
    const item = camille.locator('[data-bulle="mine-item"][data-status="assigned"]');
    await item.locator('button').first().click();
    const reply = 'Bonjour, je suis Camille. Je regarde votre commande.';
    await camille.locator('[data-bulle="reply-input"]').fill(reply);
    await camille.locator('[data-bulle="reply-send"]').click();
    await widget(second, 'agent').filter({ hasText: reply }).waitFor();
    expect(await sam.locator('[data-bulle="mine-item"]').count()).toBe(0);
    await camille.screenshot({ path: join(ARTIFACTS, 'console-routing.png') });
  }, 60_000);
});
