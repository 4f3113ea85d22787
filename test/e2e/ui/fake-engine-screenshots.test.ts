// FAKE ENGINE ONLY: screenshots of every page for docs/screenshots/ and layout checks
// (no console errors, no CSP violations, no horizontal overflow, keyboard reachable) in
// Debian's Chromium through the loopback bridge. It proves nothing about the real engine;
// real-engine-ui.test.ts is the evidence for that.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoFakeEngine } from '../../../main/dev/fake-engine/seed.js';
import { hasChromium, launchChromium, type LaunchedBrowser } from '../../../scripts/chromium.js';
import { startFakeBridge, type FakeBridge } from './fake-bridge.js';
import { skipReason } from './prerequisites.js';
import { ensureRendererBuilt, REPO_ROOT } from './renderer-build.js';

const SHOTS = join(REPO_ROOT, 'docs', 'screenshots');
const skip = skipReason([
  { name: 'Chromium at /usr/bin/chromium', ok: hasChromium(), fix: 'apt-get install chromium' },
]);

let browser: LaunchedBrowser;
let fake: FakeBridge;
let page: Page;
const engine = createDemoFakeEngine({ stepDelayMs: 700, logIntervalMs: 300 });
const consoleErrors: string[] = [];

async function go(route: string): Promise<void> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, route);
}

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(300);
  // A full-page capture lays the page out at its full height, where a sticky sidebar would sit
  // mid-page; unstick it for the picture (through the CSSOM, which the page's CSP allows).
  await page.evaluate(() =>
    document.querySelector<HTMLElement>('nav[aria-label="Main"]')?.style.setProperty('position', 'static'),
  );
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  await page.evaluate(() =>
    document.querySelector<HTMLElement>('nav[aria-label="Main"]')?.style.removeProperty('position'),
  );
}

async function layoutProblems(): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement;
    if (root && root.scrollWidth > window.innerWidth + 1)
      problems.push(`page scrolls sideways: ${String(root.scrollWidth)} > ${String(window.innerWidth)}`);
    const violations = (window as unknown as { cspViolations: string[] }).cspViolations;
    problems.push(...violations.map((violation) => `CSP violation: ${violation}`));
    return problems;
  });
}

describe.skipIf(skip !== undefined)(
  'UI on the FAKE engine (screenshots and layout only, not real-engine evidence)',
  () => {
    beforeAll(async () => {
      await mkdir(SHOTS, { recursive: true });
      const dist = await ensureRendererBuilt();
      fake = await startFakeBridge(engine, dist);
      browser = await launchChromium({ width: 1280, height: 860 });
      page = await browser.context.newPage();
      await page.addInitScript(() => {
        const violations: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = violations;
        document.addEventListener('securitypolicyviolation', (event) => {
          violations.push(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.goto(fake.bridge.pageUrl);
      await page.getByRole('article', { name: 'demo' }).waitFor();
    });

    afterAll(async () => {
      await browser.close();
      await fake.close();
    });

    it('removes the token from the address bar and shows every cluster', async () => {
      expect(page.url()).not.toContain(fake.bridge.token);
      expect(await page.getByRole('article').count()).toBe(3);
      await shot('overview');
      expect(await layoutProblems()).toEqual([]);
    });

    it('reads well in the dark theme', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.reload();
      await page.getByRole('article', { name: 'demo' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await shot('overview-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.reload();
      await page.getByRole('article', { name: 'demo' }).waitFor();
    });

    it('shows wizard problems next to the field, then creates with live steps', async () => {
      await go('/create');
      const name = page.getByRole('textbox', { name: 'Name', exact: true });
      await name.fill('Lab_01');
      await page
        .getByText(/must be a DNS-1123 label/)
        .first()
        .waitFor();
      await shot('create-invalid');
      await name.fill('lab');
      await page.getByRole('button', { name: 'Create cluster' }).click();
      await page.getByRole('list', { name: 'Steps of Create lab' }).waitFor();
      await page.getByText('Initialising the control plane').waitFor();
      await shot('create-progress');
      await page.getByText('lab is Ready').waitFor({ timeout: 20_000 });
      await shot('create-done');
      expect(await layoutProblems()).toEqual([]);
    });

    it('shows a cluster: nodes with charts, topology and events', async () => {
      await go('/clusters/ha-lab');
      await page.getByRole('figure', { name: /Cluster topology/ }).waitFor();
      await page.waitForTimeout(3500);
      await shot('cluster');
      expect(await layoutProblems()).toEqual([]);
    });

    it('shows a cluster’s workloads live, with describe and a pod log', async () => {
      await go('/clusters/demo/workloads');
      await page.getByRole('table', { name: 'Pods' }).getByRole('rowheader', { name: 'db-0' }).waitFor();
      await page.getByRole('button', { name: 'Logs of db-0' }).click();
      await page
        .getByRole('log', { name: 'Log of db-0' })
        .getByText(/line 3\)/)
        .waitFor();
      await shot('workloads');
      await page.getByRole('button', { name: 'Close log' }).click();
      await page.getByRole('tab', { name: 'Deployments' }).click();
      await page.getByRole('button', { name: 'Describe web' }).click();
      await page.getByRole('region', { name: 'YAML of web' }).waitFor();
      await shot('workloads-describe');
      expect(await layoutProblems()).toEqual([]);
    });

    it('shows add-ons with a generated parameters form', async () => {
      await go('/clusters/demo/addons');
      await page.getByRole('button', { name: /^Enable .*dashboard.*…$/i }).click();
      await shot('addons');
      expect(await layoutProblems()).toEqual([]);
    });

    it('previews an export with highlighting and issues', async () => {
      await go('/clusters/demo/export');
      await page.getByRole('radio', { name: /vSphere Kubernetes Service/ }).check();
      await page.getByRole('button', { name: 'Fill in VM class' }).waitFor();
      await shot('export');
      expect(await layoutProblems()).toEqual([]);
    });

    it('tails logs across pods', async () => {
      await go('/clusters/demo/logs');
      await page.getByRole('textbox', { name: 'Pod name pattern' }).fill('coredns,kube-proxy');
      await page.getByRole('button', { name: 'Tail logs' }).click();
      await page
        .getByRole('log')
        .getByText(/coredns-66bc5c9577-4xk2p/)
        .first()
        .waitFor();
      await page.waitForTimeout(1200);
      await shot('logs');
    });

    it('shows diagnostics with fixes', async () => {
      await go('/diagnostics');
      await page.getByText(/checks need attention|All checks passed/).waitFor();
      await shot('diagnostics');
    });

    it('shows the engine going away as a banner with the fix', async () => {
      await go('/');
      engine.setAvailable(false);
      await fake.core.monitor.refresh();
      await page.getByRole('alert').getByText('The container engine is unavailable.').waitFor();
      expect(await page.getByRole('button', { name: 'Stop demo' }).isDisabled()).toBe(true);
      await shot('engine-unavailable');
      engine.setAvailable(true);
      await page.getByRole('button', { name: 'Retry now' }).click();
      await page.getByRole('alert').waitFor({ state: 'detached' });
    });

    it('can be used from the keyboard alone', async () => {
      // A fresh tab, so focus navigation starts at the top of the page.
      const fresh = await browser.context.newPage();
      await fresh.goto(fake.bridge.pageUrl);
      await fresh.getByRole('article', { name: 'demo' }).waitFor();
      await fresh.keyboard.press('Tab');
      expect(await fresh.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await fresh.keyboard.press('Enter');
      expect(await fresh.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(await fresh.evaluate(() => location.hash)).toBe('#/');
      await fresh.keyboard.press('Tab');
      expect(await fresh.evaluate(() => document.activeElement?.textContent.trim())).toBe('Create cluster');
      await fresh.keyboard.press('Enter');
      expect(await fresh.evaluate(() => location.hash)).toBe('#/create');
      await fresh.close();
    });

    it('logged no errors in the console', () => {
      expect(consoleErrors).toEqual([]);
    });
  },
);
