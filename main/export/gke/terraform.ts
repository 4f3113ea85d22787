// The same cluster as Terraform JSON (main.tf.json) for the hashicorp/google provider: a
// google_container_cluster without its default pool and one google_container_node_pool per pool.
import type { GkeNodePool, GkePlan } from './plan.js';

/** The Terraform JSON configuration. */
export function gkeTerraform(plan: GkePlan): Record<string, unknown> {
  const clusterKey = plan.name;
  const pools = Object.fromEntries(
    plan.pools.map((pool) => [`${plan.name}-${pool.name}`, nodePool(plan, pool, clusterKey)]),
  );
  return {
    terraform: { required_providers: { google: { source: 'hashicorp/google' } } },
    resource: {
      google_container_cluster: { [clusterKey]: cluster(plan) },
      ...(plan.pools.length > 0 && { google_container_node_pool: pools }),
    },
  };
}

function cluster(plan: GkePlan): Record<string, unknown> {
  return {
    name: plan.name,
    project: plan.project,
    location: plan.location,
    description: `exported by Slipway from cluster spec ${plan.name}`,
    // Pools are separate resources; the default pool is removed once the cluster exists.
    remove_default_node_pool: true,
    initial_node_count: 1,
    resource_labels: { 'slipway-cluster': plan.name },
    release_channel: { channel: plan.channel },
    ...(plan.minorVersion !== undefined && { min_master_version: plan.minorVersion }),
    ...(plan.network !== undefined && { network: plan.network }),
    ...(plan.subnetwork !== undefined && { subnetwork: plan.subnetwork }),
    networking_mode: 'VPC_NATIVE',
    ip_allocation_policy: { cluster_ipv4_cidr_block: plan.podSubnet, services_ipv4_cidr_block: plan.serviceSubnet },
    default_max_pods_per_node: plan.maxPodsPerNode,
    datapath_provider: 'ADVANCED_DATAPATH',
    ...(plan.gatewayApi && { gateway_api_config: { channel: 'CHANNEL_STANDARD' } }),
    ...addonsConfig(plan),
  };
}

function addonsConfig(plan: GkePlan): Record<string, unknown> {
  const config = {
    ...(plan.gatewayApi && { http_load_balancing: { disabled: false } }),
    ...(plan.persistentDiskCsi && { gce_persistent_disk_csi_driver_config: { enabled: true } }),
  };
  return Object.keys(config).length > 0 ? { addons_config: config } : {};
}

function nodePool(plan: GkePlan, pool: GkeNodePool, clusterKey: string): Record<string, unknown> {
  const nodeConfig = {
    ...(pool.machineType !== undefined && { machine_type: pool.machineType }),
    ...(Object.keys(pool.labels).length > 0 && { labels: pool.labels }),
    ...(pool.taints.length > 0 && {
      taint: pool.taints.map((taint) => ({ key: taint.key, value: taint.value ?? '', effect: taint.effect })),
    }),
  };
  return {
    name: pool.name,
    project: plan.project,
    location: plan.location,
    cluster: `\${google_container_cluster.${clusterKey}.name}`,
    node_count: pool.nodeCount,
    management: { auto_repair: true, auto_upgrade: true },
    ...(Object.keys(nodeConfig).length > 0 && { node_config: nodeConfig }),
  };
}
