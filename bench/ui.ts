// `npm run bench:ui`: the renderer's shipped JavaScript gzipped and as the bridge sends it,
// first paint in Debian's Chromium, and responsiveness with 10 clusters and 500 pods (time
// until every cluster card shows, long tasks while the overview polls, how fast a cluster
// page opens with its pods drawn, and a change between two cluster pages). The renderer talks to
// the FAKE engine here: this measures the UI, not cluster work. Writes the "Desktop UI"
// section of BENCHMARKS.md.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createFleetFakeEngine } from '../main/dev/fake-engine/seed.js';
import { launchChromium } from '../scripts/chromium.js';
import { startFakeBridge } from '../test/e2e/ui/fake-bridge.js';
import { ensureRendererBuilt } from '../test/e2e/ui/renderer-build.js';
import { writeSection } from './benchmarks-file.js';

const CLUSTERS = 10;
const PODS = 500;
const LOADS = 7;
const WATCH_MS = 10_000;
const TARGET_JS_KB = 150;
const TARGET_PAINT_MS = 300;
// A frame budget: a UI that never blocks longer than this between inputs feels immediate.
const TARGET_LONGEST_TASK_MS = 100;
const TARGET_PAGE_CHANGE_MS = 100;

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
  // System pods come with each cluster; application pods make up the rest of the 500.
  const probe = createFleetFakeEngine(1);
  const systemPods = (await probe.listPods('lab-01')).length;
  const engine = createFleetFakeEngine(CLUSTERS, { appPodsPerCluster: PODS / CLUSTERS - systemPods });
  const pods = (await Promise.all((await engine.listClusters()).map((c) => engine.listPods(c.name)))).flat().length;
  const fake = await startFakeBridge(engine, dist);
  const browser = await launchChromium({ width: 1280, height: 860 });
  try {
    const paints: number[] = [];
    let firstTransferKb = NaN;
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
        // What crossed the wire for the scripts and styles (compressed, headers included).
        transferred: performance
          .getEntriesByType('resource')
          .filter((entry) => /\.(js|css)$/.test(entry.name))
          .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize, 0),
      }));
      paints.push(timing.paint);
      if (run === 0) firstTransferKb = timing.transferred / 1024;
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
    const changes: number[] = [];
    for (let run = 0; run < LOADS; run++) {
      const name = `lab-${String((run % CLUSTERS) + 1).padStart(2, '0')}`;
      const next = `lab-${String(((run + 1) % CLUSTERS) + 1).padStart(2, '0')}`;
      const started = Date.now();
      await page.evaluate((route) => (location.hash = route), `/clusters/${name}`);
      await page.getByRole('figure', { name: /Cluster topology/ }).waitFor();
      // Opened when its pods are drawn (the topology's per-node pod counts).
      await page
        .getByText(/\d+ pods/)
        .first()
        .waitFor();
      opens.push(Date.now() - started);
      // A page change: from one cluster to another, in the page (no network wait in between).
      // As source text: tsx would wrap a named function in a helper the page does not have.
      changes.push(
        await page.evaluate<number>(`new Promise((resolve) => {
          const begin = performance.now();
          location.hash = '/clusters/${next}';
          const check = () =>
            document.querySelector('h1')?.textContent === '${next}'
              ? resolve(performance.now() - begin)
              : requestAnimationFrame(check);
          requestAnimationFrame(check);
        })`),
      );
      await page.evaluate(() => (location.hash = '/'));
      await page
        .getByRole('article')
        .nth(CLUSTERS - 1)
        .waitFor();
    }

    const paint = median(paints);
    const change = median(changes);
    const longest = Math.max(0, ...longTasks);
    const rows = [
      `| renderer JavaScript, gzipped | ${jsKb.toFixed(1)} KB | ≤ ${String(TARGET_JS_KB)} KB | ${verdict(jsKb <= TARGET_JS_KB)} |`,
      `| renderer scripts and styles as sent by the bridge (first load, compressed) | ${firstTransferKb.toFixed(1)} KB | — | — |`,
      `| first contentful paint (median of ${String(LOADS)} loads) | ${paint.toFixed(0)} ms | ≤ ${String(TARGET_PAINT_MS)} ms | ${verdict(paint <= TARGET_PAINT_MS)} |`,
      `| all ${String(CLUSTERS)} cluster cards shown (median) | ${median(allCards).toFixed(0)} ms | — | — |`,
      `| long tasks in ${String(WATCH_MS / 1000)} s of polling ${String(CLUSTERS)} clusters | ${String(longTasks.length)}, longest ${longest.toFixed(0)} ms | none over ${String(TARGET_LONGEST_TASK_MS)} ms | ${verdict(longest <= TARGET_LONGEST_TASK_MS)} |`,
      `| open a cluster page with its pods drawn (median of ${String(LOADS)}) | ${median(opens).toFixed(0)} ms | — | — |`,
      `| page change between two clusters (median of ${String(LOADS)}) | ${change.toFixed(0)} ms | ≤ ${String(TARGET_PAGE_CHANGE_MS)} ms | ${verdict(change <= TARGET_PAGE_CHANGE_MS)} |`,
    ];
    const body = [
      '`npm run bench:ui` (`bench/ui.ts`): the production renderer build served by the loopback',
      `bridge (brotli, ETag, immutable hashed assets) over the fake engine with ${String(CLUSTERS)} running clusters and ${String(pods)} pods, in Debian's headless Chromium.`,
      `Machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${String(cpus().length)} cores, ${String(Math.round(totalmem() / 2 ** 30))} GiB, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}. Load average at the end: ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')} (the cores are shared with a Go build).`,
      'First contentful paint is the loading line that index.html carries (painted before the script runs);',
      '"all cluster cards shown" is when the overview is usable. The renderer is built fresh for production',
      'when renderer/dist is older than its sources; delete renderer/dist first if the UI tests built it (under NODE_ENV=test Svelte builds a larger bundle).',
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
