// Export to Cluster API: a topology Cluster (v1beta2 by default, v1beta1 on request) and the
// add-on objects that map (HelmChartProxy, ClusterResourceSet).
import type { ClusterSpec } from '../../spec/index.js';
import { addonIssues } from '../addons/issues.js';
import { issue } from '../issues.js';
import { exportedKubernetesVersion } from '../kubernetes-version.js';
import { localOnlyFieldIssues } from '../local-only-fields.js';
import { requireSiteInput } from '../site/require.js';
import type { ExportDocument, ExportIssue, ExportOptions, TargetExport } from '../types.js';
import { capiAddonObjects } from './addons.js';
import { buildTopologyCluster, capiPoolIssues, type CapiApiVersion } from './cluster.js';

const DEFAULT_NAMESPACE = 'default';
// The worker class of the upstream quick-start ClusterClasses (CAPD, CAPV).
const DEFAULT_WORKER_CLASS = 'default-worker';

/** Export a spec to Cluster API documents. */
export function exportToCapi(spec: ClusterSpec, options: ExportOptions): TargetExport {
  const issues: ExportIssue[] = [];
  const apiVersion: CapiApiVersion = options.apiVersion ?? 'v1beta2';
  const site = options.site?.capi;
  const clusterClass = requireSiteInput(
    options.site,
    'capi',
    'clusterClass',
    'Cluster API needs the name of a ClusterClass installed on the management cluster',
    issues,
  );
  const namespace =
    site?.namespace ??
    defaulted(issues, 'capi.namespace', DEFAULT_NAMESPACE, 'the namespace of the Cluster (and of its ClusterClass)');
  const workerClass =
    site?.workerClass ??
    defaulted(issues, 'capi.workerClass', DEFAULT_WORKER_CLASS, "the ClusterClass's MachineDeployment class");
  const version = exportedKubernetesVersion(spec, issues);
  const cluster = buildTopologyCluster({
    spec,
    apiVersion,
    namespace,
    clusterClass,
    classNamespace: site?.classNamespace,
    workerClass,
    version,
  });
  const addonObjects = capiAddonObjects({ spec, namespace, apiVersion, storageProvisioner: site?.storageProvisioner });

  issues.push(
    ...versionIssues(apiVersion),
    ...capiPoolIssues(spec, apiVersion),
    ...localOnlyFieldIssues(spec, 'Cluster API'),
  );
  issues.push(...addonIssues(spec, 'capi', { capiStorageProvisioner: site?.storageProvisioner }));
  const documents: ExportDocument[] = [
    {
      file: 'cluster.yaml',
      title: `Cluster API ${apiVersion} Cluster with a managed topology`,
      format: 'yaml',
      objects: [cluster],
    },
  ];
  if (addonObjects.length > 0) {
    documents.push({
      file: 'addons.yaml',
      title: 'add-ons: HelmChartProxy (Cluster API Add-on Provider for Helm) and ClusterResourceSet objects',
      format: 'yaml',
      objects: addonObjects,
    });
  }
  return { documents, issues };
}

function defaulted(issues: ExportIssue[], key: string, value: string, what: string): string {
  issues.push(issue('DEFAULTED_VALUE', 'info', key, `${key} is not set; using "${value}" as ${what}`));
  return value;
}

function versionIssues(apiVersion: CapiApiVersion): ExportIssue[] {
  const topologyGate = issue(
    'FEATURE_GATE_REQUIRED',
    'info',
    '',
    'topology Clusters need the ClusterTopology feature gate on the management cluster (clusterctl: CLUSTER_TOPOLOGY=true)',
  );
  if (apiVersion === 'v1beta2') return [topologyGate];
  return [
    issue(
      'DEPRECATED_TARGET',
      'warning',
      '',
      'cluster.x-k8s.io/v1beta1 is deprecated since Cluster API 1.11 and stops being served in 1.16 (April 2027); use it only for management clusters older than 1.11',
    ),
    topologyGate,
  ];
}
