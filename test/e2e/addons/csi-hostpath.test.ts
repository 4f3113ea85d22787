// csi-hostpath: a PVC binds on any node, data survives a pod restart, a snapshot becomes ready
// and restores. The plugin, node-driver-registrar and livenessprobe images cannot be built
// offline (their Go modules are not served by the module proxy): unless they are on this host
// the functional checks are NOT run here; the hermetic parts are (snapshot CRDs, snapshot
// controller, classes, CSIDriver, RBAC, disable).
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableAddon, enableAddon, loadBundle } from '../../../main/addons/index.js';
import { createAddonCluster, missingPrerequisite, reportMissing, type AddonCluster } from './fixture.js';
import { eventually } from '../eventually.js';
import { runVolumeChecks } from './volume-checks.js';

const skip = reportMissing(await missingPrerequisite(), 'csi-hostpath e2e');
const bundle = await loadBundle('csi-hostpath');
const unbuildable = Object.values(bundle.document.images)
  .filter((image) => !image.hermetic)
  .map((image) => image.ref);
const docker = new Docker();
const present = await Promise.all(
  unbuildable.map((ref) =>
    docker
      .getImage(ref)
      .inspect()
      .then(
        () => true,
        () => false,
      ),
  ),
);
const functional = present.every(Boolean);
if (!functional)
  console.warn(
    `\n*** csi-hostpath e2e: ${unbuildable.join(', ')} cannot be built offline and are not on this host; the volume and snapshot checks are NOT run ***\n`,
  );

describe.skipIf(skip)('csi-hostpath add-on', () => {
  let cluster: AddonCluster;
  beforeAll(async () => {
    cluster = await createAddonCluster('e2e-csi');
    if (functional) await cluster.engine.loadImages(cluster.name, unbuildable);
  });
  afterAll(async () => {
    // Undefined when create itself failed.
    await (cluster as AddonCluster | undefined)?.delete();
  });

  it('applies the snapshot CRDs and controller, the driver and the classes', async () => {
    await enableAddon(cluster.context, cluster.name, { name: 'csi-hostpath' }, { wait: functional });
    for (const name of ['volumesnapshots', 'volumesnapshotcontents', 'volumesnapshotclasses']) {
      const crd = await cluster.clients.extensions.readCustomResourceDefinition({
        name: `${name}.snapshot.storage.k8s.io`,
      });
      expect(crd.status?.conditions?.find((c) => c.type === 'Established')?.status).toBe('True');
    }
    await eventually('snapshot-controller available', async () => {
      const deployment = await cluster.clients.apps.readNamespacedDeployment({
        name: 'snapshot-controller',
        namespace: 'kube-system',
      });
      return (deployment.status?.availableReplicas ?? 0) >= 1 ? deployment : undefined;
    });
    const storageClass = await cluster.clients.objects.read({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'csi-hostpath-sc' },
    });
    expect((storageClass as unknown as { volumeBindingMode: string }).volumeBindingMode).toBe('WaitForFirstConsumer');
  });

  it.skipIf(!functional)(
    'binds a PVC on any node, keeps data across a pod restart, snapshots and restores',
    async () => {
      await runVolumeChecks(cluster);
    },
  );

  it('disables, asking first while volumes exist', async () => {
    await disableAddon(cluster.context, cluster.name, 'csi-hostpath', { yes: true });
    await expect(
      cluster.clients.extensions.readCustomResourceDefinition({ name: 'volumesnapshots.snapshot.storage.k8s.io' }),
    ).rejects.toThrow();
  });
});
