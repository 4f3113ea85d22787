// Workload rows from real API objects (kubectl get's columns, read defensively), list paths,
// payload validation of the workloads channels, and watches pushed as events.
import { describe, expect, it } from 'vitest';
import { FakeEngine } from '../../../main/dev/fake-engine/fake-engine.js';
import { FakeWorkloads } from '../../../main/dev/fake-engine/fake-workloads.js';
import { fakeSpec } from '../../../main/dev/fake-engine/seed.js';
import { createAppCore } from '../../../main/ipc/app-core.js';
import type { WorkloadItem } from '../../../main/ipc/contract.js';
import { createFileKubectlContexts } from '../../../main/ipc/kubectl-context.js';
import { listPath } from '../../../main/ipc/workloads/kube-api-kinds.js';
import { summarize } from '../../../main/ipc/workloads/summarize.js';

describe('summarize', () => {
  it('reads a crash-looping pod: waiting reason, ready containers, restarts, node, images', () => {
    const pod = {
      metadata: { uid: 'u1', name: 'web-1', namespace: 'shop', creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: {
        nodeName: 'demo-worker',
        containers: [
          { name: 'web', image: 'web:1' },
          { name: 'proxy', image: 'envoy:1' },
        ],
      },
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: 'web', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } },
          { name: 'proxy', ready: true, restartCount: 0, state: { running: {} } },
        ],
      },
    };
    expect(summarize('pods', pod)).toEqual({
      uid: 'u1',
      kind: 'pods',
      namespace: 'shop',
      name: 'web-1',
      createdAt: '2026-01-01T00:00:00Z',
      status: 'CrashLoopBackOff',
      tone: 'err',
      ready: '1/2',
      restarts: 4,
      node: 'demo-worker',
      containers: ['web', 'proxy'],
      details: 'web:1, envoy:1',
    });
  });

  it('reads rollouts, Services, Ingresses and HTTPRoutes, and survives missing fields', () => {
    expect(
      summarize('deployments', { metadata: { name: 'web' }, spec: { replicas: 3 }, status: { readyReplicas: 1 } }),
    ).toMatchObject({
      status: 'Progressing',
      tone: 'warn',
      ready: '1/3',
    });
    expect(
      summarize('services', {
        metadata: { name: 'web' },
        spec: { type: 'NodePort', clusterIP: '10.96.0.9', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] },
      }),
    ).toMatchObject({ status: 'NodePort', details: '10.96.0.9 · 80:30080/TCP' });
    expect(
      summarize('ingresses', { metadata: { name: 'web' }, spec: { rules: [{ host: 'web.localhost' }] } }),
    ).toMatchObject({
      details: 'web.localhost',
      tone: 'muted',
    });
    expect(
      summarize('httproutes', {
        metadata: { name: 'r' },
        spec: { hostnames: ['a.localhost'], parentRefs: [{ name: 'gw' }] },
        status: { parents: [{ conditions: [{ type: 'Accepted', status: 'True' }] }] },
      }),
    ).toMatchObject({ status: 'Accepted', details: 'a.localhost → gw' });
    expect(summarize('pods', null)).toMatchObject({ name: '', status: 'Unknown', ready: '0/0' });
  });

  it('builds list paths for core and group APIs, namespaced or not', () => {
    expect(listPath('pods')).toBe('/api/v1/pods');
    expect(listPath('deployments', 'shop')).toBe('/apis/apps/v1/namespaces/shop/deployments');
    expect(listPath('namespaces', 'shop')).toBe('/api/v1/namespaces');
    expect(listPath('httproutes')).toBe('/apis/gateway.networking.k8s.io/v1/httproutes');
  });
});

describe('workloads channels', () => {
  function core() {
    const engine = new FakeEngine();
    engine.seed(fakeSpec('demo'));
    const app = createAppCore({
      engine,
      transport: 'in-process',
      kubectl: createFileKubectlContexts('/nonexistent'),
      workloads: new FakeWorkloads(engine, { replaceDelayMs: 1 }),
    });
    return app;
  }

  it('refuses bad kinds, names and a restart of something that has no rollout', async () => {
    const app = core();
    expect(await app.dispatch('workloads:watch', { cluster: 'demo', kind: 'secrets' })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD', problems: [{ path: 'kind' }] },
    });
    expect(
      await app.dispatch('workloads:delete', { cluster: 'demo', kind: 'pods', namespace: 'shop', name: '../etc' }),
    ).toMatchObject({ error: { code: 'INVALID_PAYLOAD', problems: [{ path: 'name' }] } });
    expect(
      await app.dispatch('workloads:restart', { cluster: 'demo', kind: 'pods', namespace: 'shop', name: 'db-0' }),
    ).toMatchObject({ error: { code: 'INVALID_PAYLOAD', problems: [{ path: 'kind' }] } });
    expect(await app.dispatch('workloads:unwatch', { watchId: 'logs-1' })).toMatchObject({
      error: { code: 'INVALID_PAYLOAD' },
    });
  });

  it('pushes the list as events and again after a change; unwatch stops them', async () => {
    const app = core();
    const seen: WorkloadItem[][] = [];
    app.hub.on('workloads:items', ({ items }) => seen.push(items));
    const response = await app.dispatch('workloads:watch', { cluster: 'demo', kind: 'pods', namespace: 'shop' });
    expect(response).toEqual({ result: { watchId: 'watch-1' } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.at(-1)?.map((item) => item.name)).toContain('db-0');
    await app.dispatch('workloads:delete', { cluster: 'demo', kind: 'pods', namespace: 'shop', name: 'db-0' });
    expect(seen.at(-1)?.map((item) => item.name)).not.toContain('db-0');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.at(-1)?.find((item) => item.name === 'db-0')?.status).toBe('Running');
    await app.dispatch('workloads:unwatch', { watchId: 'watch-1' });
    const count = seen.length;
    await app.dispatch('workloads:restart', { cluster: 'demo', kind: 'deployments', namespace: 'shop', name: 'web' });
    expect(seen.length).toBe(count);
    await app.dispose();
  });

  it('answers NOT_AVAILABLE without a workload source', async () => {
    const engine = new FakeEngine();
    const app = createAppCore({ engine, transport: 'in-process', kubectl: createFileKubectlContexts('/nonexistent') });
    expect(app.features.workloads).toBe(false);
    expect(await app.dispatch('workloads:watch', { cluster: 'demo', kind: 'pods' })).toMatchObject({
      error: { code: 'NOT_AVAILABLE' },
    });
  });
});
