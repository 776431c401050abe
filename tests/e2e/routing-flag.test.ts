// In a real browser: a German chat nobody online speaks goes, after the any-agent delay, to
// Camille (French only). Her console marks it "other language" in Mine and in the chat's
// header, and still does after a reload (the mark comes from the stored conversation); axe-core
// finds nothing serious on that screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorHandoffResult } from '../../protocol/types.js';
import { closeClients, connectVisitor, ok, page as shopPage, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { blockingViolations, describeViolations } from './axe.js';
import { DIST, launchChromium, requireBuild } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST, anyAgentAfterMs: 300, anyAgentAfterLoginMs: 0 });
  browser = await launchChromium();
});
afterAll(async () => {
  closeClients();
  await browser?.close();
  await server?.close();
});

const LONG = { timeout: 30_000 };

async function logIn(page: Page): Promise<void> {
  await page.goto(server.url + '/console/');
  await page.locator('input[type="email"]').fill('camille@demo.bulle.chat');
  await page.locator('input[type="password"]').fill('demo-camille');
  await page.locator('button[type="submit"]').click();
  await page.locator('[data-bulle="mine"]').waitFor(LONG);
}

describe('browser: the "other language" mark', () => {
  it('shows on a fallback chat in Mine and the header, and survives a reload', { timeout: 120_000 }, async () => {
    // 1. A German visitor asks for a person; nobody is online, so the chat is opened to all.
    const visitor = connectVisitor(server.url, { siteId: 'demo', languages: ['de'] });
    await waitFor(visitor, 'connect');
    const { conversation } = await ok<VisitorHandoffResult>(visitor, VISITOR_CMD.handoffRequest, { page: shopPage });
    const end = Date.now() + 30_000;
    while (!server.app.chatRouting.router.waiting('demo').some((c) => c.id === conversation.id && c.openToAll)) {
      if (Date.now() > end) throw new Error('the chat was not opened to all in time');
      await new Promise((r) => setTimeout(r, 50));
    }

    // 2. Camille logs in: the chat is hers, marked in Mine and in the header.
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await logIn(page);
    const item = page.locator(`[data-bulle="mine-item"][data-id="${conversation.id}"]`);
    await item.waitFor(LONG);
    expect(await item.getAttribute('data-flagged')).toBe('true');
    expect(await item.locator('[data-bulle="other-language"]').innerText()).toMatch(/other language/i);
    await item.locator('.item__main').click();
    await page.locator('[data-bulle="conversation-header"] [data-bulle="other-language"]').waitFor(LONG);
    const violations = await blockingViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // 3. After a reload the mark is still there.
    await page.reload();
    await page.locator(`[data-bulle="mine-item"][data-id="${conversation.id}"][data-flagged="true"] [data-bulle="other-language"]`).waitFor(LONG);
  });
});
