// The Cluster API `Cluster` with a managed topology: class, version, control-plane replicas,
// one MachineDeployment per worker pool (labels, taints) and the pod and service ranges.
import type { ClusterSpec, Taint, WorkerPool } from '../../spec/index.js';
import { issue, poolPath } from '../issues.js';
import { clusterSelectorLabels } from '../labels.js';
import type { ExportIssue, KubeObject } from '../types.js';

export type CapiApiVersion = 'v1beta1' | 'v1beta2';

export interface CapiClusterInput {
  spec: ClusterSpec;
  apiVersion: CapiApiVersion;
  namespace: string;
  clusterClass: string;
  classNamespace: string | undefined;
  workerClass: string;
  version: string;
  /** Topology variables, passed through (VKS sets vmClass, storageClass, ...). */
  variables?: { name: string; value: unknown }[];
  /** Per-pool extra fields (VKS sets variables.overrides and annotations). */
  decoratePool?: (pool: WorkerPool, index: number) => Record<string, unknown>;
}

/** Build the topology Cluster for either API version. */
export function buildTopologyCluster(input: CapiClusterInput): KubeObject {
  const { spec, apiVersion, namespace, version } = input;
  const networking = spec.spec.networking;
  const classFields =
    apiVersion === 'v1beta2'
      ? {
          classRef: {
            name: input.clusterClass,
            ...(input.classNamespace !== undefined && { namespace: input.classNamespace }),
          },
        }
      : {
          class: input.clusterClass,
          ...(input.classNamespace !== undefined && { classNamespace: input.classNamespace }),
        };
  return {
    apiVersion: `cluster.x-k8s.io/${apiVersion}`,
    kind: 'Cluster',
    metadata: { name: spec.metadata.name, namespace, labels: clusterSelectorLabels(spec.metadata.name) },
    spec: {
      clusterNetwork: {
        pods: { cidrBlocks: [networking.podSubnet] },
        services: { cidrBlocks: [networking.serviceSubnet] },
        serviceDomain: 'cluster.local',
      },
      topology: {
        ...classFields,
        version,
        controlPlane: { replicas: spec.spec.controlPlane.replicas },
        ...(input.variables !== undefined && input.variables.length > 0 && { variables: input.variables }),
        // Cluster API's schema wants at least one machineDeployment: no pools, no workers field.
        ...(spec.spec.workers.length > 0 && {
          workers: {
            machineDeployments: spec.spec.workers.map((pool, index) => machineDeployment(pool, index, input)),
          },
        }),
      },
    },
  };
}

function machineDeployment(pool: WorkerPool, index: number, input: CapiClusterInput): Record<string, unknown> {
  const base: Record<string, unknown> = { class: input.workerClass, name: pool.name, replicas: pool.replicas };
  return { ...base, ...(input.decoratePool?.(pool, index) ?? defaultPoolFields(pool, input.apiVersion)) };
}

/**
 * Labels on machine metadata and, on v1beta2, taints propagated to Nodes (plain Cluster API).
 * Topology taints arrived with Cluster API 1.13 in v1beta2 only; v1beta1 is for management
 * clusters older than 1.11, so there the taints are left out and reported (capiPoolIssues).
 */
function defaultPoolFields(pool: WorkerPool, apiVersion: CapiApiVersion): Record<string, unknown> {
  return {
    ...(Object.keys(pool.labels).length > 0 && { metadata: { labels: pool.labels } }),
    ...(pool.taints.length > 0 && apiVersion === 'v1beta2' && { taints: pool.taints.map(machineTaint) }),
  };
}

function machineTaint(taint: Taint): Record<string, unknown> {
  return {
    key: taint.key,
    ...(taint.value !== undefined && { value: taint.value }),
    effect: taint.effect,
    propagation: 'Always',
  };
}

// Only these label domains reach Nodes without extra manager flags (metadata propagation docs).
const nodeSyncedLabel =
  /^(node-role\.kubernetes\.io\/|([^/]*\.)?node-restriction\.kubernetes\.io\/|([^/]*\.)?node\.cluster\.x-k8s\.io\/)/;

/** Issues for pools: labels that will not reach Nodes, taints behind a gate or left out, sizes. */
export function capiPoolIssues(spec: ClusterSpec, apiVersion: CapiApiVersion): ExportIssue[] {
  const issues: ExportIssue[] = [];
  spec.spec.workers.forEach((pool, index) => {
    const unsynced = Object.keys(pool.labels).filter((key) => !nodeSyncedLabel.test(key));
    if (unsynced.length > 0) {
      const regexes = unsynced.map((key) => `^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).join(',');
      issues.push(
        issue(
          'LOSSY_MAPPING',
          'warning',
          poolPath(index, 'labels'),
          `labels ${unsynced.join(', ')} of pool "${pool.name}" reach Machines but not Nodes: Cluster API syncs only node-role.kubernetes.io, node-restriction.kubernetes.io and node.cluster.x-k8s.io labels by default. Start the core controller with --additional-sync-machine-labels='${regexes}', or set kubelet node-labels in the ClusterClass`,
        ),
      );
    }
    if (pool.taints.length > 0) issues.push(taintIssue(pool, index, apiVersion));
    if (Object.keys(pool.resources).length > 0) {
      issues.push(
        issue(
          'UNSUPPORTED_FIELD',
          'warning',
          poolPath(index, 'resources'),
          `pool "${pool.name}" resources are not part of a Cluster API topology: node size comes from the ClusterClass's machine templates or a class variable set per pool with variables.overrides`,
        ),
      );
    }
  });
  return issues;
}

function taintIssue(pool: WorkerPool, index: number, apiVersion: CapiApiVersion): ExportIssue {
  const path = poolPath(index, 'taints');
  const kubeadmPatch =
    'a KubeadmConfigTemplate patch in the ClusterClass that sets spec.template.spec.joinConfiguration.nodeRegistration.taints for this pool';
  if (apiVersion === 'v1beta1') {
    return issue(
      'UNSUPPORTED_FIELD',
      'warning',
      path,
      `taints of pool "${pool.name}" are left out: topology taints need Cluster API ≥ 1.13 and v1beta2, and v1beta1 is for management clusters older than 1.11. Set them with ${kubeadmPatch}`,
    );
  }
  return issue(
    'FEATURE_GATE_REQUIRED',
    'warning',
    path,
    `taints of pool "${pool.name}" are exported as topology taints, which need Cluster API ≥ 1.13 with the MachineTaintPropagation feature gate; otherwise set them with ${kubeadmPatch}`,
  );
}
