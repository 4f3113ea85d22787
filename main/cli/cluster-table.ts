// Text views of clusters for `list` and `get`.
import type { ClusterSummary } from '../engine/types.js';
import { textTable } from './text-table.js';

function nodeCounts(cluster: ClusterSummary): string {
  const count = (role: string) => cluster.nodes.filter((node) => node.role === role).length;
  const workers = count('worker');
  return `${String(count('control-plane'))}+${String(workers)}`;
}

/** One row per cluster: name, state, nodes (control planes+workers), version, endpoint. */
export function formatClusterList(clusters: readonly ClusterSummary[]): string {
  if (clusters.length === 0) return 'no clusters (create one with `slipway create`)\n';
  const rows = clusters.map((c) => [c.name, c.state, nodeCounts(c), c.kubernetesVersion ?? '-', c.apiEndpoint ?? '-']);
  return textTable([['NAME', 'STATE', 'NODES', 'VERSION', 'API ENDPOINT'], ...rows]);
}

/** One cluster with its nodes. */
export function formatCluster(cluster: ClusterSummary): string {
  const head = [
    `name:        ${cluster.name}`,
    `state:       ${cluster.state}`,
    `version:     ${cluster.kubernetesVersion ?? '-'}`,
    `api:         ${cluster.apiEndpoint ?? '-'}`,
    `context:     ${cluster.kubeconfigContext ?? '-'}`,
    `network:     ${cluster.network ?? '-'}`,
    `node image:  ${cluster.nodeImage ?? '-'}`,
    `created:     ${cluster.createdAt ?? '-'}`,
    '',
  ].join('\n');
  const rows = cluster.nodes.map((n) => [n.name, n.role, n.pool ?? '-', n.state, n.ipv4 ?? '-']);
  return `${head}\n${textTable([['NODE', 'ROLE', 'POOL', 'STATE', 'ADDRESS'], ...rows])}`;
}
