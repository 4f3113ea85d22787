// The app core over the fake engine: lifecycle through tasks, the engine going away and
// coming back, features that are missing, kubectl context switching and log streams.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeEngine } from '../../../main/dev/fake-engine/fake-engine.js';
import { fakeSpec } from '../../../main/dev/fake-engine/seed.js';
import { createAppCore, type AppCore } from '../../../main/ipc/app-core.js';
import type { IpcEventMap, IpcEventName, IpcResponse } from '../../../main/ipc/contract.js';
import { createFileKubectlContexts } from '../../../main/ipc/kubectl-context.js';

const demoYaml = `apiVersion: slipway.dev/v1alpha1
kind: Cluster
metadata:
  name: demo
spec:
  workers:
    - name: workers
      replicas: 1
`;

function setup(engine = new FakeEngine(), kubeconfig = '/nonexistent/kubeconfig') {
  const core = createAppCore({
    engine,
    transport: 'in-process',
    kubectl: createFileKubectlContexts(kubeconfig),
    version: '9.9.9',
    platform: 'linux',
  });
  const events: { name: IpcEventName; payload: unknown }[] = [];
  core.hub.onAny((name, payload) => events.push({ name, payload }));
  return { core, engine, events };
}

function resultOf<T>(response: IpcResponse<T>): T {
  if ('error' in response) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.result;
}

async function call(core: AppCore, channel: string, payload?: unknown) {
  return core.dispatch(channel, payload);
}

describe('createAppCore', () => {
  it('creates a cluster as a task with named steps and publishes the new cluster list', async () => {
    const { core, events } = setup();
    const { taskId } = resultOf(await call(core, 'clusters:create', { specText: demoYaml })) as { taskId: string };
    const done = await core.tasks.whenDone(taskId);
    expect(done.state).toBe('succeeded');
    expect(done.steps.map((step) => step.id)).toEqual([
      'preflight',
      'network',
      'provision-nodes',
      'kubeadm-init',
      'install-cni',
      'install-storage',
      'join-nodes',
      'wait-ready',
      'export-kubeconfig',
    ]);
    expect(done.steps.every((step) => step.state === 'succeeded' && typeof step.durationMs === 'number')).toBe(true);

    await core.monitor.refresh();
    const changed = events.filter((event) => event.name === 'clusters:changed').at(-1)
      ?.payload as IpcEventMap['clusters:changed'];
    expect(changed.map((cluster) => [cluster.name, cluster.state, cluster.nodes.length])).toEqual([
      ['demo', 'running', 2],
    ]);
    expect(events.filter((event) => event.name === 'tasks:updated').length).toBeGreaterThan(10);
  });

  it('rejects an invalid spec before starting a task, with every problem', async () => {
    const { core } = setup();
    const response = await call(core, 'clusters:create', {
      specText:
        'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: Demo}\nspec: {controlPlane: {replicas: 2}}\n',
    });
    expect('error' in response && response.error.code).toBe('SPEC_INVALID');
    expect('error' in response && response.error.problems?.map((problem) => problem.path)).toEqual([
      'metadata.name',
      'spec.controlPlane.replicas',
    ]);
    expect(core.tasks.list()).toEqual([]);
  });

  it('refuses to create a cluster whose name is taken', async () => {
    const { core, engine } = setup();
    engine.seed(fakeSpec('demo'));
    const response = await call(core, 'clusters:create', { specText: demoYaml });
    expect('error' in response && response.error).toMatchObject({
      code: 'CONFLICT',
      hint: 'choose another metadata.name',
    });
  });

  it('stops and starts a cluster through tasks', async () => {
    const { core, engine } = setup();
    engine.seed(fakeSpec('demo'));
    const stop = resultOf(await call(core, 'clusters:stop', { name: 'demo' })) as { taskId: string };
    expect((await core.tasks.whenDone(stop.taskId)).state).toBe('succeeded');
    expect((await engine.getCluster('demo')).state).toBe('stopped');
    const start = resultOf(await call(core, 'clusters:start', { name: 'demo' })) as { taskId: string };
    expect((await core.tasks.whenDone(start.taskId)).steps.map((step) => step.id)).toEqual([
      'start-nodes',
      'wait-ready',
    ]);
    expect((await engine.getCluster('demo')).state).toBe('running');
  });

  it('reports the engine going away with a fix, and recovering, without throwing', async () => {
    const { core, engine, events } = setup();
    engine.setAvailable(false);
    const down = await core.monitor.refresh();
    expect(down.state).toBe('unavailable');
    expect(down.error).toMatchObject({ code: 'ENGINE_UNAVAILABLE' });
    expect(down.error?.hint).toMatch(/Start Docker/);
    expect('error' in (await call(core, 'clusters:list'))).toBe(true);

    engine.setAvailable(true);
    expect((await core.monitor.refresh()).state).toBe('ready');
    expect(
      events
        .filter((event) => event.name === 'engine:status')
        .map((event) => (event.payload as { state: string }).state),
    ).toEqual(['unavailable', 'ready']);
  });

  it('reports features and answers NOT_AVAILABLE for services this build lacks', async () => {
    const { core } = setup();
    expect(resultOf(await call(core, 'app:features'))).toEqual({
      nodeStats: true,
      kubeNodes: true,
      pods: true,
      events: true,
      logs: true,
      addons: false,
      export: false,
      workloads: false,
    });
    expect(resultOf(await call(core, 'app:info'))).toEqual({
      version: '9.9.9',
      platform: 'linux',
      transport: 'in-process',
      contextPrefix: 'slipway-',
      fakeEngine: false,
    });
    for (const [channel, payload] of [
      ['addons:catalog', undefined],
      ['addons:enable', { cluster: 'demo', addon: 'registry', params: {} }],
      ['export:targets', undefined],
      ['export:render', { source: { cluster: 'demo' }, target: 'capi', site: {} }],
    ] as const) {
      const response = await call(core, channel, payload);
      expect('error' in response && response.error.code).toBe('NOT_AVAILABLE');
    }
  });

  it('switches the kubectl context in the kubeconfig file, keeping the rest', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'slipway-kubeconfig-'));
    const path = join(directory, 'config');
    await writeFile(
      path,
      '# mine\napiVersion: v1\nkind: Config\ncurrent-context: work\ncontexts:\n  - name: work\n  - name: slipway-demo\n',
    );
    const { core, engine } = setup(new FakeEngine(), path);
    engine.seed(fakeSpec('demo'));
    expect(resultOf(await call(core, 'clusters:use-context', { name: 'demo' }))).toEqual({
      path,
      context: 'slipway-demo',
    });
    const text = await readFile(path, 'utf8');
    expect(text).toContain('# mine');
    expect(text).toContain('current-context: slipway-demo');
    expect(await core.kubectl.current()).toBe('slipway-demo');

    engine.seed(fakeSpec('other'));
    const missing = await call(core, 'clusters:use-context', { name: 'other' });
    expect('error' in missing && missing.error.code).toBe('NOT_FOUND');
  });

  it('streams log lines until stopped', async () => {
    const { core, engine, events } = setup(new FakeEngine({ logIntervalMs: 5 }));
    engine.seed(fakeSpec('demo'));
    const { streamId } = resultOf(await call(core, 'logs:follow', { cluster: 'demo', podPattern: 'coredns-*' })) as {
      streamId: string;
    };
    await new Promise((resolve) => setTimeout(resolve, 30));
    resultOf(await call(core, 'logs:stop', { streamId }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const batches = events
      .filter((event) => event.name === 'logs:lines')
      .map((event) => event.payload as IpcEventMap['logs:lines']);
    expect(batches.length).toBeGreaterThan(2);
    expect(new Set(batches.flatMap((batch) => batch.lines.map((line) => line.pod)))).toEqual(
      new Set(['coredns-66bc5c9577-4xk2p', 'coredns-66bc5c9577-r8w6d']),
    );
    expect(
      events.some(
        (event) => event.name === 'logs:ended' && (event.payload as { streamId: string }).streamId === streamId,
      ),
    ).toBe(true);
    expect(core.logs.open).toBe(0);
  });

  it('cancels running tasks on dispose', async () => {
    const { core, engine } = setup(new FakeEngine({ stepDelayMs: 10_000 }));
    engine.seed(fakeSpec('demo'));
    const { taskId } = resultOf(await call(core, 'clusters:stop', { name: 'demo' })) as { taskId: string };
    await core.dispose();
    expect((await core.tasks.whenDone(taskId)).state).toBe('cancelled');
    expect((await engine.getCluster('demo')).state).toBe('running');
  });
});
