// The VKS site inputs every VKS document needs, read once with their reasons.
import type { ClusterSpec } from '../../spec/index.js';
import { issue } from '../issues.js';
import { DEFAULT_EXPORT_KUBERNETES_VERSION } from '../kubernetes-version.js';
import { sizeForPool } from '../pool-size.js';
import { requireSiteInput } from '../site/require.js';
import type { ExportIssue, ExportOptions } from '../types.js';

export interface VksSite {
  namespace: string;
  vmClass: string;
  storageClass: string;
  release: string;
  /** VM class per pool index when the size table picked one other than the default. */
  poolVmClasses: (string | undefined)[];
}

/** Read the VKS site inputs and map pool sizes; missing keys become issues. */
export function readVksSite(spec: ClusterSpec, options: ExportOptions, issues: ExportIssue[]): VksSite {
  const site = options.site;
  const namespace = requireSiteInput(
    site,
    'vks',
    'namespace',
    'VKS needs the vSphere Namespace on the Supervisor that will hold the cluster',
    issues,
  );
  const vmClass = requireSiteInput(
    site,
    'vks',
    'vmClass',
    'VKS needs a default VM class for nodes (kubectl get virtualmachineclass)',
    issues,
  );
  const storageClass = requireSiteInput(
    site,
    'vks',
    'storageClass',
    'VKS needs a storage class for node disks (a vSphere storage policy bound to the namespace)',
    issues,
  );
  const release = releaseName(
    requireSiteInput(
      site,
      'vks',
      'release',
      `VKS needs the Kubernetes release name (kubectl get kr, or tkr: a READY, COMPATIBLE name such as ${releaseExample(spec)})`,
      issues,
    ),
    issues,
  );
  const poolVmClasses = spec.spec.workers.map((pool, index) => {
    const sized = sizeForPool({
      pool,
      index,
      table: site?.vks?.vmClasses,
      tableKey: 'vks.vmClasses',
      sizeNoun: 'VM class',
      fallback: `the default VM class ${vmClass}`,
    });
    issues.push(...sized.issues);
    return sized.name === vmClass ? undefined : sized.name;
  });
  checkReleaseMatches(spec, site?.vks?.release, issues);
  return { namespace, vmClass, storageClass, release, poolVmClasses };
}

/**
 * A release's NAME (v1.36.1---vmware.4-vkr.5), which manifests take, from either its NAME or its
 * VERSION (v1.36.1+vmware.4-vkr.5, as `kubectl get kr` prints it): a name cannot hold '+'.
 */
export function releaseName(release: string, issues: ExportIssue[]): string {
  if (!release.includes('+')) return release;
  const name = release.replace('+', '---');
  issues.push(
    issue(
      'LOSSY_MAPPING',
      'info',
      'vks.release',
      `vks.release ${release} is a release VERSION; wrote its NAME ${name}, the form manifests take`,
    ),
  );
  return name;
}

function releaseExample(spec: ClusterSpec): string {
  return `${spec.spec.kubernetesVersion ?? DEFAULT_EXPORT_KUBERNETES_VERSION}---vmware.1-vkr.1`;
}

// A release name encodes the upstream version before '---' (the '+' of semver build metadata).
function checkReleaseMatches(spec: ClusterSpec, release: string | undefined, issues: ExportIssue[]): void {
  const version = spec.spec.kubernetesVersion;
  if (release === undefined || version === undefined) return;
  const upstream = release.split(/---|\+/)[0];
  if (upstream !== version) {
    issues.push(
      issue(
        'LOSSY_MAPPING',
        'warning',
        ['spec', 'kubernetesVersion'],
        `the spec asks for Kubernetes ${version} but vks.release ${release} is ${upstream ?? 'another version'}; the cluster runs the release's version`,
      ),
    );
  }
}

/** Issues shared by both VKS document styles. */
export function vksCommonIssues(spec: ClusterSpec, issues: ExportIssue[]): void {
  const replicas = spec.spec.controlPlane.replicas;
  if (replicas !== 1 && replicas !== 3) {
    issues.push(
      issue(
        'ODD_CONTROL_PLANE',
        'error',
        ['spec', 'controlPlane', 'replicas'],
        `VKS accepts 1 or 3 control-plane nodes, not ${String(replicas)}; use 3 for high availability`,
      ),
    );
  }
  issues.push(
    issue(
      'VALUE_FIXED_BY_PLATFORM',
      'info',
      '',
      'the pod network is the class default CNI (Antrea) instead of kindnet',
    ),
  );
  issues.push(
    issue(
      'CIDR_REVIEW',
      'info',
      ['spec', 'networking', 'podSubnet'],
      `pod range ${spec.spec.networking.podSubnet} and service range ${spec.spec.networking.serviceSubnet} must not overlap the Supervisor's workload and ingress networks; check them with your vSphere administrator`,
    ),
  );
}
