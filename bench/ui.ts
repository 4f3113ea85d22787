// `npm run bench:ui`: the renderer's shipped JavaScript gzipped, first paint in Debian's
// Chromium, and responsiveness with 10 clusters (time until every cluster card shows, long
// tasks while the overview polls, and how fast a cluster page opens). The renderer talks to
// the FAKE engine here: this measures the UI, not cluster work. Writes the "Desktop UI"
// section of BENCHMARKS.md.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createFleetFakeEngine } from '../main/dev/fake-engine/seed.js';
import { launchChromium } from '../scripts/chromium.js';
import { startFakeBridge } from '../test/e2e/ui/fake-bridge.js';
import { ensureRendererBuilt } from '../test/e2e/ui/renderer-build.js';
import { writeSection } from './benchmarks-file.js';

const CLUSTERS = 10;
const LOADS = 7;
const WATCH_MS = 10_000;
const TARGET_JS_KB = 150;
const TARGET_PAINT_MS = 300;
// A frame budget: a UI that never blocks longer than this between inputs feels immediate.
const TARGET_LONGEST_TASK_MS = 100;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

function gzippedJsKb(dist: string): number {
  const assets = join(dist, 'assets');
  const bytes = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(join(assets, file)), { level: 9 }).length, 0);
  return bytes / 1024;
}

async function main(): Promise<void> {
  // The loopback bridge is a development and test tool and refuses to start without this.
  process.env.SLIPWAY_DEV_BRIDGE = '1';
  const dist = await ensureRendererBuilt();
  const jsKb = gzippedJsKb(dist);
  const fake = await startFakeBridge(createFleetFakeEngine(CLUSTERS), dist);
  const browser = await launchChromium({ width: 1280, height: 860 });
  try {
    const paints: number[] = [];
    const allCards: number[] = [];
    for (let run = 0; run < LOADS; run++) {
      const page = await browser.context.newPage();
      await page.goto(fake.bridge.pageUrl);
      await page
        .getByRole('article')
        .nth(CLUSTERS - 1)
        .waitFor();
      const timing = await page.evaluate(() => ({
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        now: performance.now(),
      }));
      paints.push(timing.paint);
      allCards.push(timing.now);
      await page.close();
    }
    // The first load warms Chromium's caches and the bridge; report the median of all loads.

    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const tasks: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(fake.bridge.pageUrl);
    await page
      .getByRole('article')
      .nth(CLUSTERS - 1)
      .waitFor();
    // Without long-task support the count below would be a meaningless zero.
    if (!(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask'))))
      throw new Error('this Chromium does not report long tasks; cannot measure responsiveness');
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
    await page.waitForTimeout(WATCH_MS);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

    const opens: number[] = [];
    for (let run = 0; run < LOADS; run++) {
      const name = `lab-${String((run % CLUSTERS) + 1).padStart(2, '0')}`;
      const started = Date.now();
      await page.evaluate((route) => (location.hash = route), `/clusters/${name}`);
      await page.getByRole('figure', { name: /Cluster topology/ }).waitFor();
      opens.push(Date.now() - started);
      await page.evaluate(() => (location.hash = '/'));
      await page
        .getByRole('article')
        .nth(CLUSTERS - 1)
        .waitFor();
    }

    const paint = median(paints);
    const longest = Math.max(0, ...longTasks);
    const rows = [
      `| renderer JavaScript, gzipped | ${jsKb.toFixed(1)} KB | ≤ ${String(TARGET_JS_KB)} KB | ${verdict(jsKb <= TARGET_JS_KB)} |`,
      `| first contentful paint (median of ${String(LOADS)} loads) | ${paint.toFixed(0)} ms | ≤ ${String(TARGET_PAINT_MS)} ms | ${verdict(paint <= TARGET_PAINT_MS)} |`,
      `| all ${String(CLUSTERS)} cluster cards shown (median) | ${median(allCards).toFixed(0)} ms | — | — |`,
      `| long tasks in ${String(WATCH_MS / 1000)} s of polling ${String(CLUSTERS)} clusters | ${String(longTasks.length)}, longest ${longest.toFixed(0)} ms | none over ${String(TARGET_LONGEST_TASK_MS)} ms | ${verdict(longest <= TARGET_LONGEST_TASK_MS)} |`,
      `| open a cluster page (median of ${String(LOADS)}) | ${median(opens).toFixed(0)} ms | — | — |`,
    ];
    const body = [
      '`npm run bench:ui` (`bench/ui.ts`): the production renderer build served by the loopback',
      `bridge over the fake engine with ${String(CLUSTERS)} running clusters, in Debian's headless Chromium.`,
      `Machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${String(cpus().length)} cores, ${String(Math.round(totalmem() / 2 ** 30))} GiB, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}.`,
      '',
      '| measure | result | target | |',
      '| --- | --- | --- | --- |',
      ...rows,
    ];
    await writeSection('Desktop UI', body);
    console.log(body.join('\n'));
  } finally {
    await browser.close();
    await fake.close();
  }
}

await main();
