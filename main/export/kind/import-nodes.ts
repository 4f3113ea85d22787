// Turns kind's node list into Slipway's control-plane count, worker pools and port mappings.
// kind lists every node; Slipway groups identical workers into pools.
import { formatPath } from '../../spec/problem-path.js';
import { issue } from '../issues.js';
import type { ExportIssue } from '../types.js';
import { readNodePatches } from './import-patches.js';
import { KIND_POOL_LABEL } from './pool-label.js';
import type { KindNode } from './schema.js';

export interface PoolTaint {
  key: string;
  value?: string;
  effect: string;
}

export interface ImportedPool {
  name: string;
  replicas: number;
  labels?: Record<string, string>;
  taints?: PoolTaint[];
}

interface WorkerShape {
  pool: string | undefined;
  labels: Record<string, string>;
  taints: PoolTaint[];
  signature: string;
}

/** Labels and taints of one node, reporting what cannot be carried over. */
function readNode(node: KindNode, index: number, issues: ExportIssue[]): WorkerShape {
  const path = (field: string) => formatPath(['nodes', index, field]);
  const patches = readNodePatches(node.kubeadmConfigPatches ?? []);
  for (const patch of patches.unsupported) {
    issues.push(
      issue(
        'UNSUPPORTED_FIELD',
        'warning',
        formatPath(['nodes', index, 'kubeadmConfigPatches', patch]),
        'only taints and node-labels are read from kubeadm patches; the rest of this patch is dropped',
      ),
    );
  }
  if (node.extraMounts !== undefined && node.extraMounts.length > 0)
    issues.push(
      issue(
        'UNSUPPORTED_FIELD',
        'warning',
        path('extraMounts'),
        'host mounts are not part of a Slipway spec; they are dropped',
      ),
    );
  if (node.kubeadmConfigPatchesJSON6902 !== undefined)
    issues.push(
      issue(
        'UNSUPPORTED_FIELD',
        'warning',
        path('kubeadmConfigPatchesJSON6902'),
        'JSON 6902 kubeadm patches are dropped',
      ),
    );
  const { [KIND_POOL_LABEL]: pool, ...labels } = { ...patches.labels, ...node.labels };
  return {
    pool,
    labels,
    taints: patches.taints,
    signature: JSON.stringify([Object.entries(labels).sort(), patches.taints]),
  };
}

/** Workers grouped into pools: by Slipway's pool label, else runs of identical nodes. */
export function workerPools(nodes: readonly KindNode[], issues: ExportIssue[]): ImportedPool[] {
  const pools: (Required<ImportedPool> & { signature: string; labelled: boolean })[] = [];
  const taken = new Set(nodes.map((node) => node.labels?.[KIND_POOL_LABEL]).filter((name) => name !== undefined));
  nodes.forEach((node, index) => {
    if (node.role !== 'worker') return;
    const shape = readNode(node, index, issues);
    const last = pools.at(-1);
    const existing =
      shape.pool !== undefined
        ? pools.find((pool) => pool.labelled && pool.name === shape.pool)
        : last !== undefined && !last.labelled && last.signature === shape.signature
          ? last
          : undefined;
    if (existing) {
      if (existing.signature !== shape.signature)
        issues.push(
          issue(
            'LOSSY_MAPPING',
            'warning',
            formatPath(['nodes', index, 'labels']),
            `node differs from the other nodes of pool "${existing.name}"; the pool keeps the first node's labels and taints`,
          ),
        );
      existing.replicas += 1;
      return;
    }
    const name = shape.pool ?? freshPoolName(taken);
    taken.add(name);
    pools.push({
      name,
      replicas: 1,
      labels: shape.labels,
      taints: shape.taints,
      signature: shape.signature,
      labelled: shape.pool !== undefined,
    });
  });
  // Empty labels and taints are left out, as a person writing the spec would.
  return pools.map(({ name, replicas, labels, taints }) => ({
    name,
    replicas,
    ...(Object.keys(labels).length > 0 && { labels }),
    ...(taints.length > 0 && { taints }),
  }));
}

function freshPoolName(taken: Set<string>): string {
  if (!taken.has('workers')) return 'workers';
  let suffix = 2;
  while (taken.has(`workers-${String(suffix)}`)) suffix += 1;
  return `workers-${String(suffix)}`;
}
