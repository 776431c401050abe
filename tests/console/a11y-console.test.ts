// axe-core over the agent console in each screen and dialog an agent meets: the log-in screen
// (and its error), the workspace (empty, with a queue, with a chat open and its context, with
// the canned menu, with closed chats), and every dialog — transfer, close, canned replies,
// unanswered questions, keyboard shortcuts, the FAQ editor. No serious or critical violation anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message } from '../../protocol/types.js';
import { axeViolations, describeViolations, isBlocking } from '../e2e/axe.js';
import { DIST, launchChromium, requireBuild } from '../e2e/browser.js';
import { clientId, closeClients, connectAgent, connectVisitor, ok, startServer, waitFor, type TestServer } from '../helpers/server.js';

let server: TestServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST });
  browser = await launchChromium();
  ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await ctx.newPage();
});
afterAll(async () => {
  closeClients();
  await ctx?.close();
  await browser?.close();
  await server?.close();
});

/** The assertion every state shares; `state` names it in the log and in a failure. */
async function check(state: string) {
  const all = await axeViolations(page);
  const blocking = all.filter(isBlocking);
  console.log(`axe console (${state}): ${blocking.length} serious/critical; all: ${all.map((v) => `${v.id} (${v.impact})`).join(', ') || 'none'}`);
  expect.soft(blocking, `${state}:\n${describeViolations(blocking)}`).toEqual([]);
}

/** A visitor who asks the bot something, then for a person; resolves once the bot has spoken. */
async function visitor(languages: string[], question: string, handoff: string): Promise<Socket> {
  const v = connectVisitor(server.url, { siteId: 'demo', languages });
  await waitFor(v, 'connect');
  const answered = waitFor<Message>(v, SERVER_EVT.messageCreated, (m) => m.author === 'bot', 20_000);
  await ok(v, VISITOR_CMD.messageSend, { clientId: clientId(), text: question, page: { url: 'http://127.0.0.1/', title: 'Accueil' } });
  await answered;
  await ok(v, VISITOR_CMD.messageSend, { clientId: clientId(), text: handoff });
  return v;
}

/** Open a dialog, check it (and again after `then`: a choice made), and leave it with Escape. */
async function dialog(open: () => Promise<void>, bulle: string, state: string, then?: () => Promise<void>) {
  await open();
  await page.locator(`[data-bulle="${bulle}"]`).waitFor();
  await check(state);
  if (then) {
    await then();
    await check(`${state}, a choice made`);
  }
  await page.keyboard.press('Escape');
  await page.locator(`[data-bulle="${bulle}"]`).waitFor({ state: 'detached' });
}

describe('console accessibility (axe-core)', () => {
  it('log-in screen, workspace, and every dialog', async () => {
    // Manual assignment, so the chats wait in the queue where the list can be checked.
    const admin = await connectAgent(server.url, 'alex@demo.bulle.chat', 'demo-alex');
    await ok(admin, AGENT_CMD.siteMode, { mode: 'manual' });
    admin.close();

    await page.goto(server.url + '/console/');
    await page.locator('[data-bulle="login-form"]').waitFor();
    await check('log-in');
    await page.locator('input[type="email"]').fill('alex@demo.bulle.chat');
    await page.locator('input[type="password"]').fill('wrong password');
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-bulle="login-error"]').waitFor();
    await check('log-in, wrong password');

    await page.locator('input[type="password"]').fill('demo-alex');
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-bulle="queue"]').waitFor();
    await check('workspace, empty');

    await visitor(['fr'], 'Où est ma commande 48213 ?', 'Je veux parler à un conseiller, mon e-mail est marie@example.fr');
    const english = await visitor(['en'], 'Can you explain quantum entanglement?', 'I want to talk to a person');
    await expect.poll(() => page.locator('[data-bulle="queue-item"]').count(), { timeout: 20_000 }).toBe(2);
    await check('workspace, queue');

    await page.locator('[data-bulle="queue-item"][data-lang="fr"] [data-bulle="claim"]').click();
    await page.locator('[data-bulle="mine-item"][data-lang="fr"] .item__main').click();
    const input = page.locator('[data-bulle="reply-input"]');
    await input.waitFor();
    await page.locator('[data-bulle="ctx-bot-line"]').first().waitFor();
    await check('workspace, chat open with its context');

    await input.fill('/');
    await page.locator('[data-bulle="canned-item"]').first().waitFor();
    await check('workspace, canned menu');
    // A 6,000-character paste is kept whole and the hint says by how much it is over.
    await input.fill('x'.repeat(6000));
    expect(await page.locator('[data-bulle="composer-hint"]').innerText()).toBe('1,000 characters over the limit');
    expect(await page.locator('[data-bulle="reply-send"]').isDisabled()).toBe(true);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await check('workspace, reply over the length limit');
    await input.fill('');
    await page.locator('[data-bulle="mode-note"]').click();
    await check('workspace, internal note mode');
    await page.locator('[data-bulle="mode-reply"]').click();
    await page.locator('[data-bulle="presence"]').click();
    await page.locator('[data-bulle="presence"][data-presence="away"]').waitFor();
    await check('workspace, away');
    await page.locator('[data-bulle="presence"]').click();
    await page.locator('[data-bulle="presence"][data-presence="online"]').waitFor();
    await input.fill('Bonjour, je regarde votre commande.');
    await input.press('Enter');
    await page.locator('[data-bulle="message"][data-author="agent"]').waitFor();
    await input.press('Escape');

    // The English chat too, with a message Alex has not read yet (an unread badge in the list).
    await page.locator('[data-bulle="queue-item"][data-lang="en"] [data-bulle="claim"]').click();
    await page.locator('[data-bulle="mine-item"][data-lang="en"]').waitFor();
    await page.locator('[data-bulle="mine-item"][data-lang="fr"] .item__main').click();
    await ok(english, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'Are you still there?' });
    await page.locator('[data-bulle="mine-item"][data-lang="en"] [data-bulle="unread"]').waitFor({ timeout: 20_000 });
    await check('workspace, an unread badge');

    await dialog(() => page.locator('[data-bulle="transfer"]').click(), 'transfer-dialog', 'transfer dialog', () =>
      page.locator('[data-bulle="transfer-lang"]').first().click(),
    );
    await dialog(() => page.locator('[data-bulle="close"]').click(), 'close-dialog', 'close dialog', () =>
      page.locator('[data-bulle="close-tag"][data-tag="delivery"]').click(),
    );
    await dialog(() => page.locator('[data-bulle="canned-admin"]').click(), 'canned-editor', 'canned replies editor', () =>
      page.locator('[data-bulle="canned-editor"] .canned-editor__list button').first().click(),
    );
    await dialog(async () => {
      await page.locator('[data-bulle="unanswered-open"]').click();
      await page.locator('[data-bulle="unanswered-item"]').first().waitFor({ timeout: 20_000 });
    }, 'unanswered', 'unanswered dialog');
    await dialog(() => page.locator('[data-bulle="help"]').click(), 'shortcut-help', 'shortcut help');
    await dialog(
      async () => {
        await page.locator('[data-bulle="faq-open"]').click();
        await page.locator('[data-bulle="faq-entry"]').first().waitFor({ timeout: 20_000 });
      },
      'faq-editor',
      'FAQ editor',
      () => page.locator('[data-bulle="faq-entry"]').first().click().then(() => page.locator('[data-bulle="faq-form"]').waitFor()),
    );

    // Closed: the chat read-only, and the closed list.
    await page.locator('[data-bulle="close"]').click();
    await page.locator('[data-bulle="close-tag"][data-tag="order-status"]').click();
    await page.locator('[data-bulle="close-confirm"]').click();
    await page.locator('[data-bulle="conversation"][data-status="closed"]').waitFor();
    await page.locator('[data-bulle="closed-toggle"]').click();
    await page.locator('[data-bulle="closed-item"]').first().waitFor();
    await check('workspace, a closed chat and the closed list');
    await dialog(async () => {
      await page.locator('[data-bulle="numbers-open"]').click();
      await page.locator('[data-bulle="kpi-conversations"]').waitFor();
    }, 'numbers-dialog', 'numbers page');
    // A narrower window: the layout the console switches to below 1,180 px.
    await page.setViewportSize({ width: 1024, height: 768 });
    await check('workspace at 1024×768');
  }, 120_000);
});
