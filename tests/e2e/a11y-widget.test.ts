// axe-core over the shop page with the widget open, in each state a visitor meets: just opened,
// a bot answer and its "did you mean" buttons, the offline e-mail form (no agent online), a
// phone upright and on its side. No serious or critical violation, and the widget adds no
// landmark to the merchant's page (their landmark list is theirs).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AGENT_CMD } from '../../protocol/events.js';
import type { QueueListResult } from '../../protocol/types.js';
import { clientId, closeClients, connectAgent, ok, startServer, type TestServer } from '../helpers/server.js';
import { axeViolations, describeViolations, isBlocking, landmarks } from './axe.js';
import { DIST, launchChromium, networkSwitch, openWidget as openPanel, requireBuild, askForPerson } from './browser.js';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** The shop page's own landmarks, the widget's script blocked. */
let shopLandmarks: string[] = [];

beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST });
  browser = await launchChromium();
  const ctx = await browser.newContext({ locale: 'en-GB' });
  await ctx.route('**/widget.js', (route) => route.abort());
  const page = await ctx.newPage();
  await page.goto(server.url + '/');
  shopLandmarks = await landmarks(page);
  await ctx.close();
});
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openWidget(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const page = await openPanel(browser, server.url, contexts, options);
  await page.locator('[data-bulle="status"]').waitFor();
  return page;
}

async function send(page: Page, text: string) {
  await page.locator('[data-bulle="input"]').fill(text);
  await page.locator('[data-bulle="send"]').click();
}

/** The assertions every state shares; `state` names it in the log and in a failure. */
async function check(page: Page, state: string) {
  const all = await axeViolations(page);
  const blocking = all.filter(isBlocking);
  console.log(`axe widget (${state}): ${blocking.length} serious/critical; all: ${all.map((v) => `${v.id} (${v.impact})`).join(', ') || 'none'}`);
  expect(blocking, `${state}:\n${describeViolations(blocking)}`).toEqual([]);
  expect(await landmarks(page), `${state}: the widget must add no landmark`).toEqual(shopLandmarks);
}

describe('widget accessibility (axe-core)', () => {
  it('the shop page has its own landmarks to compare with', () => {
    expect(shopLandmarks).toContain('banner');
    expect(shopLandmarks).toContain('main');
  });

  it('open', async () => {
    const page = await openWidget();
    await check(page, 'open');
    // The harness itself: axe does look inside the widget's (open) shadow root.
    await page.evaluate(() => document.querySelector('bulle-chat')!.shadowRoot!.append(document.createElement('button')));
    const unnamed = (await axeViolations(page)).find((v) => v.id === 'button-name');
    expect(unnamed?.targets).toHaveLength(1);
    expect(unnamed!.targets[0]).toMatch(/^bulle-chat >>> /);
  });

  it('a bot answer with "Did this help?", and "did you mean" buttons', async () => {
    const page = await openWidget();
    await send(page, 'delivery');
    await page.locator('[data-bulle="quick-reply"]').first().waitFor({ timeout: 20_000 });
    await check(page, 'did you mean');
    await page.locator('[data-bulle="quick-reply"]').first().click();
    await page.locator('[data-bulle="helpful-yes"]').waitFor({ timeout: 20_000 });
    await check(page, 'bot answer');
  }, 60_000);

  it('the offline e-mail form (no agent online)', async () => {
    const page = await openWidget();
    await askForPerson(page);
    await page.locator('[data-bulle="email"]').waitFor({ timeout: 20_000 });
    await check(page, 'offline e-mail form');
  }, 60_000);

  it('reconnecting, with a message waiting to go', async () => {
    const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    contexts.push(ctx);
    const network = await networkSwitch(ctx);
    const page = await ctx.newPage();
    await page.goto(server.url + '/');
    await page.locator('[data-bulle="launcher"]').click();
    await send(page, 'Where is my order?');
    await page.locator('[data-bulle="message"][data-author="bot"]').first().waitFor({ timeout: 20_000 });
    await network.goOffline();
    await page.locator('[data-bulle="reconnecting"]').waitFor({ timeout: 20_000 });
    await send(page, 'How long does delivery take?');
    await page.locator('[data-bulle="message"][data-state="pending"]').waitFor();
    await check(page, 'reconnecting, a message pending');
  }, 60_000);

  it('in line with an agent online, then with the agent, then closed with an unread badge', async () => {
    const admin = await connectAgent(server.url, 'alex@demo.bulle.chat', 'demo-alex');
    // Manual assignment: the chat waits in line (place and estimated wait) while Sam is online.
    await ok(admin, AGENT_CMD.siteMode, { mode: 'manual' });
    const sam = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    try {
      const page = await openWidget();
      await send(page, 'I have a question about a custom order for my shop');
      await page.locator('[data-bulle="message"][data-author="bot"]').first().waitFor({ timeout: 20_000 });
      await askForPerson(page);
      await page.locator('[data-bulle="queue"]').waitFor({ timeout: 20_000 });
      await check(page, 'in line, an agent online');

      let conversationId = '';
      await expect
        .poll(async () => {
          const { queue } = await ok<QueueListResult>(sam, AGENT_CMD.queueList, {});
          return (conversationId = queue.find((c) => c.firstMessage?.includes('custom order'))?.id ?? '');
        }, { timeout: 20_000 })
        .not.toBe('');
      await ok(sam, AGENT_CMD.conversationClaim, { conversationId });
      await ok(sam, AGENT_CMD.messageSend, { conversationId, clientId: clientId(), text: 'Sam here, happy to help.' });
      await ok(sam, AGENT_CMD.typingSet, { conversationId, typing: true });
      await page.locator('[data-bulle="typing"]').waitFor({ timeout: 20_000 });
      await check(page, 'with an agent, who is typing');

      await page.locator('[data-bulle="close"]').click();
      // Set in the same effect that tells the session the panel is closed: from here a reply is unread.
      await page.locator('[data-bulle="launcher"][aria-expanded="false"]').waitFor();
      await ok(sam, AGENT_CMD.messageSend, { conversationId, clientId: clientId(), text: 'Your order is on its way.' });
      await page.locator('[data-bulle="badge"]').waitFor({ timeout: 20_000 });
      await check(page, 'panel closed, an unread badge');
    } finally {
      await ok(admin, AGENT_CMD.siteMode, { mode: 'automatic' });
      closeClients();
    }
  }, 60_000);

  it('a phone, upright and on its side', async () => {
    const phone = { isMobile: true, hasTouch: true };
    // Upright in French: the widget's words carry their language, whatever the page's.
    const upright = await openWidget({ ...phone, locale: 'fr-FR', viewport: { width: 375, height: 700 } });
    expect(await upright.locator('[data-bulle="panel"]').getAttribute('lang')).toBe('fr');
    await check(upright, 'mobile 375×700, French');
    const landscape = await openWidget({ ...phone, viewport: { width: 740, height: 360 } });
    await check(landscape, 'mobile landscape 740×360');
  }, 60_000);
});
