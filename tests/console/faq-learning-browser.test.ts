// The FAQ learning from the console in a real browser: an agent adds a question the bot stepped
// aside on as a phrasing of an entry (the bot's candidates first, then a search), and the next
// visitor asking it gets that entry's answer; a new entry drafted by an agent is published by an
// admin from the "Proposed" section. Visitors are plain socket clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message } from '../../protocol/types.js';
import { ARTIFACTS, DIST, launchChromium, requireBuild } from '../e2e/browser.js';
import { clientId, closeClients, connectVisitor, ok, startServer, waitFor, type TestServer } from '../helpers/server.js';

const WAIT = 30_000;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST });
  browser = await launchChromium();
});
afterAll(async () => {
  closeClients();
  await browser?.close();
  await server?.close();
});

/** A new visitor asks `text`: the bot's reply as stored, with its decision. */
async function ask(text: string): Promise<Message> {
  const v = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
  await waitFor(v, 'connect', () => true, WAIT);
  const seen = waitFor<Message>(v, SERVER_EVT.messageCreated, (m) => m.author === 'bot', WAIT);
  await ok(v, VISITOR_CMD.messageSend, { clientId: clientId(), text });
  const m = await seen;
  v.close();
  return (await server.app.store.listMessages(m.conversationId, m.seq - 1, 1))[0]!;
}

async function logIn(email: string, password: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(WAIT);
  await page.goto(server.url + '/console/');
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.locator('[data-bulle="unanswered-open"]').click();
  await page.locator('[data-bulle="unanswered"]').waitFor();
  return page;
}

describe('browser: the FAQ learns from the Unanswered list', () => {
  it('"Add as a phrasing of…" answers the next visitor asking it', async () => {
    const question = 'Do you sell replacement lids for teapots?';
    expect((await ask(question)).bot?.outcome).toBe('fallback');
    expect((await ask('do you sell replacement lids for TEAPOTS!!')).bot?.outcome).toBe('fallback');

    const page = await logIn('sam@demo.bulle.chat', 'demo-sam');
    const item = page.locator('[data-bulle="unanswered-item"]', { hasText: /replacement lids/i }).first();
    // Asked twice, in other case and punctuation: one line.
    expect(await item.getAttribute('data-count')).toBe('2');
    expect(await item.locator('[data-bulle="unanswered-count"]').innerText()).toBe('×2');
    // The time is printed once.
    const hint = await item.locator('.panel__hint').first().innerText();
    const clock = hint.match(/\d{1,2}:\d{2}/g) ?? [];
    expect(clock).toHaveLength(1);

    await item.locator('[data-bulle="attach-open"]').click();
    const panel = item.locator('[data-bulle="attach-panel"]');
    await panel.locator('[data-bulle="attach-entry"]').first().waitFor();
    await panel.locator('[data-bulle="attach-search"]').fill('in stock');
    const entry = panel.locator('[data-bulle="attach-entry"][data-faq-id="stock-availability"]');
    await entry.waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/faq-attach.png` });
    await entry.click();
    await item.locator('[data-bulle="unanswered-attached"][data-faq-id="stock-availability"]').waitFor();
    await page.locator('[data-bulle="faq-added-item"]', { hasText: 'stock-availability' }).first().waitFor();

    expect((await ask('Do you sell replacement lids for teapots')).bot).toMatchObject({ outcome: 'answer', faqId: 'stock-availability' });
    await page.context().close();
  }, 120_000);

  it('a new entry drafted by an agent is published by an admin', async () => {
    const question = 'Can I rent a bike for the weekend?';
    expect((await ask(question)).bot?.outcome).toBe('fallback');

    const sam = await logIn('sam@demo.bulle.chat', 'demo-sam');
    const item = sam.locator('[data-bulle="unanswered-item"]', { hasText: question }).first();
    await item.locator('[data-bulle="draft-open"]').click();
    const form = item.locator('[data-bulle="draft-form"]');
    expect(await form.locator('[data-bulle="draft-question"]').inputValue()).toBe(question);
    await form.locator('[data-bulle="draft-answer"]').fill('We do not rent bikes, but the shop next door does.');
    await form.locator('[data-bulle="draft-save"]').click();
    const pending = sam.locator('[data-bulle="faq-proposal"][data-kind="entry"]', { hasText: question });
    await pending.waitFor();
    // An agent cannot publish it.
    expect(await pending.locator('[data-bulle="faq-confirm"]').count()).toBe(0);
    await sam.context().close();
    expect((await ask(question)).bot?.outcome).toBe('fallback');

    const alex = await logIn('alex@demo.bulle.chat', 'demo-alex');
    const proposal = alex.locator('[data-bulle="faq-proposal"][data-kind="entry"]', { hasText: question });
    await alex.screenshot({ path: `${ARTIFACTS}/faq-proposed.png` });
    await proposal.locator('[data-bulle="faq-confirm"]').click();
    await alex.locator('[data-bulle="faq-added-item"]', { hasText: 'can-i-rent-a-bike' }).first().waitFor();
    await alex.context().close();

    const answer = await ask(question);
    expect(answer.bot).toMatchObject({ outcome: 'answer', faqId: 'can-i-rent-a-bike-for-the-weekend' });
    expect(answer.text).toBe('We do not rent bikes, but the shop next door does.');
  }, 120_000);
});
