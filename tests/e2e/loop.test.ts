// The whole loop in a real browser: the demo shop, the bubble, a bot answer, a
// hand-off, the console in a second browser context claiming and replying, the reply in the widget.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { ARTIFACTS, DIST, launchChromium, requireBuild } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST });
  // This test drives picking by hand in the console: the admin's manual mode
  // (automatic assignment is covered by agents.test.ts).
  const alex = (await server.app.store.findAgentByEmail('alex@demo.bulle.chat'))!;
  await server.app.chatRouting.setMode(alex, 'manual');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('browser: visitor → bot → hand-off → agent → visitor', () => {
  it('runs the whole loop', async () => {
    const visitorCtx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const shop = await visitorCtx.newPage();
    const sockets: string[] = [];
    shop.on('websocket', (ws) => sockets.push(ws.url()));

    // 1. The shop page with the snippet: a bubble, and nothing opened, set or written yet.
    await shop.goto(server.url + '/');
    const launcher = shop.locator('[data-bulle="launcher"]');
    await launcher.waitFor();
    expect(sockets).toEqual([]);
    expect(await shop.evaluate(() => [document.cookie, localStorage.length])).toEqual(['', 0]);

    // 2. Open the panel and ask an FAQ question: the bot answers.
    await launcher.click();
    await shop.locator('[data-bulle="panel"]').waitFor();
    await shop.locator('[data-bulle="input"]').fill('Where is my order? I need the tracking link');
    await shop.locator('[data-bulle="send"]').click();
    const botAnswer = shop.locator('[data-bulle="message"][data-author="bot"]').first();
    await botAnswer.waitFor();
    expect((await botAnswer.innerText()).length).toBeGreaterThan(10);
    expect(sockets.length).toBe(1);

    // 3. Ask for a person.
    await shop.locator('[data-bulle="human"]').click();
    await shop.locator('[data-bulle="message"][data-author="system"]').first().waitFor();

    // 4. The English-speaking agent logs in, sees the chat in the queue, claims it.
    const agentCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const console_ = await agentCtx.newPage();
    await console_.goto(server.url + '/console/');
    await console_.locator('input[type="email"]').fill('sam@demo.bulle.chat');
    await console_.locator('input[type="password"]').fill('demo-sam');
    await console_.locator('button[type="submit"]').click();
    const item = console_.locator('[data-bulle="queue-item"][data-lang="en"]').first();
    await item.waitFor();
    await item.locator('[data-bulle="claim"]').click();
    // The whole history is there, including what the bot said.
    await console_.locator('[data-bulle="message"][data-author="bot"]').first().waitFor();

    // 5. The agent replies; the visitor sees it in the widget.
    const reply = 'Hi, Sam here. Your parcel left our workshop yesterday.';
    await console_.locator('[data-bulle="reply-input"]').fill(reply);
    await console_.locator('[data-bulle="reply-send"]').click();
    const agentMsg = shop.locator('[data-bulle="message"][data-author="agent"]').first();
    await agentMsg.waitFor();
    expect(await agentMsg.innerText()).toContain(reply);

    await shop.screenshot({ path: join(ARTIFACTS, 'widget.png') });
    await console_.screenshot({ path: join(ARTIFACTS, 'console.png') });

    // 6. A reload resumes the same conversation with its history.
    await shop.reload();
    await shop.locator('[data-bulle="launcher"]').click();
    await shop.locator('[data-bulle="message"][data-author="agent"]').first().waitFor();
    expect(await shop.locator('[data-bulle="message"][data-author="visitor"]').count()).toBeGreaterThanOrEqual(1);

    await visitorCtx.close();
    await agentCtx.close();
  }, 60_000);
});
