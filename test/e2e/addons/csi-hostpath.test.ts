// csi-hostpath: a PVC binds on any node, data survives a pod restart, a snapshot becomes ready
// and restores; disable asks first while volumes exist.
//
// Upstream's hostpathplugin, csi-node-driver-registrar and livenessprobe cannot be built
// offline. Unless they are on this host, these tests run the bundle with SLIPWAY'S OWN CSI
// hostpath driver (images/addons/csi-hostpath) standing in for those three images, chosen
// explicitly through the with-standins image map, and say so. The rest (csi-provisioner,
// csi-snapshotter, snapshot-controller, the CRDs) is upstream, built from source.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableAddon, enableAddon } from '../../../main/addons/index.js';
import {
  createAddonCluster,
  missingPrerequisite,
  OVERRIDES,
  reportMissing,
  unbuildableImages,
  WITH_STANDINS,
  type AddonCluster,
} from './fixture.js';
import { eventually } from '../eventually.js';
import { runVolumeChecks } from './volume-checks.js';

const { all: notBuildable, missing } = await unbuildableImages('csi-hostpath');
const upstreamPresent = missing.length === 0;
const skip = reportMissing(
  (await missingPrerequisite()) ??
    (upstreamPresent || existsSync(WITH_STANDINS)
      ? undefined
      : `neither ${notBuildable.join(', ')} nor Slipway's stand-in map ${WITH_STANDINS} (npm run images:addons)`),
  'csi-hostpath e2e',
);
if (!skip && !upstreamPresent)
  console.warn(
    `\n*** csi-hostpath e2e: ${notBuildable.join(', ')} cannot be built offline; the volume and snapshot checks run on SLIPWAY'S OWN CSI hostpath driver standing in for them (images/addons/csi-hostpath), not on upstream's ***\n`,
  );

describe.skipIf(skip)('csi-hostpath add-on', () => {
  let cluster: AddonCluster;
  beforeAll(async () => {
    cluster = await createAddonCluster('e2e-csi', upstreamPresent ? OVERRIDES : WITH_STANDINS);
    if (upstreamPresent) await cluster.engine.loadImages(cluster.name, notBuildable);
  });
  afterAll(async () => {
    // Undefined when create itself failed.
    await (cluster as AddonCluster | undefined)?.delete();
  });

  it('applies the snapshot CRDs and controller, the driver and the classes', async () => {
    await enableAddon(cluster.context, cluster.name, { name: 'csi-hostpath' });
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

  it('binds a PVC on any node, keeps data across a pod restart, snapshots and restores', async () => {
    await runVolumeChecks(cluster);
  });

  it('disables, asking first while volumes exist', async () => {
    await expect(disableAddon(cluster.context, cluster.name, 'csi-hostpath')).rejects.toThrow(
      /holds data: .*PersistentVolume/,
    );
    await disableAddon(cluster.context, cluster.name, 'csi-hostpath', { yes: true });
    await expect(
      cluster.clients.extensions.readCustomResourceDefinition({ name: 'volumesnapshots.snapshot.storage.k8s.io' }),
    ).rejects.toThrow();
  });
});
