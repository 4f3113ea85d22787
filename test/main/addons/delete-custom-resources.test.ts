import { describe, expect, it } from 'vitest';
import { deleteCustomResources } from '../../../main/addons/data-checks.js';
import type { Inventory } from '../../../main/addons/inventory.js';
import type { KubeClients } from '../../../main/addons/kube-clients.js';

interface Item {
  kind: string;
  name: string;
  namespace?: string;
}

const crd = (plural: string, kind: string) => ({
  metadata: { name: `${plural}.snapshot.storage.k8s.io` },
  spec: { group: 'snapshot.storage.k8s.io', names: { kind, plural }, versions: [{ name: 'v1', storage: true }] },
});
const CRDS = [crd('volumesnapshots', 'VolumeSnapshot'), crd('volumesnapshotcontents', 'VolumeSnapshotContent')];

const inventory: Inventory = {
  name: 'csi-hostpath',
  version: '1.0.0',
  params: {},
  state: 'ready',
  objects: CRDS.map((c) => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    name: c.metadata.name,
    phase: 'crds',
  })),
  hostOperations: [],
  dataChecks: [],
  updatedAt: '2026-11-23T00:00:00Z',
};

/**
 * A cluster holding one VolumeSnapshot and its content. Like snapshot-controller, it removes
 * the content itself once the snapshot is deleted, but a content deleted while its snapshot
 * still exists keeps a finalizer for ever (the race the ordering avoids).
 */
function cluster(options: { stuck?: boolean } = {}) {
  let items: Item[] = [
    { kind: 'VolumeSnapshot', name: 'snap', namespace: 'default' },
    { kind: 'VolumeSnapshotContent', name: 'snapcontent-1' },
  ];
  const deletes: string[] = [];
  let orphanedContent = false;
  const objects = {
    read: ({ metadata }: { metadata: { name: string } }) => {
      const found = CRDS.find((c) => c.metadata.name === metadata.name);
      return found ? Promise.resolve(found) : Promise.reject(Object.assign(new Error('nf'), { code: 404 }));
    },
    list: (_apiVersion: string, kind: string) => {
      // The controller reconciles between polls.
      if (!options.stuck && !items.some((i) => i.kind === 'VolumeSnapshot') && !orphanedContent)
        items = items.filter((i) => i.kind !== 'VolumeSnapshotContent');
      return Promise.resolve({
        items: items
          .filter((i) => i.kind === kind)
          .map((i) => ({ metadata: { name: i.name, namespace: i.namespace } })),
      });
    },
    delete: ({ kind, metadata }: { kind: string; metadata: { name: string } }) => {
      deletes.push(`${kind}/${metadata.name}`);
      if (kind === 'VolumeSnapshotContent' && items.some((i) => i.kind === 'VolumeSnapshot')) orphanedContent = true;
      if (kind === 'VolumeSnapshot' && !options.stuck) items = items.filter((i) => i.name !== metadata.name);
      return Promise.resolve({});
    },
  };
  return { clients: { objects } as unknown as KubeClients, deletes };
}

describe('deleteCustomResources', () => {
  it('deletes namespaced resources first and lets their controllers remove what they made', async () => {
    const { clients, deletes } = cluster();
    await deleteCustomResources(clients, inventory, { pollMs: 1 });
    expect(deletes).toEqual(['VolumeSnapshot/snap']);
  });

  it('names what is left when finalizers keep resources past the deadline', async () => {
    const { clients } = cluster({ stuck: true });
    await expect(deleteCustomResources(clients, inventory, { pollMs: 1, timeoutMs: 20 })).rejects.toThrow(
      'custom resources were not deleted in time: VolumeSnapshot default/snap',
    );
  });

  it('stops waiting when cancelled', async () => {
    const { clients } = cluster({ stuck: true });
    const controller = new AbortController();
    controller.abort();
    await expect(deleteCustomResources(clients, inventory, { signal: controller.signal, pollMs: 1 })).rejects.toThrow(
      /cancelled/,
    );
  });
});
