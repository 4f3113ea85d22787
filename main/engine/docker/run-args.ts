// Container creation options for nodes and the load balancer, as pure functions of the plan,
// so that what we ask Docker for is unit-tested field by field.
import type { ContainerCreateOptions } from 'dockerode';
import { Label } from '../labels.js';
import type { ClusterPlan, NodePlan, PublishedPort } from '../plan/types.js';
import type { NodeHostConfig, SecurityFlags } from './security-flags.js';
import { quantityBytes } from '../../lib/quantity.js';

export interface NodeRunInputs {
  plan: ClusterPlan;
  node: NodePlan;
  image: string;
  security: SecurityFlags;
  /** Labels shared by every node (version, image, created-at, spec on control planes...). */
  labels: Record<string, string>;
}

/** Bytes of a Kubernetes-style quantity such as 512Mi or 2G (validated by the spec). */
export function memoryBytes(quantity: string): number {
  const bytes = quantityBytes(quantity);
  if (bytes === undefined) throw new Error(`not a memory quantity: ${quantity}`);
  return bytes;
}

type PortMap = Record<string, { HostIp: string; HostPort: string }[]>;

function portBindings(ports: readonly PublishedPort[]): { PortBindings: PortMap; exposed: Record<string, object> } {
  const bindings: PortMap = {};
  for (const port of ports) {
    const key = `${String(port.containerPort)}/${port.protocol}`;
    (bindings[key] ??= []).push({ HostIp: port.hostIp, HostPort: String(port.hostPort) });
  }
  return { PortBindings: bindings, exposed: Object.fromEntries(Object.keys(bindings).map((key) => [key, {}])) };
}

function nodeLabels(inputs: NodeRunInputs): Record<string, string> {
  const { plan, node } = inputs;
  return {
    ...inputs.labels,
    [Label.cluster]: plan.name,
    [Label.role]: node.role,
    [Label.ipv4]: node.ipv4,
    ...(node.pool ? { [Label.pool]: node.pool } : {}),
    ...(node.controlPlaneIndex !== undefined ? { [Label.controlPlaneIndex]: String(node.controlPlaneIndex) } : {}),
  };
}

/** Network attachment with the node's pinned address. */
function networking(plan: ClusterPlan, node: NodePlan): ContainerCreateOptions['NetworkingConfig'] {
  return { EndpointsConfig: { [plan.network.name]: { IPAMConfig: { IPv4Address: node.ipv4 } } } };
}

/** `unless-stopped`: a running cluster comes back after a daemon restart or reboot; a stopped one stays stopped. */
const restartPolicy = { Name: 'unless-stopped' } as const;

/** Options for a Kubernetes node (control plane or worker). */
export function nodeContainerOptions(inputs: NodeRunInputs): ContainerCreateOptions {
  const { plan, node, security } = inputs;
  const { PortBindings, exposed } = portBindings(node.ports);
  const env = [...security.env, ...(node.role === 'control-plane' ? ['KUBECONFIG=/etc/kubernetes/admin.conf'] : [])];
  const hostConfig: NodeHostConfig = {
    ...security.hostConfig,
    NetworkMode: plan.network.name,
    PortBindings,
    RestartPolicy: restartPolicy,
    Init: false,
    ...(node.resources.cpus ? { NanoCpus: Math.round(Number(node.resources.cpus) * 1e9) } : {}),
    ...(node.resources.memory ? { Memory: memoryBytes(node.resources.memory) } : {}),
  };
  return {
    name: node.name,
    Hostname: node.name,
    Image: inputs.image,
    Tty: true,
    Labels: nodeLabels(inputs),
    Env: env,
    ExposedPorts: exposed,
    // An anonymous volume: the image's /var (preloaded images) is copied up, and containerd's
    // overlayfs snapshots avoid nested overlay.
    Volumes: { '/var': {} },
    // systemd halts on SIGRTMIN+3; SIGTERM would make it re-exec.
    StopSignal: 'SIGRTMIN+3',
    HostConfig: hostConfig,
    NetworkingConfig: networking(plan, node),
  };
}

/** Options for the HA load balancer: unprivileged, publishing the API port. */
export function loadBalancerContainerOptions(inputs: Omit<NodeRunInputs, 'security'>): ContainerCreateOptions {
  const { plan, node } = inputs;
  const { PortBindings, exposed } = portBindings(node.ports);
  return {
    name: node.name,
    Hostname: node.name,
    Image: inputs.image,
    Labels: nodeLabels({ ...inputs, security: { hostConfig: {}, env: [] } }),
    ExposedPorts: exposed,
    HostConfig: { NetworkMode: plan.network.name, PortBindings, RestartPolicy: restartPolicy, Init: false },
    NetworkingConfig: networking(plan, node),
  };
}
