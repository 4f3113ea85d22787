// registry: push from the host to localhost:5001, pull in a pod through the node mirror, the
// KEP-1755 ConfigMap, disable asking before deleting pushed images.
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableAddon, enableAddon } from '../../../main/addons/index.js';
import { readInventory } from '../../../main/addons/inventory.js';
import { Conflict } from '../../../main/errors.js';
import { createAddonCluster, createObject, missingPrerequisite, reportMissing, type AddonCluster } from './fixture.js';
import { eventually } from '../eventually.js';

const skip = reportMissing(await missingPrerequisite(), 'registry e2e');
const PUSHED = 'localhost:5001/e2e/registry:1';

describe.skipIf(skip)('registry add-on', () => {
  let cluster: AddonCluster;
  beforeAll(async () => {
    cluster = await createAddonCluster('e2e-registry');
  });
  afterAll(async () => {
    // Undefined when create itself failed.
    await (cluster as AddonCluster | undefined)?.delete();
  });

  it('is usable from the host and from pods on every node', async () => {
    const started = Date.now();
    const result = await enableAddon(cluster.context, cluster.name, { name: 'registry' });
    console.log(`registry enable-to-usable: ${String(Date.now() - started)} ms`);
    expect(result.outputs.find((o) => o.name === 'pushHost')?.value).toBe('localhost:5001');

    // Any local image works as payload: the hermetic registry image is an HTTP server.
    const local = Object.values(cluster.context.overrides ?? {}).find((ref) => ref.includes('/registry:')) ?? '';
    await execa('docker', ['tag', local, PUSHED]);
    await execa('docker', ['push', PUSHED]);

    const configMap = await cluster.clients.core.readNamespacedConfigMap({
      name: 'local-registry-hosting',
      namespace: 'kube-public',
    });
    expect(configMap.data?.['localRegistryHosting.v1']).toContain('host: "localhost:5001"');

    const nodes = await cluster.context.host.nodes.listNodes(cluster.name);
    for (const node of nodes.filter((n) => n.role === 'worker')) {
      await createObject(cluster, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `pull-${node.name}`, namespace: 'default' },
        spec: { nodeName: node.name, containers: [{ name: 'app', image: PUSHED, imagePullPolicy: 'Always' }] },
      });
    }
    for (const node of nodes.filter((n) => n.role === 'worker')) {
      await eventually(`pod on ${node.name} running from the local registry`, async () => {
        const pod = await cluster.clients.core.readNamespacedPod({ name: `pull-${node.name}`, namespace: 'default' });
        return pod.status?.phase === 'Running' ? pod : undefined;
      });
    }
  });

  it('asks before deleting pushed images, then removes exactly its inventory', async () => {
    await expect(disableAddon(cluster.context, cluster.name, 'registry')).rejects.toBeInstanceOf(Conflict);
    expect(await readInventory(cluster.clients, 'registry')).toBeDefined();
    await disableAddon(cluster.context, cluster.name, 'registry', { yes: true });
    expect(await readInventory(cluster.clients, 'registry')).toBeUndefined();
    await expect(
      cluster.clients.core.readNamespacedConfigMap({ name: 'local-registry-hosting', namespace: 'kube-public' }),
    ).rejects.toThrow();
    const { exitCode } = await execa('docker', ['inspect', 'slipway-registry'], { reject: false });
    expect(exitCode).not.toBe(0);
  });

  it('lets the cluster be deleted while the registry is still attached to its network', async () => {
    await enableAddon(cluster.context, cluster.name, { name: 'registry' });
    await cluster.delete();
    const networks = await execa('docker', ['network', 'ls', '--format', '{{.Name}}']);
    expect(networks.stdout.split('\n')).not.toContain(`slipway-${cluster.name}`);
    // The registry and its data outlive the cluster; remove them as a user would.
    await execa('docker', ['rm', '-f', 'slipway-registry']);
    await execa('docker', ['volume', 'rm', 'slipway-registry-data'], { reject: false });
  });
});
