// Turns a validated spec plus the host's choices (subnet, API port) into a ClusterPlan.
import type { ClusterSpec, PortMapping, WorkerPool } from '../../spec/index.js';
import { INGRESS_READY_LABEL, POOL_NODE_LABEL } from '../labels.js';
import { controlPlaneName, loadBalancerName, networkName, workerName } from '../../lib/naming.js';
import { Offset, addressAt, dynamicRange } from '../../lib/subnet.js';
import type { ClusterPlan, NodePlan, PublishedPort } from './types.js';

export const API_SERVER_PORT = 6443;

export interface PlanChoices {
  /** A free /24 (see chooseSubnet). */
  subnet: string;
  /** Host port of the API server, already resolved when the spec says 0. */
  apiServerPort: number;
}

/** Decide every node, address, label and port of the cluster. */
export function planCluster(spec: ClusterSpec, choices: PlanChoices): ClusterPlan {
  const name = spec.metadata.name;
  const { subnet } = choices;
  const ingressPool = spec.spec.workers.find(
    (pool) => pool.replicas > 0 && pool.labels[INGRESS_READY_LABEL] === 'true',
  );
  const ha = spec.spec.controlPlane.replicas > 1;
  const apiPort: PublishedPort = {
    hostIp: spec.spec.networking.apiServerAddress,
    hostPort: choices.apiServerPort,
    containerPort: API_SERVER_PORT,
    protocol: 'tcp',
  };
  const controlPlanes = Array.from({ length: spec.spec.controlPlane.replicas }, (_, index): NodePlan => {
    const ingress = index === 0 && !ingressPool;
    return {
      name: controlPlaneName(name, index),
      role: 'control-plane',
      ipv4: addressAt(subnet, Offset.firstControlPlane + index),
      controlPlaneIndex: index,
      nodeLabels: ingress ? { [INGRESS_READY_LABEL]: 'true' } : {},
      taints: [],
      resources: {},
      ports: [...(index === 0 && !ha ? [apiPort] : []), ...(ingress ? publish(spec.spec.portMappings) : [])],
    };
  });
  const workers = planWorkers(spec, subnet, ingressPool);
  const loadBalancer: NodePlan | undefined = ha
    ? {
        name: loadBalancerName(name),
        role: 'load-balancer',
        ipv4: addressAt(subnet, Offset.loadBalancer),
        nodeLabels: {},
        taints: [],
        resources: {},
        ports: [apiPort],
      }
    : undefined;
  const endpointHost = loadBalancer?.name ?? controlPlanes[0]?.name ?? '';
  return {
    name,
    spec,
    network: {
      name: networkName(name),
      subnet,
      gateway: addressAt(subnet, Offset.gateway),
      ipRange: dynamicRange(subnet),
    },
    controlPlanes,
    workers,
    loadBalancer,
    controlPlaneEndpoint: `${endpointHost}:${String(API_SERVER_PORT)}`,
    api: { hostAddress: spec.spec.networking.apiServerAddress, hostPort: choices.apiServerPort },
  };
}

function planWorkers(spec: ClusterSpec, subnet: string, ingressPool: WorkerPool | undefined): NodePlan[] {
  let next = Offset.firstWorker;
  return spec.spec.workers.flatMap((pool) =>
    Array.from({ length: pool.replicas }, (_, index): NodePlan => ({
      name: workerName(spec.metadata.name, pool.name, index),
      role: 'worker',
      pool: pool.name,
      ipv4: addressAt(subnet, next++),
      nodeLabels: { ...pool.labels, [POOL_NODE_LABEL]: pool.name },
      taints: pool.taints,
      resources: pool.resources,
      ports: pool === ingressPool && index === 0 ? publish(spec.spec.portMappings) : [],
    })),
  );
}

function publish(mappings: readonly PortMapping[]): PublishedPort[] {
  return mappings.map((m) => ({
    hostIp: m.listenAddress,
    hostPort: m.hostPort,
    containerPort: m.containerPort,
    protocol: m.protocol === 'UDP' ? 'udp' : 'tcp',
  }));
}

/** The address a host-side client uses for the API (0.0.0.0 listens everywhere; dial loopback). */
export function apiDialAddress(plan: Pick<ClusterPlan, 'api'>): string {
  return plan.api.hostAddress === '0.0.0.0' ? '127.0.0.1' : plan.api.hostAddress;
}
