// The agents admin in a real browser: Alex adds an agent from the console, sees the one-time
// password once (gone when the dialog is done), and the new agent logs in with it in a second
// browser context. Then the audit log shows the change, and the new agent changes their password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, isBlocking } from '../e2e/axe.js';
import { DIST, launchChromium, requireBuild } from '../e2e/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await requireBuild();
  server = await startServer({ distDir: DIST });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close();
  await browser?.close();
  await server?.close();
});

async function logIn(email: string, password: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto(server.url + '/console/');
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.locator('[data-bulle="logout"]').waitFor();
  return page;
}

async function noBlockingViolations(page: Page, state: string) {
  const blocking = (await axeViolations(page)).filter(isBlocking);
  expect.soft(blocking, `${state}:\n${describeViolations(blocking)}`).toEqual([]);
}

describe('browser: agents admin', () => {
  it('an admin adds an agent, sees the one-time password once; the agent logs in with it', async () => {
    // 1. Alex opens Agents and fills the form.
    const admin = await logIn('alex@demo.bulle.chat', 'demo-alex');
    await admin.locator('[data-bulle="agents-admin"]').click();
    await admin.locator('[data-bulle="agents-row"]').first().waitFor();
    await noBlockingViolations(admin, 'agents list');
    await admin.locator('[data-bulle="agent-add"]').click();
    const form = admin.locator('[data-bulle="agent-form"]');
    await form.getByLabel('Name').fill('Nora');
    await form.getByLabel('E-mail').fill('nora@demo.test');
    // French is ticked already (the site's first language); the chip's label takes the click.
    await form.locator('label.chip', { has: admin.locator('input[name="languages"][value="en"]') }).click();
    expect(await form.locator('input[name="languages"]:checked').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['fr', 'en']);
    await noBlockingViolations(admin, 'agent form');
    await form.locator('[data-bulle="agent-form-submit"]').click();

    // 2. The password, shown once.
    const shown = admin.locator('[data-bulle="agent-password"]');
    await shown.waitFor();
    const password = await shown.inputValue();
    expect(password.length).toBeGreaterThanOrEqual(20);
    await noBlockingViolations(admin, 'one-time password');
    await admin.locator('[data-bulle="agent-created-done"]').click();
    await admin.locator('[data-bulle="agents-row"]', { hasText: 'nora@demo.test' }).waitFor();
    expect(await admin.locator('[data-bulle="agent-password"]').count()).toBe(0);
    expect(await admin.content()).not.toContain(password);

    // 3. Nora logs in with it in another browser context.
    const nora = await logIn('nora@demo.test', password);
    expect(await nora.locator('.topbar__name').innerText()).toBe('Nora');

    // 4. The audit log names the change; no password in it.
    await admin.keyboard.press('Escape');
    await admin.locator('[data-bulle="audit-open"]').click();
    await admin.locator('[data-bulle="audit-row"][data-action="agent.create"]', { hasText: 'Nora' }).waitFor();
    expect(await admin.locator('[data-bulle="audit-dialog"]').innerText()).not.toContain(password);
    await noBlockingViolations(admin, 'audit log');

    // 5. Nora changes her password from her console.
    await nora.locator('[data-bulle="password-open"]').click();
    const dialog = nora.locator('[data-bulle="password-dialog"]');
    await dialog.getByLabel('Current password').fill(password);
    await dialog.getByLabel(/^New password \(/).fill('moonlight over the old harbour');
    await dialog.getByLabel('New password again').fill('moonlight over the old harbour');
    await noBlockingViolations(nora, 'change password');
    await dialog.locator('button[type="submit"]').click();
    await nora.locator('[data-bulle="password-changed"]').waitFor();
  });
});
