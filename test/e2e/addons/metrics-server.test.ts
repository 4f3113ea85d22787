// metrics-server: the metrics API serves usage for every node (what `kubectl top` reads).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableAddon, enableAddon } from '../../../main/addons/index.js';
import { createAddonCluster, missingPrerequisite, reportMissing, type AddonCluster } from './fixture.js';
import { eventually } from '../eventually.js';

const skip = reportMissing(await missingPrerequisite(), 'metrics-server e2e');

describe.skipIf(skip)('metrics-server add-on', () => {
  let cluster: AddonCluster;
  beforeAll(async () => {
    cluster = await createAddonCluster('e2e-metrics');
  });
  afterAll(async () => {
    // Undefined when create itself failed.
    await (cluster as AddonCluster | undefined)?.delete();
  });

  it('reports node metrics for every node', async () => {
    await enableAddon(cluster.context, cluster.name, { name: 'metrics-server' });
    const nodes = await cluster.context.host.nodes.listNodes(cluster.name);
    const metrics = await eventually('node metrics for every node', async () => {
      const list = await cluster.clients.objects.list('metrics.k8s.io/v1beta1', 'NodeMetrics');
      return list.items.length === nodes.length ? list.items : undefined;
    });
    expect(metrics.map((m) => m.metadata?.name).sort()).toEqual(nodes.map((n) => n.name).sort());
  });

  it('disables cleanly', async () => {
    await disableAddon(cluster.context, cluster.name, 'metrics-server');
    await expect(
      cluster.clients.apps.readNamespacedDeployment({ name: 'metrics-server', namespace: 'kube-system' }),
    ).rejects.toThrow();
  });
});
