import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Cancelled, Conflict, SpecInvalid, StepFailed } from '../../../main/errors.js';
import { specAddonHooks } from '../../../main/addons/engine-hooks.js';
import { createCluster } from '../../../main/engine/create/create-cluster.js';
import type { ProgressEvent } from '../../../main/engine/types.js';
import type { Kubeconfig } from '../../../main/kube/kubeconfig-types.js';
import { FakeProvider } from './fake-provider.js';
import { specOf } from './spec-fixtures.js';

function setup() {
  const provider = new FakeProvider();
  const kubeconfigPath = join(mkdtempSync(join(tmpdir(), 'slipway-create-')), 'config');
  const events: ProgressEvent[] = [];
  const onProgress = (event: ProgressEvent) => events.push(event);
  const steps = () => events.filter((e) => e.kind === 'step-end').map((e) => `${e.step}:${e.ok ? 'ok' : 'failed'}`);
  return { provider, kubeconfigPath, events, onProgress, steps };
}

const single = specOf('solo', { workers: [] });

describe('createCluster (fake provider)', () => {
  it('runs every named step and merges the context into the kubeconfig', async () => {
    const { provider, kubeconfigPath, onProgress, steps, events } = setup();
    const plan = await createCluster(single, { waitTimeoutMs: 0, onProgress }, { provider, kubeconfigPath });
    expect(steps()).toEqual([
      'preflight:ok',
      'network:ok',
      'provision-nodes:ok',
      'kubeadm-init:ok',
      'install-cni:ok',
      'install-storage:ok',
      'join-nodes:ok',
      'wait-ready:ok',
      'export-kubeconfig:ok',
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: 'log',
        step: 'preflight',
        message: expect.stringContaining('node image localhost/slipway/node:v1.37.2') as unknown,
      }),
    );
    expect([...provider.nodes.keys()]).toEqual(['solo-control-plane']);
    const config = parse(readFileSync(kubeconfigPath, 'utf8')) as Kubeconfig;
    expect(config['current-context']).toBe('slipway-solo');
    expect(config.clusters).toEqual([
      {
        name: 'slipway-solo',
        cluster: { 'certificate-authority-data': 'TkVXLUNB', server: `https://127.0.0.1:${String(plan.api.hostPort)}` },
      },
    ]);
  });

  it('writes the kubeadm config into the node and runs kubeadm init with it', async () => {
    const { provider, kubeconfigPath } = setup();
    await createCluster(single, { waitTimeoutMs: 0 }, { provider, kubeconfigPath });
    const write = provider.execs.find((e) => e.command.join(' ').includes("cat > '/kind/kubeadm.conf'"));
    const kinds = parseAllDocuments(write?.stdin ?? '').map((d) => (d.toJS() as { kind: string }).kind);
    expect(kinds).toEqual([
      'ClusterConfiguration',
      'InitConfiguration',
      'KubeletConfiguration',
      'KubeProxyConfiguration',
    ]);
    expect(provider.execs.map((e) => e.command.slice(0, 2).join(' '))).toContain('kubeadm init');
    const cni = provider.execs.find(
      (e) => e.command.includes('apply') && e.stdin?.includes('service-cluster-ip-range'),
    );
    expect(cni?.stdin).toContain('10.96.0.0/16');
  });

  it('configures the load balancer and joins extra control planes one by one for HA', async () => {
    const { provider, kubeconfigPath, onProgress, steps } = setup();
    await createCluster(
      specOf('ha', { controlPlane: { replicas: 3 }, workers: [] }),
      { waitTimeoutMs: 0, onProgress },
      { provider, kubeconfigPath },
    );
    expect(steps()).toContain('load-balancer:ok');
    expect(provider.nodes.has('ha-external-load-balancer')).toBe(true);
    const joins = provider.execs
      .filter((e) => e.command[0] === 'kubeadm' && e.command[1] === 'join')
      .map((e) => e.node);
    expect(joins).toEqual(['ha-control-plane-2', 'ha-control-plane-3']);
    const pkiCopies = provider.execs.filter((e) => e.command[0] === 'tar').map((e) => e.node);
    expect(pkiCopies).toEqual(['ha-control-plane', 'ha-control-plane']);
  });

  it('refuses a taken name in preflight and makes nothing', async () => {
    const { provider, kubeconfigPath } = setup();
    await createCluster(single, { waitTimeoutMs: 0 }, { provider, kubeconfigPath });
    const execsBefore = provider.execs.length;
    await expect(createCluster(single, { waitTimeoutMs: 0 }, { provider, kubeconfigPath })).rejects.toBeInstanceOf(
      Conflict,
    );
    expect([...provider.nodes.keys()]).toEqual(['solo-control-plane']); // the first cluster is untouched
    expect(provider.execs.length).toBe(execsBefore);
  });

  it('refuses add-on parameters their bundle rejects before any container exists', async () => {
    const { provider, kubeconfigPath } = setup();
    const spec = specOf('solo', { workers: [], addons: [{ name: 'registry', params: { port: 'not-a-port' } }] });
    const refused = createCluster(spec, { waitTimeoutMs: 0 }, { provider, kubeconfigPath, specAddons: specAddonHooks });
    await expect(refused).rejects.toBeInstanceOf(SpecInvalid);
    await expect(refused).rejects.toMatchObject({
      problems: [expect.objectContaining({ path: 'spec.addons[0].params.port' })],
    });
    expect(provider.nodes.size).toBe(0);
    expect(existsSync(kubeconfigPath)).toBe(false);
  });

  it('refuses spec.addons before any container exists when built without the add-on hooks', async () => {
    const { provider, kubeconfigPath } = setup();
    const spec = specOf('solo', { workers: [], addons: [{ name: 'registry', params: {} }] });
    const refused = createCluster(spec, { waitTimeoutMs: 0 }, { provider, kubeconfigPath });
    await expect(refused).rejects.toThrow(/built without add-on support/);
    expect(provider.nodes.size).toBe(0);
  });

  it('refuses container names used by something else', async () => {
    const { provider, kubeconfigPath } = setup();
    provider.foreign.add('solo-control-plane');
    await expect(createCluster(single, {}, { provider, kubeconfigPath })).rejects.toThrow(
      /solo-control-plane already in use/,
    );
    expect(provider.networks.size).toBe(0);
  });

  it('refuses a busy host port before any container exists', async () => {
    const { provider, kubeconfigPath } = setup();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const spec = specOf('busy', { portMappings: [{ hostPort: port, containerPort: 80 }] });
      await expect(createCluster(spec, {}, { provider, kubeconfigPath })).rejects.toBeInstanceOf(Conflict);
      expect(provider.nodes.size + provider.networks.size).toBe(0);
    } finally {
      server.close();
    }
  });

  it('removes everything it made when a step fails', async () => {
    const { provider, kubeconfigPath, onProgress, steps } = setup();
    provider.onExec = (call) =>
      call.command[0] === 'kubeadm'
        ? { exitCode: 1, stdout: Buffer.alloc(0), stderr: Buffer.from('[ERROR] the control plane never came up') }
        : undefined;
    const error = await createCluster(
      specOf('broken'),
      { waitTimeoutMs: 0, onProgress },
      { provider, kubeconfigPath },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepFailed);
    expect(error).toMatchObject({ step: 'kubeadm-init' });
    expect((error as Error).message).toContain('the control plane never came up');
    expect(steps().slice(-2)).toEqual(['kubeadm-init:failed', 'cleanup:ok']);
    expect(provider.nodes.size).toBe(0);
    expect(provider.networks.size).toBe(0);
    expect(existsSync(kubeconfigPath)).toBe(false);
  });

  it('keeps what it made with retain', async () => {
    const { provider, kubeconfigPath } = setup();
    provider.onExec = (call) =>
      call.command[0] === 'kubeadm' ? { exitCode: 1, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) } : undefined;
    await expect(
      createCluster(specOf('kept'), { retain: true, waitTimeoutMs: 0 }, { provider, kubeconfigPath }),
    ).rejects.toBeInstanceOf(StepFailed);
    expect([...provider.nodes.keys()].sort()).toEqual(['kept-control-plane', 'kept-workers-1', 'kept-workers-2']);
    expect(provider.networks.has('kept')).toBe(true);
  });

  it('cleans up when cancelled mid-way (Ctrl-C)', async () => {
    const { provider, kubeconfigPath, onProgress, steps } = setup();
    const controller = new AbortController();
    provider.onProvision = (node) => {
      if (node.name === 'stop-workers-1') controller.abort();
    };
    const error = await createCluster(
      specOf('stop'),
      { signal: controller.signal, onProgress },
      { provider, kubeconfigPath },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Cancelled);
    expect(steps().slice(-2)).toEqual(['provision-nodes:failed', 'cleanup:ok']);
    expect(provider.nodes.size + provider.networks.size).toBe(0);
  });
});
