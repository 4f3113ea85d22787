// `slipway export --cluster NAME` exports what the cluster runs: the Kubernetes version its
// nodes run, and the add-ons its inventories list when its API answers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ClusterEngine } from '../../../main/engine/cluster-engine.js';
import { Label } from '../../../main/engine/labels.js';
import type { Engine } from '../../../main/engine/types.js';
import { loadClusterSpec } from '../../../main/spec/index.js';
import { FakeProvider } from '../engine/fake-provider.js';
import { runCliCaptured } from './run-cli.js';

const root = join(import.meta.dirname, '../../..');

/** A stopped cluster "solo" created from a spec without a Kubernetes version, on the fake provider. */
async function stoppedCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-export-cluster-'));
  const provider = new FakeProvider();
  const engine = new ClusterEngine({ provider, endpoint: 'fake', kubeconfigPath: () => join(dir, 'kubeconfig') });
  const createEngine = () => Promise.resolve(engine);
  const spec = join(dir, 'solo.yaml');
  writeFileSync(spec, 'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: solo}\nspec: {workers: []}\n');
  const run = (...argv: string[]) => runCliCaptured(argv, { createEngine });
  expect((await run('create', '-f', spec, '--wait', '0')).exitCode).toBe(0);
  expect((await run('stop', 'solo')).exitCode).toBe(0);
  return { provider, run };
}

describe('slipway export --cluster, from the engine', () => {
  it('exports the Kubernetes version the nodes run when the spec left it open', async () => {
    const { run } = await stoppedCluster();
    const result = await run(
      'export',
      '--cluster',
      'solo',
      '--target',
      'capi',
      '--set',
      'capi.clusterClass=quick-start',
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('    version: v1.37.2\n');
    expect(result.stderr).not.toContain('DEFAULTED_VALUE spec.kubernetesVersion');
  });

  it('tells a missing cluster apart from an invalid recorded spec, listing its problems', async () => {
    const { run, provider } = await stoppedCluster();
    const missing = await run('export', '--cluster', 'nope', '--target', 'kind');
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('error: cluster "nope" not found\n');

    const node = provider.nodes.get('solo-control-plane');
    if (!node) throw new Error('the fake provider has the control plane');
    const recorded = JSON.parse(node.labels[Label.spec] ?? '{}') as { spec: { controlPlane: { replicas: number } } };
    recorded.spec.controlPlane.replicas = 0;
    node.labels[Label.spec] = JSON.stringify(recorded);
    const invalid = await run('export', '--cluster', 'solo', '--target', 'kind');
    expect(invalid.exitCode).toBe(2);
    expect(invalid.stderr).toContain('error: the spec recorded on cluster "solo": invalid (1 problem)\n');
    expect(invalid.stderr).toMatch(/ {2}the spec recorded on cluster "solo": ?spec\.controlPlane\.replicas: /);
    expect(invalid.stderr).not.toContain('has no recorded spec');
  });
});

describe('slipway export --cluster, add-ons', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
    server = undefined;
  });

  /** An API server that answers only the add-on inventory list, with one inventory: dashboard. */
  async function inventoryApi(): Promise<string> {
    const inventory = { name: 'dashboard', version: '1.0.0', params: { role: 'view' }, state: 'ready', objects: [] };
    const list = {
      apiVersion: 'v1',
      kind: 'ConfigMapList',
      metadata: {},
      items: [
        {
          metadata: { name: 'addon-dashboard', namespace: 'slipway-system' },
          data: { 'inventory.json': JSON.stringify(inventory) },
        },
      ],
    };
    server = createServer((request, response) => {
      const ok = request.url?.startsWith('/api/v1/namespaces/slipway-system/configmaps?') === true;
      response.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(ok ? list : { kind: 'Status', code: 404 }));
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  }

  /** A running cluster "lab" created with the registry add-on, whose API is at `server`. */
  function runningEngine(apiServer: string): Engine {
    const spec = loadClusterSpec(readFileSync(join(root, 'examples', 'minimal.yaml'), 'utf8'));
    spec.spec.addons = [{ name: 'registry', params: {} }];
    const kubeconfig = stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'lab', cluster: { server: apiServer, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'lab', user: {} }],
      contexts: [{ name: 'lab', context: { cluster: 'lab', user: 'lab' } }],
      'current-context': 'lab',
    });
    const engine: Pick<Engine, 'recordedSpec' | 'getCluster' | 'kubeconfig'> = {
      recordedSpec: () => Promise.resolve(spec),
      getCluster: () => Promise.resolve({ state: 'running' } as Awaited<ReturnType<Engine['getCluster']>>),
      kubeconfig: () => Promise.resolve(kubeconfig),
    };
    return engine as Engine;
  }

  it('exports the add-ons the cluster runs, naming what changed since creation', async () => {
    const createEngine = async () => runningEngine(await inventoryApi());
    const result = await runCliCaptured(['export', '--cluster', 'lab', '--target', 'kind'], { createEngine });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('note: add-ons enabled after creation are exported too: dashboard\n');
    expect(result.stderr).toContain(
      'note: add-ons of the creation spec that the cluster does not run are left out: registry\n',
    );
    expect(result.stderr).toContain('ADDON_MAPPING spec.addons[0]: dashboard: ');
    expect(result.stderr).not.toContain('registry: ');
  });

  it('falls back to the creation add-ons, with a note, when the API does not answer', async () => {
    const closed = await inventoryApi();
    server?.close();
    const createEngine = () => Promise.resolve(runningEngine(closed));
    const result = await runCliCaptured(['export', '--cluster', 'lab', '--target', 'kind'], { createEngine });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/note: cannot read the add-ons of cluster "lab" \(.+\), so the add-ons exported/);
    expect(result.stderr).toContain('ADDON_MAPPING spec.addons[0]: registry: ');
  });
});
