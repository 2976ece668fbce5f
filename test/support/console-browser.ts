import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** CI installs Chromium (.ci/run) and must run the browser tests; a developer's machine without it skips them, visibly. */
export const chromiumAvailable = existsSync(CHROMIUM) || process.env.CI === 'true';
/** Headless Chromium with no connection of its own to anywhere (this machine's network is closed). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's WCAG 2.x A/AA rules run in the page; the violations that are serious or critical. The page's
 * context must bypass its Content-Security-Policy, which (rightly) refuses the injected script.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Where the console's screenshots go: docs/ only when asked (`npm run docs:screenshots`), so that a test run
 * leaves the checkout as it found it; otherwise a folder of the temporary directory.
 */
const SCREENSHOTS = process.env.HIMOTOKI_SCREENSHOTS === 'docs' ? join(process.cwd(), 'docs') : join(tmpdir(), 'himotoki-console-screenshots');

/** The page at desktop and phone width, as console-NAME-desktop.png and -phone.png (the top 2,400 px). */
export async function screenshots(page: Page, name: string): Promise<void> {
  for (const [width, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    await page.setViewportSize(viewport);
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    await page.screenshot({ path: join(SCREENSHOTS, `console-${name}-${width}.png`), fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height: Math.min(height, 2400) } });
  }
  await page.setViewportSize(DESKTOP);
}
