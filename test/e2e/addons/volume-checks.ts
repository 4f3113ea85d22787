// Functional storage checks for csi-hostpath, with a real data-holding app: the hermetic
// registry image keeps uploaded blobs on its volume, read and written over a port-forward.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { forwardServicePort } from '../../../main/addons/index.js';
import { createObject, type AddonCluster } from './fixture.js';
import { eventually } from '../eventually.js';

const NS = 'default';

async function registryApp(cluster: AddonCluster, name: string, claim: string, node: string): Promise<void> {
  const image = Object.values(cluster.context.overrides ?? {}).find((ref) => ref.includes('/registry:')) ?? '';
  await createObject(cluster, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NS, labels: { app: name } },
    spec: {
      nodeSelector: { 'kubernetes.io/hostname': node },
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

/** PVC binds on a worker, data survives a pod restart, a snapshot becomes ready and restores. */
export async function runVolumeChecks(cluster: AddonCluster): Promise<void> {
  const nodes = (await cluster.context.host.nodes.listNodes(cluster.name)).filter((n) => n.role === 'worker');
  const node = nodes[nodes.length - 1]?.name ?? '';
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
