// FAKE ENGINE ONLY: layout and accessibility of every page in Debian's Chromium through the
// loopback bridge. axe-core runs on each page in both themes (0 serious or critical
// violations); at 900×600 the sidebar collapses and nothing is clipped; focus lands on the
// page heading after navigation; arrow keys move between tabs; a dead bridge shows a
// reconnecting screen. It proves nothing about the real engine.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoFakeEngine } from '../../../main/dev/fake-engine/seed.js';
import { hasChromium, launchChromium, type LaunchedBrowser } from '../../../scripts/chromium.js';
import { startFakeBridge, type FakeBridge } from './fake-bridge.js';
import { skipReason } from './prerequisites.js';
import { ensureRendererBuilt } from './renderer-build.js';

const skip = skipReason([
  { name: 'Chromium at /usr/bin/chromium', ok: hasChromium(), fix: 'apt-get install chromium' },
]);

/** Every page, with what shows that it has rendered. */
const pages: { route: string; ready: (page: Page) => Promise<unknown> }[] = [
  { route: '/', ready: (page) => page.getByRole('article', { name: 'demo' }).waitFor() },
  { route: '/create', ready: (page) => page.getByText(/Valid:/).waitFor() },
  {
    route: '/clusters/demo',
    ready: (page) => page.getByRole('region', { name: 'Events' }).getByText('NodeReady').first().waitFor(),
  },
  {
    route: '/clusters/demo/workloads',
    ready: (page) => page.getByRole('table', { name: 'Pods' }).getByRole('rowheader', { name: 'db-0' }).waitFor(),
  },
  { route: '/clusters/demo/addons', ready: (page) => page.getByRole('article', { name: /Local registry/ }).waitFor() },
  {
    route: '/clusters/demo/export',
    ready: (page) => page.getByRole('tablist', { name: 'Exported documents' }).waitFor(),
  },
  { route: '/clusters/demo/logs', ready: (page) => page.getByRole('button', { name: 'Tail logs' }).waitFor() },
  { route: '/export', ready: (page) => page.getByRole('tablist', { name: 'Exported documents' }).waitFor() },
  { route: '/tasks', ready: (page) => page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor() },
  { route: '/diagnostics', ready: (page) => page.getByText(/checks need attention|All checks passed/).waitFor() },
  { route: '/docs/export', ready: (page) => page.locator('pre.doc').waitFor() },
];

let browser: LaunchedBrowser;
let fake: FakeBridge;
let page: Page;
let axeSource: string;

async function go(route: string): Promise<void> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, route);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Serious and critical axe-core violations on the page as it is now. */
async function axeViolations(): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) allows it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact ?? '?'}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
          .join(' | ')}`,
    );
}

/** Elements whose content is cut off sideways (tables, the page itself). */
async function clipped(): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement;
    if (root && root.scrollWidth > window.innerWidth + 1)
      problems.push(`page scrolls sideways: ${String(root.scrollWidth)} > ${String(window.innerWidth)}`);
    for (const table of document.querySelectorAll('table')) {
      const box = table.parentElement;
      if (box && box.scrollWidth > box.clientWidth + 1)
        problems.push(
          `table "${table.querySelector('th')?.textContent ?? '?'}" is cut: ${String(box.scrollWidth)} > ${String(box.clientWidth)}`,
        );
    }
    return problems;
  });
}

describe.skipIf(skip !== undefined)('layout and access on the FAKE engine (not real-engine evidence)', () => {
  beforeAll(async () => {
    const require = createRequire(import.meta.url);
    axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    const dist = await ensureRendererBuilt();
    fake = await startFakeBridge(createDemoFakeEngine({ stepDelayMs: 50, logIntervalMs: 300 }), dist);
    // One finished task, so the task pages have something to show.
    await fake.core.dispatch('clusters:start', { name: 'edge' });
    await fake.core.tasks.whenDone('task-1');
    browser = await launchChromium({ width: 1280, height: 800 });
    page = await browser.context.newPage();
    await page.goto(fake.bridge.pageUrl);
    await page.getByRole('article', { name: 'demo' }).waitFor();
  });

  afterAll(async () => {
    await browser.close();
    await fake.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe-core violations on any page (${theme} theme)`, async () => {
      await page.emulateMedia({ colorScheme: theme });
      await go('/');
      await page.reload();
      await page.getByRole('article', { name: 'demo' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const found: Record<string, string[]> = {};
      for (const { route, ready } of [
        ...pages,
        { route: '/tasks/task-1', ready: (p: Page) => p.getByText('edge is running').waitFor() },
      ]) {
        await go(route);
        await ready(page);
        if (route.endsWith('/workloads')) {
          await page.getByRole('button', { name: 'Describe db-0' }).click();
          await page.getByRole('region', { name: 'YAML of db-0' }).waitFor();
          await page.getByRole('button', { name: 'Logs of db-0' }).click();
          await page
            .getByRole('log', { name: 'Log of db-0' })
            .getByText(/line 1\)/)
            .waitFor();
        }
        if (route.endsWith('/logs')) {
          await page.getByRole('button', { name: 'Tail logs' }).click();
          await page
            .getByRole('log')
            .getByText(/kube-system\//)
            .first()
            .waitFor();
        }
        const violations = await axeViolations();
        if (violations.length > 0) found[route] = violations;
      }
      expect(found).toEqual({});
    });
  }

  it('collapses the sidebar below 1000 px and clips nothing at 900×600', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 900, height: 600 });
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diagnostics' }).isVisible(),
    ).toBe(false);
    await menu.click();
    expect(await page.getByRole('link', { name: 'Diagnostics' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Diagnostics' }).click();
    expect(await page.getByRole('link', { name: 'Diagnostics' }).isVisible()).toBe(false);
    const found: Record<string, string[]> = {};
    for (const { route, ready } of pages) {
      await go(route);
      await ready(page);
      const problems = await clipped();
      if (problems.length > 0) found[route] = problems;
    }
    expect(found).toEqual({});
    // The export inputs and their preview sit side by side, not one far below the other.
    await go('/export');
    await pages.find((entry) => entry.route === '/export')?.ready(page);
    const inputsTop = await page.locator('.inputs').evaluate((element) => element.getBoundingClientRect().top);
    const previewTop = await page
      .getByRole('heading', { name: /^Issues/ })
      .evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs(previewTop - inputsTop)).toBeLessThan(80);
    // The bar stays at the top while the page scrolls.
    await go('/docs/export');
    await page.locator('pre.doc').waitFor();
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(200);
    const top = await page.getByRole('navigation', { name: 'Main' }).evaluate((nav) => nav.getBoundingClientRect().top);
    expect(top).toBe(0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('keeps the sidebar in view on a long page at full width', async () => {
    await go('/docs/export');
    await page.locator('pre.doc').waitFor();
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(200);
    expect(await page.getByRole('link', { name: 'Diagnostics' }).isVisible()).toBe(true);
    expect(
      await page.getByRole('navigation', { name: 'Main' }).evaluate((nav) => nav.getBoundingClientRect().top),
    ).toBe(0);
  });

  it('moves focus to the page heading after navigation', async () => {
    await go('/');
    await page.getByRole('article', { name: 'demo' }).waitFor();
    await page.getByRole('link', { name: 'Open demo' }).click();
    await page.getByRole('heading', { name: 'demo', level: 1 }).waitFor();
    await page.waitForTimeout(100);
    expect(
      await page.evaluate(
        () => `${document.activeElement?.tagName ?? ''} ${document.activeElement?.textContent ?? ''}`,
      ),
    ).toBe('H1 demo');
  });

  it('moves between tabs with the arrow keys', async () => {
    await go('/clusters/demo');
    await page.getByRole('link', { name: 'Nodes' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Workloads');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Logs');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nodes');
    await go('/clusters/demo/export');
    await page.getByRole('radio', { name: /GKE/ }).check();
    await page.getByRole('tab', { name: 'main.tf.json' }).waitFor();
    const tabs = page.getByRole('tablist', { name: 'Exported documents' }).getByRole('tab');
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
  });

  it('shows a reconnecting screen, not a blank window, when the bridge dies', async () => {
    await go('/');
    await page.getByRole('article', { name: 'demo' }).waitFor();
    await fake.bridge.close();
    const lost = page.getByRole('alertdialog', { name: 'Lost the connection to Slipway' });
    await lost.waitFor({ timeout: 10_000 });
    expect(await lost.getByText(/Reconnecting…/).isVisible()).toBe(true);
    expect(await page.getByRole('article', { name: 'demo' }).count()).toBe(1);
  });
});
