// What differs between the ClusterClasses a VKS Cluster can use: where the class lives, the
// Cluster API version it is written in, and how the spec's sizes, storage, labels and taints
// become its variables. One entry per class; `vks.class` picks one (docs/export.md).
import type { WorkerPool } from '../../spec/index.js';
import type { CapiApiVersion } from '../capi/cluster.js';
import { GENERIC_CLASS_V3_7, TANZU_CLASS, type VksClassName } from './class-names.js';

export interface ClusterVariable {
  name: string;
  value: unknown;
}

/** What a class's variables are made from. */
export interface VksVariableInput {
  vmClass: string;
  storageClass: string;
  /** Make storageClass the cluster's default StorageClass (an add-on provides CSI storage). */
  defaultStorage: boolean;
}

export interface VksClass {
  name: VksClassName;
  /** Namespace of the class on the Supervisor; undefined: the class is found without one. */
  namespace?: string;
  /** The Cluster API version written when --api-version is not given. */
  defaultApiVersion: CapiApiVersion;
  /** The platform release this class comes with, for messages. */
  platform: string;
  variables(input: VksVariableInput): ClusterVariable[];
  /** Per-pool overrides: a VM class other than the default, node labels and taints. */
  poolOverrides(pool: WorkerPool, vmClass: string | undefined): ClusterVariable[];
}

function taintsOf(pool: WorkerPool): { key: string; value?: string; effect: string }[] {
  return pool.taints.map((taint) => ({
    key: taint.key,
    ...(taint.value !== undefined && { value: taint.value }),
    effect: taint.effect,
  }));
}

const tanzu: VksClass = {
  name: TANZU_CLASS,
  defaultApiVersion: 'v1beta1',
  platform: 'TKG Service 3.x',
  variables: ({ vmClass, storageClass, defaultStorage }) => [
    { name: 'vmClass', value: vmClass },
    { name: 'storageClass', value: storageClass },
    ...(defaultStorage ? [{ name: 'defaultStorageClass', value: storageClass }] : []),
  ],
  poolOverrides: (pool, vmClass) => {
    const overrides: ClusterVariable[] = [];
    if (vmClass !== undefined) overrides.push({ name: 'vmClass', value: vmClass });
    const labels = Object.entries(pool.labels).map(([key, value]) => ({ key, value }));
    if (labels.length > 0) overrides.push({ name: 'nodePoolLabels', value: labels });
    if (pool.taints.length > 0) overrides.push({ name: 'nodePoolTaints', value: taintsOf(pool) });
    return overrides;
  },
};

// VKS 3.7's generic class: node labels and taints in one `node` variable, workload storage
// under vsphereOptions.persistentVolumes; storageClass stays the node disks' policy.
const genericV37: VksClass = {
  name: GENERIC_CLASS_V3_7,
  namespace: 'vmware-system-vks-public',
  defaultApiVersion: 'v1beta2',
  platform: 'VKS 3.7',
  variables: ({ vmClass, storageClass, defaultStorage }) => [
    { name: 'vmClass', value: vmClass },
    { name: 'storageClass', value: storageClass },
    ...(defaultStorage
      ? [
          {
            name: 'vsphereOptions',
            value: {
              persistentVolumes: { availableStorageClasses: [storageClass], defaultStorageClass: storageClass },
            },
          },
        ]
      : []),
  ],
  poolOverrides: (pool, vmClass) => {
    const overrides: ClusterVariable[] = [];
    if (vmClass !== undefined) overrides.push({ name: 'vmClass', value: vmClass });
    const hasLabels = Object.keys(pool.labels).length > 0;
    if (hasLabels || pool.taints.length > 0) {
      overrides.push({
        name: 'node',
        value: {
          ...(hasLabels && { labels: { ...pool.labels } }),
          ...(pool.taints.length > 0 && { taints: taintsOf(pool) }),
        },
      });
    }
    return overrides;
  },
};

const CLASSES: Record<VksClassName, VksClass> = { [TANZU_CLASS]: tanzu, [GENERIC_CLASS_V3_7]: genericV37 };

/** The class `vks.class` names; the tanzukubernetescluster class when it names none. */
export function vksClass(name: VksClassName | undefined): VksClass {
  return CLASSES[name ?? TANZU_CLASS];
}
