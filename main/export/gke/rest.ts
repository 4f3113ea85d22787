// The REST body of `POST https://container.googleapis.com/v1/{parent}/clusters`: a
// CreateClusterRequest in proto3 JSON (lowerCamelCase, enum names, int64 as strings).
import type { GkeNodePool, GkePlan } from './plan.js';

/** The CreateClusterRequest JSON. */
export function gkeCreateClusterRequest(plan: GkePlan): Record<string, unknown> {
  return {
    parent: `projects/${plan.project}/locations/${plan.location}`,
    cluster: {
      name: plan.name,
      description: `exported by Slipway from cluster spec ${plan.name}`,
      resourceLabels: { 'slipway-cluster': plan.name },
      releaseChannel: { channel: plan.channel },
      ...(plan.minorVersion !== undefined && { initialClusterVersion: plan.minorVersion }),
      ...(plan.network !== undefined && { network: plan.network }),
      ...(plan.subnetwork !== undefined && { subnetwork: plan.subnetwork }),
      ipAllocationPolicy: {
        useIpAliases: true,
        clusterIpv4CidrBlock: plan.podSubnet,
        servicesIpv4CidrBlock: plan.serviceSubnet,
      },
      // int64 in proto3 JSON is a string.
      defaultMaxPodsConstraint: { maxPodsPerNode: String(plan.maxPodsPerNode) },
      networkConfig: {
        datapathProvider: 'ADVANCED_DATAPATH',
        ...(plan.gatewayApi && { gatewayApiConfig: { channel: 'CHANNEL_STANDARD' } }),
      },
      ...addonsConfig(plan),
      nodePools: plan.pools.map(nodePool),
    },
  };
}

function addonsConfig(plan: GkePlan): Record<string, unknown> {
  const config = {
    ...(plan.gatewayApi && { httpLoadBalancing: { disabled: false } }),
    ...(plan.persistentDiskCsi && { gcePersistentDiskCsiDriverConfig: { enabled: true } }),
  };
  return Object.keys(config).length > 0 ? { addonsConfig: config } : {};
}

function nodePool(pool: GkeNodePool): Record<string, unknown> {
  const config = {
    ...(pool.machineType !== undefined && { machineType: pool.machineType }),
    ...(Object.keys(pool.labels).length > 0 && { labels: pool.labels }),
    ...(pool.taints.length > 0 && {
      taints: pool.taints.map((taint) => ({
        key: taint.key,
        ...(taint.value !== undefined && { value: taint.value }),
        effect: taint.effect,
      })),
    }),
  };
  return {
    name: pool.name,
    initialNodeCount: pool.nodeCount,
    ...(Object.keys(config).length > 0 && { config }),
    management: { autoUpgrade: true, autoRepair: true },
  };
}
