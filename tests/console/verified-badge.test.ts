// In Chromium: a customer the shop signed shows as verified in the console (badge in the header
// and the Mine list, name and e-mail in the Customer section); one with a tampered token shows
// only as "not verified", without the badge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { VISITOR_CMD } from '../../protocol/events.js';
import { DIST, launchChromium, requireBuild } from '../e2e/browser.js';
import { clientId, ok, startServer, waitFor, type TestServer } from '../helpers/server.js';

let server: TestServer;
let browser: Browser;
const visitors: Socket[] = [];

beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const v of visitors) v.close();
  await browser?.close();
  await server?.close();
});

/** A German visitor who identifies with `signature`, writes, and asks for a person. */
async function visitor(signature: string, text: string): Promise<string> {
  const v = io(server.url + '/visitor', { transports: ['websocket'], auth: { siteId: 'demo', languages: ['de'] }, forceNew: true, reconnection: false });
  visitors.push(v);
  await waitFor(v, 'connect');
  await ok(v, VISITOR_CMD.visitorIdentify, { signature });
  const sent = await ok<{ conversation: { id: string } }>(v, VISITOR_CMD.messageSend, { clientId: clientId(), text, page: { url: 'http://127.0.0.1/', title: 'Shop' } });
  await ok(v, VISITOR_CMD.handoffRequest, {});
  return sent.conversation.id;
}

async function open(page: Page, conversationId: string) {
  const item = page.locator(`[data-bulle="mine-item"][data-id="${conversationId}"], [data-bulle="queue-item"][data-id="${conversationId}"]`).first();
  await item.waitFor({ timeout: 60_000 });
  if ((await item.getAttribute('data-bulle')) === 'queue-item') await item.locator('[data-bulle="claim"]').click();
  else await item.locator('.item__main').click();
  await page.locator('[data-bulle="conversation-header"]').waitFor();
}

describe('browser: verified customers in the console', () => {
  it('a signed customer has the badge; a tampered token is shown as not verified', async () => {
    const { signature } = (await (await fetch(server.url + '/demo/identity-token')).json()) as { signature: string };
    const [h, p, s] = signature.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, email: 'mallory@example.com' })).toString('base64url')}.${s}`;
    const signed = await visitor(signature, 'Hallo, ich habe eine Frage zu meinem Konto');
    const forged = await visitor(tampered, 'Hallo, ich habe eine andere Frage zu meinem Konto');

    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(server.url + '/console/');
    await page.locator('input[type="email"]').fill('jonas@demo.bulle.chat');
    await page.locator('input[type="password"]').fill('demo-jonas');
    await page.locator('button[type="submit"]').click();

    await open(page, signed);
    const header = page.locator('[data-bulle="conversation-header"]');
    await header.locator('[data-bulle="verified-customer"]').waitFor();
    const verified = page.locator('[data-bulle="identity-verified"]');
    await verified.waitFor();
    expect(await verified.textContent()).toContain('Claire Dubois');
    expect(await verified.textContent()).toContain('claire.dubois@example.com');
    expect(await page.locator(`[data-bulle="mine-item"][data-id="${signed}"] [data-bulle="verified-customer"]`).count()).toBe(1);

    await open(page, forged);
    const claimed = page.locator('[data-bulle="identity-claimed"]');
    await claimed.waitFor();
    expect(await claimed.textContent()).toContain('not verified');
    expect(await claimed.textContent()).toContain('mallory@example.com');
    expect(await header.locator('[data-bulle="verified-customer"]').count()).toBe(0);
    expect(await page.locator('[data-bulle="identity-verified"]').count()).toBe(0);
    await ctx.close();
  });
});
