// Builds the nodes and summary a fake cluster would have for a spec, following the real
// engine's naming (demo-control-plane, demo-workers-2, demo-external-load-balancer).
import { contextName, networkName } from '../../lib/naming.js';
import { DEFAULT_RELEASE } from '../../spec/releases.js';
import type { ClusterSpec } from '../../spec/index.js';
import type { ClusterState, ClusterSummary, NodeState, NodeSummary } from '../../engine/types.js';

export const FAKE_DEFAULT_VERSION = DEFAULT_RELEASE.patch;

export interface FakeCluster {
  spec: ClusterSpec;
  createdAt: string;
  apiPort: number;
  /** Stopped clusters keep their nodes, all in state stopped. */
  stopped: boolean;
}

/** The nodes of a cluster made from a spec. */
export function fakeNodes(spec: ClusterSpec, state: NodeState): NodeSummary[] {
  const name = spec.metadata.name;
  const nodes: NodeSummary[] = [];
  let host = 2;
  const address = () => `172.18.0.${String(host++)}`;
  if (spec.spec.controlPlane.replicas > 1) {
    nodes.push({ name: `${name}-external-load-balancer`, role: 'load-balancer', state, ipv4: address() });
  }
  for (let index = 0; index < spec.spec.controlPlane.replicas; index++) {
    const suffix = index === 0 ? '' : `-${String(index + 1)}`;
    nodes.push({ name: `${name}-control-plane${suffix}`, role: 'control-plane', state, ipv4: address() });
  }
  for (const pool of spec.spec.workers) {
    for (let index = 0; index < pool.replicas; index++) {
      nodes.push({
        name: `${name}-${pool.name}-${String(index + 1)}`,
        role: 'worker',
        pool: pool.name,
        state,
        ipv4: address(),
      });
    }
  }
  return nodes;
}

/** The engine's view of a fake cluster. */
export function fakeSummary(cluster: FakeCluster): ClusterSummary {
  const name = cluster.spec.metadata.name;
  const state: ClusterState = cluster.stopped ? 'stopped' : 'running';
  return {
    name,
    state,
    kubernetesVersion: cluster.spec.spec.kubernetesVersion ?? FAKE_DEFAULT_VERSION,
    nodeImage:
      cluster.spec.spec.nodeImage ||
      `localhost/slipway/node:${cluster.spec.spec.kubernetesVersion ?? FAKE_DEFAULT_VERSION}`,
    apiEndpoint: cluster.stopped ? undefined : `https://127.0.0.1:${String(cluster.apiPort)}`,
    nodes: fakeNodes(cluster.spec, cluster.stopped ? 'stopped' : 'running'),
    createdAt: cluster.createdAt,
    network: networkName(name),
    kubeconfigContext: contextName(name),
  };
}

/** A kubeconfig shaped like the real one (the credentials are placeholders). */
export function fakeKubeconfig(cluster: FakeCluster): string {
  const name = cluster.spec.metadata.name;
  const context = contextName(name);
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${context}`,
    '  cluster:',
    `    server: https://127.0.0.1:${String(cluster.apiPort)}`,
    '    certificate-authority-data: RkFLRQ==',
    'contexts:',
    `- name: ${context}`,
    '  context:',
    `    cluster: ${context}`,
    `    user: ${context}`,
    `current-context: ${context}`,
    'users:',
    `- name: ${context}`,
    '  user:',
    '    token: fake-token-for-ui-tests',
    '',
  ].join('\n');
}
