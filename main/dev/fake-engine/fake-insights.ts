// Deterministic stand-ins for what a running cluster reports (stats, pods, events, logs), so
// UI tests and screenshots have something realistic to draw. Nothing here touches a host.
import type { ClusterEvent, LogLine, NodeStats, PodSummary } from '../../ipc/engine-extras.js';
import type { ClusterSummary } from '../../engine/types.js';

/** A stable number in [0, 1) from a string (FNV-1a). */
export function hashUnit(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 0x100000000;
}

const GiB = 1024 ** 3;

/** CPU and memory that drift smoothly over time, different for every node. */
export function fakeNodeStats(cluster: ClusterSummary, at: number): NodeStats[] {
  return cluster.nodes
    .filter((node) => node.state === 'running')
    .map((node) => {
      const seed = hashUnit(node.name);
      const base = node.role === 'control-plane' ? 35 : node.role === 'load-balancer' ? 2 : 12;
      const wave = Math.sin(at / 7000 + seed * 6.28) * 0.5 + 0.5;
      return {
        node: node.name,
        cpuPercent: Math.round((base + wave * base * 0.8) * 10) / 10,
        memoryBytes: Math.round((node.role === 'control-plane' ? 0.9 : 0.35) * GiB * (0.85 + wave * 0.3)),
        memoryLimitBytes: 4 * GiB,
        at,
      };
    });
}

const APP_NAMESPACES = ['shop', 'payments', 'search'] as const;

/** `count` application pods (a few Deployments' replicas), spread over the workers. */
export function fakeAppPods(cluster: ClusterSummary, count: number): PodSummary[] {
  const workers = cluster.nodes.filter((node) => node.role === 'worker');
  const hosts = workers.length > 0 ? workers : cluster.nodes.filter((node) => node.role === 'control-plane');
  return Array.from({ length: count }, (_, index) => {
    const namespace = APP_NAMESPACES[index % APP_NAMESPACES.length] ?? 'default';
    const app = `app-${String(Math.floor(index / 6) + 1)}`;
    const suffix = Math.floor(hashUnit(`${cluster.name}/${String(index)}`) * 1679616)
      .toString(36)
      .padStart(4, '0');
    const restarts = index % 17 === 5 ? 2 : 0;
    return {
      namespace,
      name: `${app}-7d9f8c6b5-${suffix}`,
      node: hosts[index % Math.max(1, hosts.length)]?.name,
      phase: 'Running' as const,
      ready: restarts === 0,
      restarts,
    };
  });
}

/** The system pods a kubeadm cluster runs, placed on its nodes (plus `appPods` application pods). */
export function fakePods(cluster: ClusterSummary, appPods = 0): PodSummary[] {
  if (cluster.state !== 'running') return [];
  const controlPlanes = cluster.nodes.filter((node) => node.role === 'control-plane');
  const kubeNodes = cluster.nodes.filter((node) => node.role !== 'load-balancer');
  const pods: PodSummary[] = [];
  const add = (namespace: string, name: string, node: string | undefined) => {
    pods.push({ namespace, name, node, phase: 'Running', ready: true, restarts: 0 });
  };
  for (const node of controlPlanes) {
    for (const component of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'])
      add('kube-system', `${component}-${node.name}`, node.name);
  }
  for (const node of kubeNodes) {
    const suffix = Math.floor(hashUnit(node.name) * 46656)
      .toString(36)
      .padStart(3, '0');
    add('kube-system', `kube-proxy-${suffix}x`, node.name);
    add('kube-system', `kindnet-${suffix}k`, node.name);
  }
  const first = kubeNodes[kubeNodes.length > 1 ? 1 : 0]?.name;
  add('kube-system', 'coredns-66bc5c9577-4xk2p', first);
  add('kube-system', 'coredns-66bc5c9577-r8w6d', kubeNodes[0]?.name);
  add('local-path-storage', 'local-path-provisioner-7b8c8ddbd6-9s2lq', first);
  return [...pods, ...fakeAppPods(cluster, appPods)];
}

/** The events a fresh cluster shows, oldest first. */
export function fakeEvents(cluster: ClusterSummary): ClusterEvent[] {
  const start = Date.parse(cluster.createdAt ?? '2026-01-01T00:00:00Z');
  const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
  const events: ClusterEvent[] = [];
  cluster.nodes
    .filter((node) => node.role !== 'load-balancer')
    .forEach((node, index) => {
      events.push({
        at: at(20 + index * 6),
        type: 'Normal',
        reason: 'Starting',
        object: `Node/${node.name}`,
        message: 'Starting kubelet.',
      });
      events.push({
        at: at(24 + index * 6),
        type: 'Normal',
        reason: 'NodeReady',
        object: `Node/${node.name}`,
        message: `Node ${node.name} status is now: NodeReady`,
      });
    });
  events.push({
    at: at(40),
    type: 'Warning',
    reason: 'FailedScheduling',
    namespace: 'kube-system',
    object: 'Pod/coredns-66bc5c9577-4xk2p',
    message: '0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.',
    count: 2,
  });
  events.push({
    at: at(48),
    type: 'Normal',
    reason: 'Scheduled',
    namespace: 'kube-system',
    object: 'Pod/coredns-66bc5c9577-4xk2p',
    message: 'Successfully assigned kube-system/coredns-66bc5c9577-4xk2p',
  });
  return events;
}

const sampleMessages = [
  'GET /healthz 200 312µs',
  'reconciling endpoints for service kube-dns',
  'successfully acquired lease',
  'watch channel closed; restarting watch',
  'syncing 14 objects',
];

/** One batch of log lines from every matching pod, as a tail would show them. */
export function fakeLogLines(
  pods: PodSummary[],
  tick: number,
  matches: (name: string) => boolean = () => true,
  namespace?: string,
): LogLine[] {
  return pods
    .filter((pod) => (namespace === undefined || pod.namespace === namespace) && matches(pod.name))
    .map((pod) => ({
      namespace: pod.namespace,
      pod: pod.name,
      container: pod.name.split('-')[0] ?? pod.name,
      text: `${new Date(Date.UTC(2026, 0, 1, 12, 0, tick)).toISOString()} ${sampleMessages[(tick + Math.floor(hashUnit(pod.name) * 5)) % sampleMessages.length] ?? ''}`,
    }));
}
