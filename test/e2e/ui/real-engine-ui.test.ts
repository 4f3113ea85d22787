// The desktop UI against the REAL engine, in Debian's Chromium through the loopback bridge:
// create a cluster from the wizard and see it Ready, stop and start it, enable an add-on,
// and export it to two targets. Needs Docker, the hermetic node image and add-on images;
// without them it skips loudly, and fails when CI=true.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../../main/bridge/server.js';
import type { Engine } from '../../../main/engine/types.js';
import { createAppCore, type AppCore } from '../../../main/ipc/app-core.js';
import type { IpcResponse } from '../../../main/ipc/contract.js';
import type { AddonState } from '../../../main/ipc/feature-services.js';
import { desktopEngine, loadFeatureServices } from '../../../main/ipc/feature-loader.js';
import { createFileKubectlContexts } from '../../../main/ipc/kubectl-context.js';
import { hasChromium, launchChromium, type LaunchedBrowser } from '../../../scripts/chromium.js';
import { skipReason } from './prerequisites.js';
import { ensureRendererBuilt, REPO_ROOT } from './renderer-build.js';
import { DEFAULT_RELEASE, hermeticImageOf } from '../../../main/spec/releases.js';

const NODE_IMAGE = hermeticImageOf(DEFAULT_RELEASE);
const OVERRIDES = join(
  process.env.SLIPWAY_CACHE_DIR ?? join(homedir(), '.cache/slipway'),
  'images/addons/overrides.yaml',
);
const CLUSTER = 'ui-e2e';
const MINUTE = 60_000;

async function dockerFacts(): Promise<{ docker: boolean; image: boolean }> {
  const docker = new Docker();
  const reachable = await docker.ping().then(
    () => true,
    () => false,
  );
  const image = reachable
    ? await docker
        .getImage(NODE_IMAGE)
        .inspect()
        .then(
          () => true,
          () => false,
        )
    : false;
  return { docker: reachable, image };
}

const facts = await dockerFacts();
const skip = skipReason([
  { name: 'Chromium at /usr/bin/chromium', ok: hasChromium(), fix: 'apt-get install chromium' },
  { name: 'a reachable Docker daemon', ok: facts.docker, fix: 'start Docker' },
  { name: `the node image ${NODE_IMAGE}`, ok: facts.image, fix: 'images/node/build.sh' },
  { name: 'the hermetic add-on images', ok: existsSync(OVERRIDES), fix: `npm run images:addons writes ${OVERRIDES}` },
]);

describe.skipIf(skip !== undefined)('desktop UI on the REAL engine (Chromium, loopback bridge)', () => {
  let engine: Engine;
  let core: AppCore;
  let bridge: RunningBridge;
  let browser: LaunchedBrowser;
  let page: Page;

  async function go(route: string): Promise<void> {
    await page.evaluate((hash) => {
      location.hash = hash;
    }, route);
  }

  beforeAll(async () => {
    // Keep the user's kubeconfig out of it: the engine merges contexts into this file.
    process.env.KUBECONFIG = join(await mkdtemp(join(tmpdir(), 'slipway-ui-kube-')), 'config');
    process.env.SLIPWAY_IMAGE_OVERRIDES = OVERRIDES;
    const { createDefaultEngine } = await import('../../../main/engine/index.js');
    const { specAddonHooks } = await import('../../../main/addons/engine-hooks.js');
    engine = desktopEngine(await createDefaultEngine({ specAddons: specAddonHooks }));
    if ((await engine.listClusters()).some((cluster) => cluster.name === CLUSTER)) await engine.deleteCluster(CLUSTER);
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
  });

  afterAll(async () => {
    await browser.close();
    await bridge.close();
    await core.dispose();
    if ((await engine.listClusters()).some((cluster) => cluster.name === CLUSTER)) await engine.deleteCluster(CLUSTER);
  });

  it('creates a cluster from the wizard and shows it Ready', async () => {
    await go('/create');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(CLUSTER);
    await page.getByRole('spinbutton', { name: 'Nodes' }).fill('1');
    await page.getByText('Networking and node image').click();
    await page.getByRole('textbox', { name: 'Node image' }).fill(NODE_IMAGE);
    // Without the default add-ons: a later test enables one from its card.
    await page.getByRole('checkbox', { name: 'registry' }).uncheck();
    await page.getByRole('checkbox', { name: 'metrics-server' }).uncheck();
    await page.getByText('✓ Valid: 1 control plane, 1 workers').waitFor();
    await page.getByRole('button', { name: 'Create cluster' }).click();
    const steps = page.getByRole('list', { name: `Steps of Create ${CLUSTER}` });
    await steps.waitFor();
    await page.getByText(`${CLUSTER} is Ready`).waitFor({ timeout: 12 * MINUTE });
    expect(await steps.getByText('failed').count()).toBe(0);
    expect(await steps.getByText('done').count()).toBeGreaterThan(3);
    const cluster = await engine.getCluster(CLUSTER);
    expect(cluster.state).toBe('running');
    expect(cluster.nodes.map((node) => node.role).sort()).toEqual(['control-plane', 'worker']);
  });

  it('stops and starts it from the overview', async () => {
    await go('/');
    const card = page.getByRole('article', { name: CLUSTER });
    await card.getByText('Running', { exact: true }).waitFor();
    await page.getByRole('button', { name: `Stop ${CLUSTER}` }).click();
    await card.getByText('Stopped', { exact: true }).waitFor({ timeout: 5 * MINUTE });
    expect((await engine.getCluster(CLUSTER)).state).toBe('stopped');
    await page.getByRole('button', { name: `Start ${CLUSTER}` }).click();
    await card.getByText('Running', { exact: true }).waitFor({ timeout: 8 * MINUTE });
    // Running again means every node came back: the task waits for Ready nodes.
    await page.getByRole('button', { name: `Stop ${CLUSTER}` }).waitFor({ timeout: 8 * MINUTE });
    expect((await engine.getCluster(CLUSTER)).state).toBe('running');
  });

  it('shows its nodes, the pods on them, events and live logs', async () => {
    await go(`/clusters/${CLUSTER}`);
    const row = page.getByRole('row', { name: new RegExp(`^${CLUSTER}-control-plane `) });
    await row.getByText('Ready', { exact: true }).waitFor({ timeout: MINUTE });
    const topology = page.getByRole('figure', { name: /Cluster topology/ });
    await topology.getByText(`kube-system/etcd-${CLUSTER}-control-plane Running`).waitFor({ timeout: MINUTE });
    const events = page.getByRole('region', { name: 'Events' });
    await events.getByRole('row').nth(1).waitFor({ timeout: MINUTE });
    await page.waitForTimeout(7000);
    await page.screenshot({ path: join(REPO_ROOT, 'docs', 'screenshots', 'real-engine-cluster.png'), fullPage: true });
    await go(`/clusters/${CLUSTER}/logs`);
    await page.getByRole('textbox', { name: 'Namespace' }).fill('kube-system');
    await page.getByRole('textbox', { name: 'Pod name pattern' }).fill('coredns');
    await page.getByRole('button', { name: 'Tail logs' }).click();
    await page
      .getByRole('log')
      .getByText(/^kube-system\/coredns-/)
      .first()
      .waitFor({ timeout: MINUTE });
    await page.getByRole('button', { name: 'Stop tail' }).click();
  });

  it('enables an add-on with its parameters form', async () => {
    await go(`/clusters/${CLUSTER}/addons`);
    const card = page.getByRole('article', { name: /Metrics Server/ });
    await card.getByRole('button', { name: /^Enable .*…$/ }).click();
    await card.getByRole('button', { name: /^Enable / }).click();
    await card.getByText('Enabled', { exact: true }).waitFor({ timeout: 10 * MINUTE });
    const states = (await core.dispatch('addons:list', { name: CLUSTER })) as IpcResponse<AddonState[]>;
    expect('result' in states && states.result.find((state) => state.name === 'metrics-server')?.enabled).toBe(true);
  });

  it('exports it to Cluster API and kind', async () => {
    await go(`/clusters/${CLUSTER}/export`);
    await page.getByRole('radio', { name: /Cluster API/ }).check();
    const capi = page.getByRole('region', { name: 'cluster.yaml' });
    await capi.waitFor();
    expect(await capi.innerText()).toContain('apiVersion: cluster.x-k8s.io/v1beta2');
    expect(await capi.innerText()).toContain(`name: ${CLUSTER}`);
    await page.getByRole('radio', { name: /kind/ }).check();
    const kind = page.getByRole('region', { name: 'kind-config.yaml' });
    await kind.waitFor();
    expect(await kind.innerText()).toContain('apiVersion: kind.x-k8s.io/v1alpha4');
    expect(await kind.innerText()).toMatch(/role: worker/);
  });
});
