// Bad input as tests, in a real browser: hostile strings in a visitor's message,
// page title and URL, e-mail, referrer and user agent, and in an agent's name and reply, show as
// text in BOTH the widget and the console — no element built from them, no handler attribute,
// no javascript:/data: link, no dialog — and the pages' CSPs (security-headers.ts) block nothing
// the widget or the console need.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorSendResult } from '../../protocol/types.js';
import { clientId, closeClients, loginCookie, ok, startServer, waitFor, type TestServer } from '../helpers/server.js';
import { DIST, launchChromium, requireBuild, askForPerson } from '../e2e/browser.js';
import { addAgent, closeRawSockets, manualMode, visitorSocket } from './fixtures.js';

const XSS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '&#106;avascript:alert(1)',
  '"><img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">track</a>',
].join(' ');
const NAME = '"><img src=x onerror=alert(1)><svg onload=alert(2)>';
const EMAIL = '"><svg/onload=alert(3)>@evil.example';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST });
  await manualMode(server.url);
  await addAgent(server.app, { siteId: 'demo', name: NAME, email: 'mallory@demo.bulle.chat', languages: ['fr', 'en', 'es', 'de'], role: 'admin', password: 'mallory-pass' });
  browser = await launchChromium();
});
afterAll(async () => {
  closeClients();
  closeRawSockets();
  await browser?.close();
  await server?.close();
});

/** Dialogs and CSP refusals on a page, recorded from the start. */
function watch(page: Page) {
  const dialogs: string[] = [];
  const csp: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text());
  });
  return { dialogs, csp };
}

/** Everything in the document and its open shadow roots that markup from a payload would produce. */
const inspect = (page: Page) =>
  page.evaluate(() => {
    const out = { handlers: [] as string[], images: 0, badLinks: [] as string[], text: '' };
    const roots: (Document | ShadowRoot)[] = [document];
    while (roots.length) {
      const root = roots.pop()!;
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) roots.push(el.shadowRoot);
        for (const a of el.attributes) if (/^on/i.test(a.name)) out.handlers.push(`${el.tagName} ${a.name}`);
        if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') out.images++;
        const href = el.tagName === 'A' ? el.getAttribute('href') : null;
        if (href !== null && !/^(https?:|mailto:|\/|#)/i.test(href.trim())) out.badLinks.push(href);
      }
      out.text += ' ' + ((root as Document).body ?? (root as ShadowRoot)).textContent;
    }
    return out;
  });

describe('hostile strings render as text in the widget and the console', () => {
  it('widget and console, both ways', async () => {
    // 1. A visitor in Chromium, with a hostile page title and user agent, sends the payloads.
    const visitorCtx = await browser.newContext({ locale: 'en-GB', userAgent: `Mozilla/5.0 ${NAME}` });
    const shop = await visitorCtx.newPage();
    const shopWatch = watch(shop);
    await shop.goto(server.url + '/?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    await shop.evaluate((t) => (document.title = t), NAME);
    await shop.locator('[data-bulle="launcher"]').click();
    await shop.locator('[data-bulle="input"]').fill(XSS);
    await shop.locator('[data-bulle="send"]').click();
    const mine = shop.locator('[data-bulle="message"][data-author="visitor"]').first();
    await expect.poll(() => mine.innerText()).toBe(XSS);
    await askForPerson(shop);

    // 2. A second visitor, straight over Socket.IO, fills every other field the console shows.
    const raw = visitorSocket(server.url, { siteId: 'demo', languages: ['en'] }, { 'user-agent': NAME });
    await waitFor(raw, 'connect');
    const bot = waitFor(raw, SERVER_EVT.messageCreated, (m: { author: string }) => m.author !== 'visitor');
    const sent = await ok<VisitorSendResult>(raw, VISITOR_CMD.messageSend, { clientId: clientId(), text: XSS, page: { url: 'javascript:alert(1)', title: NAME } });
    await bot;
    await ok(raw, VISITOR_CMD.visitUpdate, { page: { url: 'javascript:alert(1)', title: '<svg onload=alert(1)>' }, referrer: 'JaVaScRiPt:alert(2)' });
    await ok(raw, VISITOR_CMD.contactSet, { email: EMAIL });
    await ok(raw, VISITOR_CMD.handoffRequest, {});

    // 3. The hostile-named agent logs in (cookie set directly: the name is the payload, not the e-mail).
    const agentCtx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const cookie = (await loginCookie(server.url, 'mallory@demo.bulle.chat', 'mallory-pass')).split('=');
    await agentCtx.addCookies([{ name: cookie[0]!, value: cookie.slice(1).join('='), url: server.url, httpOnly: true, sameSite: 'Strict' }]);
    const console_ = await agentCtx.newPage();
    const consoleWatch = watch(console_);
    await console_.goto(server.url + '/console/');
    await console_.locator('[data-bulle="queue-item"]').nth(1).waitFor();

    // 4. The Node visitor's chat first: message, page, e-mail, referrer in the header and context.
    await console_.locator(`[data-bulle="queue-item"][data-id="${sent.message.conversationId}"] [data-bulle="claim"]`).click();
    await console_.locator('[data-bulle="message"][data-author="visitor"]').first().waitFor();
    await expect.poll(async () => (await inspect(console_)).text).toContain(EMAIL);
    let seen = await inspect(console_);
    expect(seen.text).toContain(XSS);
    expect(seen.text).toContain(NAME);

    // 5. The browser visitor's chat: claim, reply with the payloads.
    const other = console_.locator('[data-bulle="queue-item"]').first();
    const otherId = await other.getAttribute('data-id');
    await other.locator('[data-bulle="claim"]').click();
    // The first chat's composer is still there until the claimed one opens: type in the right one.
    await console_.locator(`[data-bulle="conversation"][data-id="${otherId}"][data-status="assigned"]`).waitFor();
    await console_.locator('[data-bulle="reply-input"]').fill(XSS);
    await console_.locator('[data-bulle="reply-send"]').click();
    const reply = shop.locator('[data-bulle="message"][data-author="agent"]').first();
    await reply.waitFor();
    expect(await reply.innerText()).toContain(XSS);
    await expect.poll(async () => (await inspect(shop)).text).toContain(NAME); // the agent's name, as text

    // 6. Nothing became markup, no link is dangerous, no dialog, no CSP refusal, on either page.
    seen = await inspect(console_);
    const widget = await inspect(shop);
    for (const s of [seen, widget]) {
      expect(s.handlers).toEqual([]);
      expect(s.images).toBe(0);
      expect(s.badLinks).toEqual([]);
    }
    expect(shopWatch.dialogs).toEqual([]);
    expect(consoleWatch.dialogs).toEqual([]);
    expect(shopWatch.csp).toEqual([]);
    expect(consoleWatch.csp).toEqual([]);
    await visitorCtx.close();
    await agentCtx.close();
  }, 60_000);
});
