// The TKGI documents: the `tkgi` commands, the REST body for POST /v1/clusters and the
// default StorageClass for vSphere CSI.
import type { ClusterSpec } from '../../spec/index.js';
import type { KubeObject, ShellCommand } from '../types.js';

// TKGI's documented default port for the cluster API endpoint.
const TKGI_MASTER_PORT = 8443;

export interface TkgiSite {
  plan: string;
  externalHostname: string;
  storagePolicy: string | undefined;
}

/** Total worker nodes: what a single-pool TKGI cluster gets. */
export function totalWorkers(spec: ClusterSpec): number {
  return spec.spec.workers.reduce((sum, pool) => sum + pool.replicas, 0);
}

/** The commands that create the cluster, in order. */
export function tkgiCommands(
  spec: ClusterSpec,
  site: TkgiSite,
  profile: { name: string; file: string } | undefined,
  storageClassFile: string | undefined,
): ShellCommand[] {
  const name = spec.metadata.name;
  const sizing = profile === undefined ? numNodes(spec) : ['--compute-profile', profile.name];
  const commands: ShellCommand[] = [];
  if (profile !== undefined) {
    commands.push({
      argv: ['tkgi', 'create-compute-profile', profile.file],
      comment: 'create the compute profile (needs pks.clusters.admin; skip if it already exists)',
    });
  }
  commands.push({
    argv: [
      'tkgi',
      'create-cluster',
      name,
      '--external-hostname',
      site.externalHostname,
      '--plan',
      site.plan,
      ...sizing,
      '--wait',
    ],
    comment: `create the cluster on plan ${site.plan}`,
  });
  if (storageClassFile !== undefined) {
    commands.push({ argv: ['tkgi', 'get-credentials', name], comment: 'fetch a kubeconfig for the new cluster' });
    commands.push({
      argv: ['kubectl', 'apply', '-f', storageClassFile],
      comment: 'make vSphere CSI the default storage (csi-hostpath add-on)',
    });
  }
  return commands;
}

function numNodes(spec: ClusterSpec): string[] {
  const workers = totalWorkers(spec);
  return workers > 0 ? ['--num-nodes', String(workers)] : [];
}

/** The REST body for POST https://TKGI-API:9021/v1/clusters. */
export function tkgiRestBody(spec: ClusterSpec, site: TkgiSite): Record<string, unknown> {
  const workers = totalWorkers(spec);
  return {
    name: spec.metadata.name,
    plan_name: site.plan,
    parameters: {
      kubernetes_master_host: site.externalHostname,
      kubernetes_master_port: TKGI_MASTER_PORT,
      ...(workers > 0 && { kubernetes_worker_instances: workers }),
    },
  };
}

/** A default StorageClass for the vSphere CSI driver. */
export function vsphereStorageClass(storagePolicy: string | undefined): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'default', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'csi.vsphere.vmware.com',
    ...(storagePolicy !== undefined && { parameters: { storagepolicyname: storagePolicy } }),
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
  };
}
