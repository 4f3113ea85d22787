// kubeadm configuration for each node, built as objects and serialised with `yaml`. The shape
// follows what kind's node image contract expects (docs/architecture.md#host-facts).
import { stringify } from 'yaml';
import { apiDialAddress, API_SERVER_PORT } from '../plan/plan-cluster.js';
import type { ClusterPlan, NodePlan } from '../plan/types.js';
import { atLeastMinor, type KubeVersion } from './version.js';

export interface KubeadmInputs {
  plan: ClusterPlan;
  node: NodePlan;
  version: KubeVersion;
  /** Bootstrap token shared by init and join. */
  token: string;
  cgroupVersion: 1 | 2;
}

type Args = Record<string, string>;
type Doc = Record<string, unknown>;

const CRI_SOCKET = 'unix:///run/containerd/containerd.sock';

/**
 * kubeadm.k8s.io/v1beta4 for every supported release: kubeadm 1.37 removed v1beta3, and
 * v1beta4 (from 1.31) is what the oldest supported release already reads.
 */
export const KUBEADM_API_VERSION = 'kubeadm.k8s.io/v1beta4';

/** v1beta4's list-shaped extraArgs. */
function extraArgs(args: Args): unknown {
  return Object.entries(args).map(([name, value]) => ({ name, value }));
}

/** Subject alternative names so the host-side kubeconfig (loopback or a LAN address) verifies. */
export function certSans(plan: ClusterPlan): string[] {
  const sans = ['localhost', '127.0.0.1', apiDialAddress(plan)];
  if (plan.api.hostAddress !== '0.0.0.0') sans.push(plan.api.hostAddress);
  if (plan.loadBalancer) sans.push(plan.loadBalancer.ipv4);
  return [...new Set(sans)];
}

/**
 * With one control plane there is nobody to elect. Leader election then only costs time: a
 * restarted kube-controller-manager or scheduler waits out the lease its killed predecessor
 * never released (15 s), and until then no EndpointSlice follows CoreDNS's new pod IPs.
 */
function leaderElectionArgs(plan: ClusterPlan): Args {
  return plan.controlPlanes.length === 1 ? { 'leader-elect': 'false' } : {};
}

function clusterConfiguration(inputs: KubeadmInputs): Doc {
  const { plan, version } = inputs;
  const leaderElection = leaderElectionArgs(plan);
  return {
    apiVersion: KUBEADM_API_VERSION,
    kind: 'ClusterConfiguration',
    clusterName: plan.name,
    kubernetesVersion: version.raw,
    controlPlaneEndpoint: plan.controlPlaneEndpoint,
    apiServer: { certSANs: certSans(plan) },
    // The hostpath provisioner backs the fallback StorageClass when an image has no storage manifest.
    controllerManager: {
      extraArgs: extraArgs({ 'enable-hostpath-provisioner': 'true', ...leaderElection }),
    },
    ...(Object.keys(leaderElection).length > 0 ? { scheduler: { extraArgs: extraArgs(leaderElection) } } : {}),
    networking: {
      podSubnet: plan.spec.spec.networking.podSubnet,
      serviceSubnet: plan.spec.spec.networking.serviceSubnet,
    },
  };
}

function nodeRegistration(inputs: KubeadmInputs, taints: readonly unknown[] | undefined): Doc {
  const { plan, node } = inputs;
  const labels = Object.entries(node.nodeLabels).map(([key, value]) => `${key}=${value}`);
  const args: Args = { 'node-ip': node.ipv4, 'provider-id': `slipway://docker/${plan.name}/${node.name}` };
  if (labels.length > 0) args['node-labels'] = labels.join(',');
  return {
    name: node.name,
    criSocket: CRI_SOCKET,
    kubeletExtraArgs: extraArgs(args),
    // undefined keeps kubeadm's default control-plane taint; [] means none.
    ...(taints === undefined ? {} : { taints }),
  };
}

function hasWorkers(plan: ClusterPlan): boolean {
  return plan.workers.length > 0;
}

function initConfiguration(inputs: KubeadmInputs): Doc {
  return {
    apiVersion: KUBEADM_API_VERSION,
    kind: 'InitConfiguration',
    bootstrapTokens: [{ token: inputs.token }],
    localAPIEndpoint: { advertiseAddress: inputs.node.ipv4, bindPort: API_SERVER_PORT },
    // Without workers the control plane must take workloads: register it untainted.
    nodeRegistration: nodeRegistration(inputs, hasWorkers(inputs.plan) ? undefined : []),
    skipPhases: ['preflight'],
  };
}

/** From 1.35 the kubelet refuses cgroup v1 unless told otherwise (KEP-5573). */
export function needsCgroupV1Opt(version: KubeVersion, cgroupVersion: 1 | 2): boolean {
  return cgroupVersion === 1 && atLeastMinor(version, 35);
}

/** Kubelet settings for nodes in containers: systemd cgroups under /kubelet, no disk management. */
export function kubeletConfiguration(version: KubeVersion, cgroupVersion: 1 | 2): Doc {
  return {
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    cgroupDriver: 'systemd',
    cgroupRoot: '/kubelet',
    failSwapOn: false,
    // The kubelet sees the host's disk; garbage collection and eviction would act on it.
    imageGCHighThresholdPercent: 100,
    evictionHard: { 'nodefs.available': '0%', 'nodefs.inodesFree': '0%', 'imagefs.available': '0%' },
    ...(needsCgroupV1Opt(version, cgroupVersion) ? { failCgroupV1: false } : {}),
  };
}

function kubeProxyConfiguration(): Doc {
  return {
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    mode: 'iptables',
    iptables: { minSyncPeriod: '1s' },
    // maxPerCore 0 leaves the host-global nf_conntrack_max alone.
    conntrack: { maxPerCore: 0 },
  };
}

/** Documents for `kubeadm init` on the bootstrap control plane. */
export function kubeadmInitConfig(inputs: KubeadmInputs): Doc[] {
  return [
    clusterConfiguration(inputs),
    initConfiguration(inputs),
    kubeletConfiguration(inputs.version, inputs.cgroupVersion),
    kubeProxyConfiguration(),
  ];
}

/** Documents for `kubeadm join` of a worker or an extra control plane. */
export function kubeadmJoinConfig(inputs: KubeadmInputs & { caCertHash: string }): Doc[] {
  const { node, plan } = inputs;
  const controlPlane = node.role === 'control-plane';
  const taints = controlPlane ? (hasWorkers(plan) ? undefined : []) : node.taints;
  return [
    {
      apiVersion: KUBEADM_API_VERSION,
      kind: 'JoinConfiguration',
      ...(controlPlane
        ? { controlPlane: { localAPIEndpoint: { advertiseAddress: node.ipv4, bindPort: API_SERVER_PORT } } }
        : {}),
      nodeRegistration: nodeRegistration(inputs, taints),
      discovery: {
        bootstrapToken: {
          apiServerEndpoint: plan.controlPlaneEndpoint,
          token: inputs.token,
          caCertHashes: [inputs.caCertHash],
        },
      },
      skipPhases: ['preflight'],
    },
  ];
}

/** A multi-document YAML file. */
export function serializeDocuments(docs: readonly Doc[]): string {
  return docs.map((doc) => stringify(doc)).join('---\n');
}
