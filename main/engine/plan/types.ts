// A cluster plan: every node, address, port and label decided up front from the spec, so the
// pipeline steps only carry it out (kind's "plan, then execute").
import type { ClusterSpec, Taint } from '../../spec/index.js';
import type { NodeRole } from '../types.js';

export interface PublishedPort {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp';
}

export interface NodePlan {
  name: string;
  role: NodeRole;
  pool?: string;
  /** Static address on the cluster network; pinned so restarts never change it. */
  ipv4: string;
  /** Position among control planes; 0 is the bootstrap node. */
  controlPlaneIndex?: number;
  /** Kubernetes node labels set by the kubelet at registration. */
  nodeLabels: Record<string, string>;
  taints: Taint[];
  resources: { cpus?: string; memory?: string };
  ports: PublishedPort[];
}

export interface NetworkPlan {
  name: string;
  /** e.g. 172.18.3.0/24 */
  subnet: string;
  gateway: string;
  /** Docker allocates dynamic addresses (other containers) only from here, never ours. */
  ipRange: string;
}

export interface ClusterPlan {
  name: string;
  spec: ClusterSpec;
  network: NetworkPlan;
  controlPlanes: NodePlan[];
  workers: NodePlan[];
  loadBalancer?: NodePlan;
  /** host:port the nodes use to reach the API server (the CP or the LB container name). */
  controlPlaneEndpoint: string;
  /** Where the API server is published on the host. */
  api: { hostAddress: string; hostPort: number };
}

/** Every container of the plan, control planes first. */
export function allNodes(plan: ClusterPlan): NodePlan[] {
  return [...plan.controlPlanes, ...(plan.loadBalancer ? [plan.loadBalancer] : []), ...plan.workers];
}

/** Nodes that run Kubernetes (everything but the load balancer). */
export function kubernetesNodes(plan: ClusterPlan): NodePlan[] {
  return [...plan.controlPlanes, ...plan.workers];
}

export function bootstrapNode(plan: ClusterPlan): NodePlan {
  const first = plan.controlPlanes[0];
  if (!first) throw new Error('a cluster plan always has a control plane');
  return first;
}
