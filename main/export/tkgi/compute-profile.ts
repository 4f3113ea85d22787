// A TKGI compute profile (vSphere): the control-plane count and one node pool per worker pool,
// with sizes, labels ("k=v,k2=v2") and taints ("k=v:Effect,...") in TKGI's string forms.
import type { ClusterSpec, Taint, WorkerPool } from '../../spec/index.js';
import { issue, poolPath } from '../issues.js';
import { quantityToMebibytes } from '../sizes.js';
import type { ExportIssue } from '../types.js';

// The spec has no disk size; TKGI wants cpu, memory and disk together or none of them.
const DEFAULT_EPHEMERAL_DISK_MIB = 32768;

/** Whether the spec needs a compute profile rather than a plain plan and worker count. */
export function needsComputeProfile(spec: ClusterSpec): boolean {
  const { workers, controlPlane } = spec.spec;
  const customised = workers.some(
    (pool) => Object.keys(pool.labels).length > 0 || pool.taints.length > 0 || Object.keys(pool.resources).length > 0,
  );
  return workers.length > 1 || customised || controlPlane.replicas !== 1;
}

/** Name of the exported compute profile. */
export function computeProfileName(spec: ClusterSpec): string {
  return `${spec.metadata.name}-profile`;
}

/** The compute profile JSON body. */
export function buildComputeProfile(spec: ClusterSpec, issues: ExportIssue[]): Record<string, unknown> {
  return {
    name: computeProfileName(spec),
    description: `exported by Slipway from cluster spec ${spec.metadata.name}`,
    parameters: {
      cluster_customization: {
        control_plane: { instances: spec.spec.controlPlane.replicas },
        node_pools: spec.spec.workers.map((pool, index) => nodePool(pool, index, issues)),
      },
    },
  };
}

function nodePool(pool: WorkerPool, index: number, issues: ExportIssue[]): Record<string, unknown> {
  const labels = Object.entries(pool.labels).map(([key, value]) => `${key}=${value}`);
  return {
    name: pool.name,
    instances: pool.replicas,
    ...poolSize(pool, index, issues),
    ...(labels.length > 0 && { node_labels: labels.join(',') }),
    ...(pool.taints.length > 0 && { node_taints: pool.taints.map(taintText).join(',') }),
  };
}

function taintText(taint: Taint): string {
  return taint.value === undefined ? `${taint.key}:${taint.effect}` : `${taint.key}=${taint.value}:${taint.effect}`;
}

function poolSize(pool: WorkerPool, index: number, issues: ExportIssue[]): Record<string, number> {
  const { cpus, memory } = pool.resources;
  if (cpus === undefined && memory === undefined) return {};
  const path = poolPath(index, 'resources');
  if (cpus === undefined || memory === undefined) {
    issues.push(
      issue(
        'LOSSY_MAPPING',
        'warning',
        path,
        `pool "${pool.name}": TKGI sizes a node pool with cpu, memory and disk together; give both cpus and memory, or the pool keeps the plan's VM size`,
      ),
    );
    return {};
  }
  const cpu = Math.ceil(Number(cpus));
  const memoryMiB = Math.ceil(quantityToMebibytes(memory));
  if (cpu !== Number(cpus)) {
    issues.push(
      issue(
        'LOSSY_MAPPING',
        'warning',
        path,
        `pool "${pool.name}": TKGI counts whole CPUs; ${cpus} rounded up to ${String(cpu)}`,
      ),
    );
  }
  issues.push(
    issue(
      'DEFAULTED_VALUE',
      'info',
      path,
      `pool "${pool.name}": the spec has no disk size; exported ephemeral_disk_in_mb ${String(DEFAULT_EPHEMERAL_DISK_MIB)} (32 GiB)`,
    ),
  );
  return { cpu, memory_in_mb: memoryMiB, ephemeral_disk_in_mb: DEFAULT_EPHEMERAL_DISK_MIB };
}
