// VKS: a Cluster API Cluster on the platform's `tanzukubernetescluster` ClusterClass, with the
// vmClass and storageClass variables, the release as topology version, and per-pool overrides
// (vmClass, nodePoolLabels, nodePoolTaints).
import type { ClusterSpec, WorkerPool } from '../../spec/index.js';
import { buildTopologyCluster, type CapiApiVersion } from '../capi/cluster.js';
import type { KubeObject } from '../types.js';
import type { VksSite } from './site.js';

const VKS_CLUSTER_CLASS = 'tanzukubernetescluster';
const VKS_WORKER_CLASS = 'node-pool';

/** The VKS Cluster object. */
export function buildVksCluster(spec: ClusterSpec, site: VksSite, apiVersion: CapiApiVersion): KubeObject {
  const wantsDefaultStorage = spec.spec.addons.some((addon) => addon.name === 'csi-hostpath');
  const variables = [
    { name: 'vmClass', value: site.vmClass },
    { name: 'storageClass', value: site.storageClass },
    ...(wantsDefaultStorage ? [{ name: 'defaultStorageClass', value: site.storageClass }] : []),
  ];
  return buildTopologyCluster({
    spec,
    apiVersion,
    namespace: site.namespace,
    clusterClass: VKS_CLUSTER_CLASS,
    classNamespace: undefined,
    workerClass: VKS_WORKER_CLASS,
    version: site.release,
    variables,
    decoratePool: (pool, index) => poolOverrides(pool, site.poolVmClasses[index]),
  });
}

function poolOverrides(pool: WorkerPool, vmClass: string | undefined): Record<string, unknown> {
  const overrides: { name: string; value: unknown }[] = [];
  if (vmClass !== undefined) overrides.push({ name: 'vmClass', value: vmClass });
  const labels = Object.entries(pool.labels).map(([key, value]) => ({ key, value }));
  if (labels.length > 0) overrides.push({ name: 'nodePoolLabels', value: labels });
  if (pool.taints.length > 0) {
    overrides.push({
      name: 'nodePoolTaints',
      value: pool.taints.map((taint) => ({
        key: taint.key,
        ...(taint.value !== undefined && { value: taint.value }),
        effect: taint.effect,
      })),
    });
  }
  return overrides.length > 0 ? { variables: { overrides } } : {};
}
