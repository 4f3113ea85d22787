// The Workloads tab against the REAL engine, in Debian's Chromium through the loopback
// bridge: a one-node cluster from the hermetic node image, its pods listed live from
// client-node informers, a CoreDNS pod's log followed, and a deleted CoreDNS pod replaced by
// its Deployment. Needs Docker and the node image; without them it skips loudly, and fails
// when CI=true.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../../main/bridge/server.js';
import type { Engine } from '../../../main/engine/types.js';
import { createAppCore, type AppCore } from '../../../main/ipc/app-core.js';
import { desktopEngine, loadFeatureServices } from '../../../main/ipc/feature-loader.js';
import { createFileKubectlContexts } from '../../../main/ipc/kubectl-context.js';
import { defaultClusterSpec } from '../../../main/spec/index.js';
import { DEFAULT_RELEASE, hermeticImageOf } from '../../../main/spec/releases.js';
import { hasChromium, launchChromium, type LaunchedBrowser } from '../../../scripts/chromium.js';
import { skipReason } from './prerequisites.js';
import { ensureRendererBuilt } from './renderer-build.js';

const NODE_IMAGE = hermeticImageOf(DEFAULT_RELEASE);
const CLUSTER = 'ui-workloads';
const MINUTE = 60_000;

const docker = new Docker();
const reachable = await docker.ping().then(
  () => true,
  () => false,
);
const image =
  reachable &&
  (await docker
    .getImage(NODE_IMAGE)
    .inspect()
    .then(
      () => true,
      () => false,
    ));
const skip = skipReason([
  { name: 'Chromium at /usr/bin/chromium', ok: hasChromium(), fix: 'apt-get install chromium' },
  { name: 'a reachable Docker daemon', ok: reachable, fix: 'start Docker' },
  { name: `the node image ${NODE_IMAGE}`, ok: image, fix: 'images/node/build.sh' },
]);

describe.skipIf(skip !== undefined)('Workloads tab on the REAL engine (Chromium, loopback bridge)', () => {
  let engine: Engine;
  let core: AppCore;
  let bridge: RunningBridge;
  let browser: LaunchedBrowser;
  let page: Page;
  const podRows = () => page.getByRole('table', { name: 'Pods' }).getByRole('rowheader');
  const corednsPods = async () =>
    (await podRows().allTextContents()).map((name) => name.trim()).filter((name) => name.startsWith('coredns-'));

  beforeAll(async () => {
    // Keep the user's kubeconfig out of it: the engine merges contexts into this file.
    process.env.KUBECONFIG = join(await mkdtemp(join(tmpdir(), 'slipway-ui-kube-')), 'config');
    const { createDefaultEngine } = await import('../../../main/engine/index.js');
    engine = desktopEngine(await createDefaultEngine());
    if ((await engine.listClusters()).some((cluster) => cluster.name === CLUSTER)) await engine.deleteCluster(CLUSTER);
    const spec = structuredClone(defaultClusterSpec(CLUSTER));
    spec.spec.workers = [];
    spec.spec.addons = [];
    await engine.createCluster(spec, { image: NODE_IMAGE });
    core = createAppCore({
      engine,
      transport: 'bridge',
      kubectl: createFileKubectlContexts(process.env.KUBECONFIG),
      ...(await loadFeatureServices(engine)),
    });
    core.start();
    bridge = await startBridge({ dispatch: core.dispatch, hub: core.hub, staticDir: await ensureRendererBuilt() });
    browser = await launchChromium({ width: 1280, height: 900 });
    page = await browser.context.newPage();
    await page.goto(bridge.pageUrl);
    await page.getByRole('heading', { name: 'Clusters', level: 1 }).waitFor();
  }, 15 * MINUTE);

  afterAll(async () => {
    await browser.close();
    await bridge.close();
    await core.dispose();
    if ((await engine.listClusters()).some((cluster) => cluster.name === CLUSTER)) await engine.deleteCluster(CLUSTER);
  });

  it('lists the cluster’s pods live from the API server', async () => {
    await page.evaluate((route) => (location.hash = route), `/clusters/${CLUSTER}/workloads`);
    await page
      .getByRole('table', { name: 'Pods' })
      .getByRole('rowheader', { name: /^kube-apiserver-/ })
      .waitFor({ timeout: MINUTE });
    expect(await corednsPods()).toHaveLength(2);
    await page.getByRole('tab', { name: 'Deployments' }).click();
    await page.getByRole('table', { name: 'Deployments' }).getByRole('rowheader', { name: 'coredns' }).waitFor();
    await page.getByRole('tab', { name: 'Pods' }).click();
  });

  it('follows a CoreDNS pod’s log', async () => {
    await podRows()
      .filter({ hasText: /^coredns-/ })
      .first()
      .waitFor();
    const [first] = await corednsPods();
    await page.getByRole('button', { name: `Logs of ${first ?? ''}` }).click();
    const log = page.getByRole('log', { name: `Log of ${first ?? ''}` });
    // CoreDNS prints its version banner at start.
    await log
      .getByText(/CoreDNS-/)
      .first()
      .waitFor({ timeout: MINUTE });
    await page.getByRole('button', { name: 'Close log' }).click();
  });

  it('deletes a CoreDNS pod after confirming, and shows its replacement', async () => {
    const before = await corednsPods();
    const victim = before[0] ?? '';
    await page.getByRole('button', { name: `Delete ${victim}…` }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: `Delete ${victim}` })
      .click();
    await expect
      .poll(
        async () => {
          const now = await corednsPods();
          return !now.includes(victim) && now.length === 2;
        },
        { timeout: 2 * MINUTE, interval: 500 },
      )
      .toBe(true);
    const replacement = (await corednsPods()).find((name) => !before.includes(name)) ?? '';
    const row = page.getByRole('row', { name: new RegExp(replacement) });
    await row.getByText('Running').waitFor({ timeout: 2 * MINUTE });
  });
});
