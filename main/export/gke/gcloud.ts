// The same cluster as `gcloud container clusters create` plus one `node-pools create` per
// further pool. gcloud names the first pool default-pool (reported as LOSSY_MAPPING).
import type { ShellCommand } from '../types.js';
import { GCLOUD_FIRST_POOL, type GkeNodePool, type GkePlan } from './plan.js';

/** The gcloud commands, in order. */
export function gkeGcloudCommands(plan: GkePlan): ShellCommand[] {
  const [first, ...rest] = plan.pools;
  const where = [`--project=${plan.project}`, `--location=${plan.location}`];
  const create: ShellCommand = {
    argv: [
      'gcloud',
      'container',
      'clusters',
      'create',
      plan.name,
      ...where,
      ...clusterFlags(plan),
      ...(first ? poolFlags(first) : []),
    ],
    comment:
      first === undefined || first.name === GCLOUD_FIRST_POOL
        ? `create the cluster with its first pool, ${GCLOUD_FIRST_POOL}`
        : `create the cluster; its first pool "${first.name}" is named ${GCLOUD_FIRST_POOL} by gcloud`,
  };
  const pools = rest.map((pool): ShellCommand => ({
    argv: [
      'gcloud',
      'container',
      'node-pools',
      'create',
      pool.name,
      `--cluster=${plan.name}`,
      ...where,
      ...poolFlags(pool),
    ],
    comment: `add node pool "${pool.name}"`,
  }));
  return [create, ...pools];
}

function clusterFlags(plan: GkePlan): string[] {
  const addons = [
    ...(plan.gatewayApi ? ['HttpLoadBalancing'] : []),
    ...(plan.persistentDiskCsi ? ['GcePersistentDiskCsiDriver'] : []),
  ];
  return [
    `--release-channel=${plan.channel.toLowerCase()}`,
    ...(plan.minorVersion !== undefined ? [`--cluster-version=${plan.minorVersion}`] : []),
    ...(plan.network !== undefined ? [`--network=${plan.network}`] : []),
    ...(plan.subnetwork !== undefined ? [`--subnetwork=${plan.subnetwork}`] : []),
    '--enable-ip-alias',
    `--cluster-ipv4-cidr=${plan.podSubnet}`,
    `--services-ipv4-cidr=${plan.serviceSubnet}`,
    `--default-max-pods-per-node=${String(plan.maxPodsPerNode)}`,
    '--enable-dataplane-v2',
    ...(plan.gatewayApi ? ['--gateway-api=standard'] : []),
    ...(addons.length > 0 ? [`--addons=${addons.join(',')}`] : []),
    `--labels=slipway-cluster=${plan.name}`,
  ];
}

function poolFlags(pool: GkeNodePool): string[] {
  const labels = Object.entries(pool.labels).map(([key, value]) => `${key}=${value}`);
  const taints = pool.taints.map((taint) =>
    taint.value === undefined ? `${taint.key}:${taint.specEffect}` : `${taint.key}=${taint.value}:${taint.specEffect}`,
  );
  return [
    `--num-nodes=${String(pool.nodeCount)}`,
    ...(pool.machineType !== undefined ? [`--machine-type=${pool.machineType}`] : []),
    ...(labels.length > 0 ? [`--node-labels=${labels.join(',')}`] : []),
    ...(taints.length > 0 ? [`--node-taints=${taints.join(',')}`] : []),
    '--enable-autoupgrade',
    '--enable-autorepair',
  ];
}
