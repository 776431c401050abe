// Debian's Chromium driven by playwright-core (never a downloaded browser build).
import { existsSync, readFileSync } from 'node:fs';
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
  const manifest = join(DIST, 'widget-manifest.json');
  if (!existsSync(manifest) || !existsSync(join(DIST, 'widget', widgetAppFile())) || !existsSync(join(DIST, 'console', 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (`npm test` does)');
  }
  await mkdir(ARTIFACTS, { recursive: true });
}

/** The built widget app's content-hashed file name (app.<hash>.js, served under /widget/). */
export function widgetAppFile(): string {
  const manifest = join(DIST, 'widget-manifest.json');
  if (!existsSync(manifest)) throw new Error('dist/widget-manifest.json is missing: run `npm run build` first (`npm test` does)');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { app: string }).app;
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
