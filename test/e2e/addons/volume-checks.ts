// Functional storage checks for csi-hostpath, with a real data-holding app: the hermetic
// registry image keeps uploaded blobs on its volume, read and written over a port-forward.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { forwardServicePort } from '../../../main/addons/index.js';
import { createObject, type AddonCluster } from './fixture.js';
import { eventually } from '../eventually.js';

const NS = 'default';

/** The hermetic registry image, which the tests load into the nodes themselves. */
function registryImage(cluster: AddonCluster): string {
  return Object.values(cluster.context.overrides ?? {}).find((ref) => ref.includes('/registry:')) ?? '';
}

async function registryApp(cluster: AddonCluster, name: string, claim: string, node: string): Promise<void> {
  const image = registryImage(cluster);
  await createObject(cluster, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NS, labels: { app: name } },
    spec: {
      nodeSelector: { 'kubernetes.io/hostname': node },
      tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
      containers: [
        {
          name: 'registry',
          image,
          imagePullPolicy: 'Never',
          ports: [{ containerPort: 5000 }],
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/registry' }],
        },
      ],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }],
    },
  });
  await createObject(cluster, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: NS },
    spec: { selector: { app: name }, ports: [{ port: 5000 }] },
  }).catch(() => undefined);
  await eventually(`pod ${name} ready`, async () => {
    const pod = await cluster.clients.core.readNamespacedPod({ name, namespace: NS });
    return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? pod : undefined;
  });
}

async function claim(cluster: AddonCluster, name: string, fromSnapshot?: string): Promise<void> {
  await createObject(cluster, {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: NS },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'csi-hostpath-sc',
      resources: { requests: { storage: '64Mi' } },
      ...(fromSnapshot
        ? { dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: fromSnapshot } }
        : {}),
    },
  });
}

async function withForward<T>(cluster: AddonCluster, service: string, work: (base: string) => Promise<T>): Promise<T> {
  const open = await forwardServicePort(cluster.clients, { namespace: NS, name: service }, 5000);
  try {
    return await work(open.url.replace(/\/$/, ''));
  } finally {
    await open.close();
  }
}

async function uploadBlob(base: string, data: Buffer): Promise<string> {
  const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;
  const start = await fetch(`${base}/v2/e2e/data/blobs/uploads/`, { method: 'POST' });
  const location = new URL(start.headers.get('location') ?? '', base);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    body: new Uint8Array(data),
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(put.status).toBe(201);
  return digest;
}

async function blobStatus(base: string, digest: string): Promise<number> {
  return (await fetch(`${base}/v2/e2e/data/blobs/${digest}`, { method: 'HEAD' })).status;
}

/** The node a bound claim's volume lives on (from the PV's node affinity). */
async function volumeNode(cluster: AddonCluster, claimName: string): Promise<string | undefined> {
  const pvc = await cluster.clients.core.readNamespacedPersistentVolumeClaim({ name: claimName, namespace: NS });
  if (!pvc.spec?.volumeName) return undefined;
  const pv = await cluster.clients.core.readPersistentVolume({ name: pvc.spec.volumeName });
  return pv.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions?.[0]?.values?.[0];
}

/**
 * A PVC binds on every node (control plane included) with its volume on that node; data
 * survives a pod restart; a snapshot becomes ready and restores.
 */
export async function runVolumeChecks(cluster: AddonCluster): Promise<void> {
  const all = await cluster.context.host.nodes.listNodes(cluster.name);
  // The registry add-on is not enabled here, so nothing else puts its image on the nodes.
  await cluster.engine.loadImages(cluster.name, [registryImage(cluster)]);
  for (const [index, other] of all.entries()) {
    await claim(cluster, `on-node-${String(index)}`);
    await registryApp(cluster, `on-node-${String(index)}`, `on-node-${String(index)}`, other.name);
    expect(await volumeNode(cluster, `on-node-${String(index)}`)).toBe(other.name);
    await cluster.clients.core.deleteNamespacedPod({ name: `on-node-${String(index)}`, namespace: NS });
  }

  const workers = all.filter((n) => n.role === 'worker');
  const node = workers[workers.length - 1]?.name ?? '';
  await claim(cluster, 'data');
  await registryApp(cluster, 'app', 'data', node);
  const digest = await withForward(cluster, 'app', (base) =>
    uploadBlob(base, Buffer.from(`slipway ${String(Date.now())}`)),
  );

  await cluster.clients.core.deleteNamespacedPod({ name: 'app', namespace: NS });
  await eventually('old pod gone', async () =>
    cluster.clients.core.readNamespacedPod({ name: 'app', namespace: NS }).then(
      () => undefined,
      () => true,
    ),
  );
  await registryApp(cluster, 'app', 'data', node);
  expect(await withForward(cluster, 'app', (base) => blobStatus(base, digest))).toBe(200);

  await createObject(cluster, {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshot',
    metadata: { name: 'data-snap', namespace: NS },
    spec: { volumeSnapshotClassName: 'csi-hostpath-snapclass', source: { persistentVolumeClaimName: 'data' } },
  });
  await eventually('snapshot ready', async () => {
    const snap = (await cluster.clients.objects.read({
      apiVersion: 'snapshot.storage.k8s.io/v1',
      kind: 'VolumeSnapshot',
      metadata: { name: 'data-snap', namespace: NS },
    })) as unknown as { status?: { readyToUse?: boolean } };
    return snap.status?.readyToUse === true ? snap : undefined;
  });
  // Snapshots live on the node that holds the volume, so the restore runs there too.
  await claim(cluster, 'restored', 'data-snap');
  await registryApp(cluster, 'restored', 'restored', node);
  expect(await withForward(cluster, 'restored', (base) => blobStatus(base, digest))).toBe(200);
  for (const name of ['app', 'restored']) await cluster.clients.core.deleteNamespacedPod({ name, namespace: NS });
}
