// Launches Debian's Chromium through playwright-core for UI tests, benchmarks and icon
// rendering, with the flags our machines need (no sandbox in containers, no GPU, no network
// chatter) and a throw-away profile.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface LaunchedBrowser {
  /** A persistent context: playwright passes the temporary --user-data-dir itself. */
  context: BrowserContext;
  close(): Promise<void>;
}

/** Whether Chromium is installed where the tests expect it. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Starts headless Chromium with a temporary profile. */
export async function launchChromium(viewport = { width: 1280, height: 860 }): Promise<LaunchedBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'slipway-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
