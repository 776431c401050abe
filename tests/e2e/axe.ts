// axe-core inside the Chromium tests: injected from node_modules (nothing fetched at run time),
// run over the whole document — open shadow roots included, where the widget lives — and the
// landmarks as Chromium itself exposes them to screen readers (its accessibility tree, over CDP).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  /** The offending elements (CSS selectors; a shadow-DOM path is joined with " >>> "). */
  targets: string[];
  /** axe's own explanation for the first node (contrast ratios, mismatched names…). */
  summary: string | undefined;
}

const BLOCKING = new Set(['serious', 'critical']);
/** What the tests forbid: serious and critical violations. */
export const isBlocking = (v: Violation): boolean => BLOCKING.has(v.impact ?? '');

/** Run axe-core over the page as it is now; every violation, any impact. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  // Evaluated over the DevTools protocol, which the pages' strict CSP (no inline script) allows;
  // `addScriptTag` would add an inline <script> the shop and the console rightly refuse.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  })) as AxeResults;
  return results.violations.map((v: Result) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' >>> ')),
    summary: v.nodes[0]?.failureSummary,
  }));
}

/** The serious and critical violations only: what the tests forbid. */
export async function blockingViolations(page: Page): Promise<Violation[]> {
  return (await axeViolations(page)).filter(isBlocking);
}

/** One line per violation, for a failing assertion's message and the test log. */
export const describeViolations = (vs: Violation[]): string =>
  vs.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.targets.join('\n    ')}\n    ${v.summary ?? ''}`).join('\n');

const LANDMARK_ROLES = new Set(['banner', 'complementary', 'contentinfo', 'form', 'main', 'navigation', 'region', 'search']);

/**
 * The page's landmarks as "role name" strings, in tree order, from Chromium's own accessibility
 * tree: what a screen reader's landmark list shows, shadow DOM included.
 */
export async function landmarks(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value?: string }; name?: { value?: string } }[];
    };
    return nodes
      .filter((n) => !n.ignored && LANDMARK_ROLES.has(String(n.role?.value)))
      .map((n) => `${n.role!.value} ${n.name?.value ?? ''}`.trim());
  } finally {
    await cdp.detach();
  }
}
