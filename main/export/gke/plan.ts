// One GKE plan computed from the spec and site inputs; the REST body, the gcloud commands and
// the Terraform JSON are three renderings of it, so they cannot disagree.
import type { ClusterSpec, Taint } from '../../spec/index.js';
import { issue, poolPath } from '../issues.js';
import { minorVersion } from '../kubernetes-version.js';
import { sizeForPool } from '../pool-size.js';
import { requireSiteInput } from '../site/require.js';
import type { ExportIssue, ExportOptions } from '../types.js';
import { anyProvides } from '../../addons/bundle-facts.js';

export type GkeTaintEffect = 'NO_SCHEDULE' | 'PREFER_NO_SCHEDULE' | 'NO_EXECUTE';
export type GkeReleaseChannel = 'RAPID' | 'REGULAR' | 'STABLE' | 'EXTENDED';

export interface GkeNodePool {
  name: string;
  /** Nodes per zone (GKE counts per zone in regional clusters). */
  nodeCount: number;
  machineType: string | undefined;
  labels: Record<string, string>;
  taints: { key: string; value: string | undefined; effect: GkeTaintEffect; specEffect: Taint['effect'] }[];
}

export interface GkePlan {
  name: string;
  project: string;
  location: string;
  regional: boolean;
  network: string | undefined;
  subnetwork: string | undefined;
  channel: GkeReleaseChannel;
  /** "1.34", or undefined for the channel's default. */
  minorVersion: string | undefined;
  podSubnet: string;
  serviceSubnet: string;
  /** Matches kubelet's default, as the local cluster runs. */
  maxPodsPerNode: number;
  pools: GkeNodePool[];
  gatewayApi: boolean;
  persistentDiskCsi: boolean;
}

const EFFECTS: Record<Taint['effect'], GkeTaintEffect> = {
  NoSchedule: 'NO_SCHEDULE',
  PreferNoSchedule: 'PREFER_NO_SCHEDULE',
  NoExecute: 'NO_EXECUTE',
};
// A regional cluster spreads each pool over the region's default zones, three in practice.
const ZONES_PER_REGION = 3;
const KUBELET_MAX_PODS = 110;

/** Whether a GKE location names a zone (europe-west1-b) rather than a region. */
export function isZone(location: string): boolean {
  return /-[a-z]$/.test(location);
}

/** Compute the plan; every approximation is pushed onto `issues`. */
export function planGkeCluster(spec: ClusterSpec, options: ExportOptions, issues: ExportIssue[]): GkePlan {
  const site = options.site?.gke;
  const project = requireSiteInput(options.site, 'gke', 'project', 'GKE needs the Google Cloud project ID', issues);
  const location = requireSiteInput(
    options.site,
    'gke',
    'location',
    'GKE needs a location: a region (europe-west1) for a replicated control plane, or a zone',
    issues,
  );
  const regional = site?.location !== undefined && !isZone(site.location);
  return {
    name: spec.metadata.name,
    project,
    location,
    regional,
    network: site?.network,
    subnetwork: site?.subnetwork,
    channel: site?.releaseChannel ?? 'REGULAR',
    minorVersion: spec.spec.kubernetesVersion === undefined ? undefined : minorVersion(spec.spec.kubernetesVersion),
    podSubnet: spec.spec.networking.podSubnet,
    serviceSubnet: spec.spec.networking.serviceSubnet,
    maxPodsPerNode: KUBELET_MAX_PODS,
    pools: spec.spec.workers.length === 0 ? [controlPlaneOnlyPool()] : workerPools(spec, site, regional, issues),
    gatewayApi: anyProvides(spec.spec.addons, 'gateway.controller'),
    persistentDiskCsi: anyProvides(spec.spec.addons, 'storage.csi'),
  };
}

/** The name gcloud gives the pool it creates with the cluster. */
export const GCLOUD_FIRST_POOL = 'default-pool';

/**
 * The pool a control-plane-only spec gets: GKE Standard runs workloads on node pools only, so
 * it needs at least one; the smallest is one node (per zone when regional).
 */
function controlPlaneOnlyPool(): GkeNodePool {
  return { name: GCLOUD_FIRST_POOL, nodeCount: 1, machineType: undefined, labels: {}, taints: [] };
}

function workerPools(
  spec: ClusterSpec,
  site: NonNullable<ExportOptions['site']>['gke'],
  regional: boolean,
  issues: ExportIssue[],
): GkeNodePool[] {
  return spec.spec.workers.map((pool, index) => {
    const sized = sizeForPool({
      pool,
      index,
      table: site?.machineTypes,
      tableKey: 'gke.machineTypes',
      sizeNoun: 'machine type',
      fallback: "GKE's default machine type",
    });
    issues.push(...sized.issues);
    const taints = pool.taints.map((taint) => ({
      key: taint.key,
      value: taint.value,
      effect: EFFECTS[taint.effect],
      specEffect: taint.effect,
    }));
    return {
      name: pool.name,
      nodeCount: regional ? Math.ceil(pool.replicas / ZONES_PER_REGION) : pool.replicas,
      machineType: sized.name,
      labels: pool.labels,
      taints,
    };
  });
}

/** Issues about what GKE decides or approximates, given the plan. */
export function gkePlanIssues(spec: ClusterSpec, plan: GkePlan, options: ExportOptions): ExportIssue[] {
  const issues: ExportIssue[] = [
    ...nameIssues(spec),
    ...controlPlaneIssues(spec, plan),
    ...versionIssues(spec, plan, options),
    ...rangeIssues(plan),
    ...poolNameIssues(spec, plan),
  ];
  if (plan.regional) {
    spec.spec.workers.forEach((pool, index) => {
      const planned = plan.pools[index]?.nodeCount ?? 0;
      const total = planned * ZONES_PER_REGION;
      const severity = total === pool.replicas ? 'info' : 'warning';
      issues.push(
        issue(
          'LOSSY_MAPPING',
          severity,
          poolPath(index, 'replicas'),
          `pool "${pool.name}": regional node counts are per zone; ${String(pool.replicas)} replica${pool.replicas === 1 ? '' : 's'} became ${String(planned)} per zone, ${String(total)} nodes over ${String(ZONES_PER_REGION)} zones`,
        ),
      );
    });
  }
  if (options.site?.gke?.network === undefined) {
    issues.push(
      issue(
        'DEFAULTED_VALUE',
        'info',
        'gke.network',
        "gke.network is not set; the cluster joins the project's default VPC network",
      ),
    );
  }
  issues.push(issue('VALUE_FIXED_BY_PLATFORM', 'info', '', 'the pod network is GKE Dataplane V2 instead of kindnet'));
  return issues;
}

/** The pool added for a control-plane-only spec, and the rename gcloud makes of the first pool. */
function poolNameIssues(spec: ClusterSpec, plan: GkePlan): ExportIssue[] {
  const first = spec.spec.workers[0];
  if (first === undefined) {
    const nodes = plan.regional ? `1 node per zone (${String(ZONES_PER_REGION)} nodes)` : '1 node';
    return [
      issue(
        'LOSSY_MAPPING',
        'warning',
        ['spec', 'workers'],
        `the spec has no worker pools (locally the control plane runs workloads), but a GKE Standard cluster needs at least one node pool and never schedules on its managed control plane: exported pool "${GCLOUD_FIRST_POOL}" with ${nodes}`,
      ),
    ];
  }
  if (first.name === GCLOUD_FIRST_POOL) return [];
  return [
    issue(
      'LOSSY_MAPPING',
      'warning',
      poolPath(0, 'name'),
      `gcloud names the pool it creates with the cluster "${GCLOUD_FIRST_POOL}", so pool "${first.name}" is called "${GCLOUD_FIRST_POOL}" in create-cluster.sh (the REST body and Terraform keep "${first.name}"); selectors on cloud.google.com/gke-nodepool must use the name of the rendering you apply`,
    ),
  ];
}

const gkeName = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

function nameIssues(spec: ClusterSpec): ExportIssue[] {
  const issues: ExportIssue[] = [];
  if (!gkeName.test(spec.metadata.name)) {
    issues.push(
      issue(
        'NAME_NOT_ACCEPTED',
        'error',
        ['metadata', 'name'],
        `GKE cluster names start with a letter; rename "${spec.metadata.name}"`,
      ),
    );
  }
  spec.spec.workers.forEach((pool, index) => {
    if (!gkeName.test(pool.name))
      issues.push(
        issue(
          'NAME_NOT_ACCEPTED',
          'error',
          poolPath(index, 'name'),
          `GKE node pool names start with a letter; rename "${pool.name}"`,
        ),
      );
  });
  return issues;
}

function controlPlaneIssues(spec: ClusterSpec, plan: GkePlan): ExportIssue[] {
  const replicas = spec.spec.controlPlane.replicas;
  const path = ['spec', 'controlPlane', 'replicas'];
  if (replicas > 1 && !plan.regional) {
    return [
      issue(
        'LOSSY_MAPPING',
        'warning',
        path,
        `a zonal GKE cluster has one control-plane replica, not ${String(replicas)}; set gke.location to a region (such as europe-west1) for a replicated control plane`,
      ),
    ];
  }
  const how = plan.regional ? 'replicated across the zones of the region' : 'a single replica in the zone';
  return [issue('VALUE_FIXED_BY_PLATFORM', 'info', path, `GKE manages the control plane: ${how}`)];
}

function versionIssues(spec: ClusterSpec, plan: GkePlan, options: ExportOptions): ExportIssue[] {
  const issues: ExportIssue[] = [];
  const version = spec.spec.kubernetesVersion;
  if (version === undefined) {
    issues.push(
      issue(
        'VALUE_FIXED_BY_PLATFORM',
        'info',
        ['spec', 'kubernetesVersion'],
        `kubernetesVersion is not set; GKE uses the ${plan.channel} channel's default version`,
      ),
    );
  } else {
    issues.push(
      issue(
        'LOSSY_MAPPING',
        'warning',
        ['spec', 'kubernetesVersion'],
        `GKE picks the channel's newest ${plan.minorVersion ?? ''} patch (1.MINOR.PATCH-gke.N); ${version} itself cannot be chosen`,
      ),
    );
  }
  if (options.site?.gke?.releaseChannel === undefined) {
    issues.push(
      issue(
        'DEFAULTED_VALUE',
        'info',
        'gke.releaseChannel',
        'gke.releaseChannel is not set; using REGULAR (a channel is always set: "No channel" is deprecated)',
      ),
    );
  }
  return issues;
}

function rangeIssues(plan: GkePlan): ExportIssue[] {
  const prefix = Number(plan.serviceSubnet.split('/')[1]);
  if (prefix < 20) {
    return [
      issue(
        'CIDR_REVIEW',
        'warning',
        ['spec', 'networking', 'serviceSubnet'],
        `service range ${plan.serviceSubnet} is carved from the VPC; a /20 (4096 Services) is usually enough. Check both ranges against the VPC's subnets`,
      ),
    ];
  }
  return [
    issue(
      'CIDR_REVIEW',
      'info',
      ['spec', 'networking'],
      `pod range ${plan.podSubnet} and service range ${plan.serviceSubnet} must not overlap the VPC's subnets`,
    ),
  ];
}
