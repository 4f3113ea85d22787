// A cluster as its containers describe it: state, nodes, version, endpoint (no other state).
import { Label } from '../labels.js';
import { contextName, networkName } from '../../lib/naming.js';
import type { NodeRecord } from '../provider.js';
import type { ClusterState, ClusterSummary, NodeSummary } from '../types.js';

const roleOrder = { 'control-plane': 0, 'load-balancer': 1, worker: 2 } as const;

function sortNodes(records: readonly NodeRecord[]): NodeRecord[] {
  return [...records].sort(
    (a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name, 'en', { numeric: true }),
  );
}

function clusterState(records: readonly NodeRecord[]): ClusterState {
  if (records.length === 0) return 'unknown';
  if (records.every((node) => node.state === 'running')) return 'running';
  if (records.every((node) => node.state === 'stopped')) return 'stopped';
  return 'degraded';
}

/** The node that publishes the API on the host: the load balancer, else the bootstrap control plane. */
export function apiPublisher(records: readonly NodeRecord[]): NodeRecord | undefined {
  return (
    records.find((node) => node.role === 'load-balancer') ??
    records.find((node) => node.role === 'control-plane' && (node.controlPlaneIndex ?? 0) === 0)
  );
}

/** https://HOST:PORT of the published API port, from the container's creation config. */
export function apiEndpoint(records: readonly NodeRecord[]): string | undefined {
  const binding = apiPublisher(records)?.ports.find((port) => port.containerPort === 6443);
  if (!binding) return undefined;
  const host = binding.hostIp === '' || binding.hostIp === '0.0.0.0' ? '127.0.0.1' : binding.hostIp;
  return `https://${host}:${String(binding.hostPort)}`;
}

function nodeSummary(record: NodeRecord): NodeSummary {
  return {
    name: record.name,
    role: record.role,
    ...(record.pool ? { pool: record.pool } : {}),
    state: record.state,
    ...(record.ipv4 ? { ipv4: record.ipv4 } : {}),
  };
}

/** Summarise one cluster's containers (all carrying the same cluster label). */
export function summarizeCluster(name: string, records: readonly NodeRecord[]): ClusterSummary {
  const sorted = sortNodes(records);
  const labels = sorted.find((node) => node.role === 'control-plane')?.labels ?? sorted[0]?.labels ?? {};
  return {
    name,
    state: clusterState(sorted),
    kubernetesVersion: labels[Label.kubernetesVersion],
    nodeImage: labels[Label.nodeImage],
    apiEndpoint: apiEndpoint(sorted),
    nodes: sorted.map(nodeSummary),
    createdAt: labels[Label.createdAt],
    network: networkName(name),
    kubeconfigContext: contextName(name),
  };
}

/** Group every cluster container by cluster name and summarise each, sorted by name. */
export function summarizeClusters(
  records: readonly NodeRecord[],
  networkOnly: readonly string[] = [],
): ClusterSummary[] {
  const byCluster = new Map<string, NodeRecord[]>();
  for (const record of records) byCluster.set(record.cluster, [...(byCluster.get(record.cluster) ?? []), record]);
  for (const name of networkOnly) if (!byCluster.has(name)) byCluster.set(name, []);
  return [...byCluster.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, nodes]) => summarizeCluster(name, nodes));
}
