// Debian's Chromium driven by playwright-core (never a downloaded browser build).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** The built widget and console the browser tests serve (`npm test` builds them first). */
export const DIST = resolve('dist');
/** Screenshots (git-ignored). */
export const ARTIFACTS = resolve('tests/artifacts');

/** Fail clearly when the build is missing, and make sure the screenshot folder exists. */
export async function requireBuild(): Promise<void> {
  if (!existsSync(join(DIST, 'widget', 'app.js')) || !existsSync(join(DIST, 'console', 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (`npm test` does)');
  }
  await mkdir(ARTIFACTS, { recursive: true });
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without the background-networking flags Chromium keeps dialling out on this closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
