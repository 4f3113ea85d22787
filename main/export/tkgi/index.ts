// Export to TKGI: `tkgi` commands, the REST body and, for several pools or custom nodes, a
// compute profile. What TKGI fixes per installation (version, CNI, ranges) is reported.
import type { ClusterSpec } from '../../spec/index.js';
import { addonIssues } from '../addons/issues.js';
import { issue } from '../issues.js';
import { localOnlyFieldIssues } from '../local-only-fields.js';
import { requireSiteInput } from '../site/require.js';
import type { ExportDocument, ExportIssue, ExportOptions, TargetExport } from '../types.js';
import { buildComputeProfile, computeProfileName, needsComputeProfile } from './compute-profile.js';
import { tkgiCommands, tkgiRestBody, totalWorkers, vsphereStorageClass, type TkgiSite } from './documents.js';
import { anyProvides } from '../../addons/bundle-facts.js';

const COMPUTE_PROFILE_FILE = 'compute-profile.json';
const STORAGE_CLASS_FILE = 'storageclass.yaml';

/** Export a spec to TKGI documents. */
export function exportToTkgi(spec: ClusterSpec, options: ExportOptions): TargetExport {
  const issues: ExportIssue[] = [];
  const site: TkgiSite = {
    plan: requireSiteInput(
      options.site,
      'tkgi',
      'plan',
      'TKGI needs the plan to create the cluster on (tkgi plans)',
      issues,
    ),
    externalHostname: requireSiteInput(
      options.site,
      'tkgi',
      'externalHostname',
      "TKGI needs the external host name of the cluster's API (a DNS name for its load balancer)",
      issues,
    ),
    storagePolicy: options.site?.tkgi?.storagePolicy,
  };
  const withProfile = needsComputeProfile(spec);
  const wantsStorage = anyProvides(spec.spec.addons, 'storage.csi');
  const profile = withProfile ? { name: computeProfileName(spec), file: COMPUTE_PROFILE_FILE } : undefined;
  const documents: ExportDocument[] = [
    {
      file: 'create-cluster.sh',
      title: 'tkgi commands that create the cluster',
      format: 'shell',
      commands: tkgiCommands(spec, site, profile, wantsStorage ? STORAGE_CLASS_FILE : undefined),
    },
    {
      file: 'create-cluster-request.json',
      title: 'REST body for POST https://TKGI-API:9021/v1/clusters',
      format: 'json',
      body: tkgiRestBody(spec, site),
    },
  ];
  if (withProfile)
    documents.push({
      file: COMPUTE_PROFILE_FILE,
      title: 'TKGI compute profile (vSphere): control plane and node pools',
      format: 'json',
      body: buildComputeProfile(spec, issues),
    });
  if (wantsStorage)
    documents.push({
      file: STORAGE_CLASS_FILE,
      title: 'default StorageClass for vSphere CSI, applied after the cluster exists',
      format: 'yaml',
      objects: [vsphereStorageClass(site.storagePolicy)],
    });
  issues.push(
    ...platformFixedIssues(spec, withProfile),
    ...localOnlyFieldIssues(spec, 'TKGI'),
    ...addonIssues(spec, 'tkgi'),
  );
  return { documents, issues };
}

function platformFixedIssues(spec: ClusterSpec, withProfile: boolean): ExportIssue[] {
  const { kubernetesVersion, networking, controlPlane } = spec.spec;
  const issues: ExportIssue[] = [
    kubernetesVersion === undefined
      ? issue(
          'VALUE_FIXED_BY_PLATFORM',
          'info',
          ['spec', 'kubernetesVersion'],
          'TKGI installs the Kubernetes version bundled with the TKGI release',
        )
      : issue(
          'VALUE_FIXED_BY_PLATFORM',
          'warning',
          ['spec', 'kubernetesVersion'],
          `TKGI installs the Kubernetes version bundled with the TKGI release, not ${kubernetesVersion}; check it with tkgi --version and the release notes`,
        ),
    issue(
      'VALUE_FIXED_BY_PLATFORM',
      'info',
      '',
      "the pod network is TKGI's tile-wide CNI (Antrea or NSX) instead of kindnet",
    ),
    issue(
      'VALUE_FIXED_BY_PLATFORM',
      'warning',
      ['spec', 'networking'],
      `pod range ${networking.podSubnet} and service range ${networking.serviceSubnet} are not applied: TKGI sets them tile-wide (or, with NSX, through a network profile's pod_ip_block_ids)`,
    ),
  ];
  if (!withProfile && controlPlane.replicas === 1) {
    issues.push(
      issue(
        'VALUE_FIXED_BY_PLATFORM',
        'info',
        ['spec', 'controlPlane', 'replicas'],
        'the plan decides the number of control-plane nodes',
      ),
    );
  }
  if (withProfile) {
    issues.push(
      issue(
        'LOSSY_MAPPING',
        'warning',
        ['spec', 'workers'],
        `the REST API documents no compute-profile field: create-cluster-request.json makes one pool of ${String(totalWorkers(spec))} workers on the plan; use the tkgi commands to keep pools and the control-plane count`,
      ),
    );
  }
  if (totalWorkers(spec) === 0) {
    issues.push(
      issue(
        'UNSUPPORTED_FIELD',
        'warning',
        ['spec', 'workers'],
        "TKGI clusters have at least one worker; the plan's worker count applies",
      ),
    );
  }
  return issues;
}
