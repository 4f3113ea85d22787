// Export to vSphere Kubernetes Service: a Cluster on the class `vks.class` names (the
// tanzukubernetescluster class by default, or VKS 3.7's builtin-generic-v3.7.0), or with
// --legacy-tkc a TanzuKubernetesCluster v1alpha3.
import type { ClusterSpec } from '../../spec/index.js';
import { UsageError } from '../../errors.js';
import { addonIssues } from '../addons/issues.js';
import { issue } from '../issues.js';
import { localOnlyFieldIssues } from '../local-only-fields.js';
import type { ExportIssue, ExportOptions, TargetExport } from '../types.js';
import { vksClass } from './classes.js';
import { buildVksCluster } from './cluster.js';
import { readVksSite, vksCommonIssues } from './site.js';
import { buildTanzuKubernetesCluster } from './tkc.js';

/** Export a spec to VKS documents. */
export function exportToVks(spec: ClusterSpec, options: ExportOptions): TargetExport {
  if (options.legacyTkc === true && options.apiVersion !== undefined) {
    throw new UsageError(
      '--legacy-tkc and --api-version cannot be combined: a TanzuKubernetesCluster is run.tanzu.vmware.com/v1alpha3',
    );
  }
  const issues: ExportIssue[] = [];
  const site = readVksSite(spec, options, issues);
  vksCommonIssues(spec, issues);
  issues.push(...localOnlyFieldIssues(spec, 'VKS'));
  issues.push(...addonIssues(spec, 'vks', { vksStorageClass: options.site?.vks?.storageClass }));
  if (options.legacyTkc === true) {
    issues.push(
      issue(
        'DEPRECATED_TARGET',
        'warning',
        '',
        'TanzuKubernetesCluster (run.tanzu.vmware.com/v1alpha3) is deprecated since TKG Service 3.2; use the Cluster form (drop --legacy-tkc) unless the Supervisor is older',
      ),
    );
    const tkc = buildTanzuKubernetesCluster(spec, site);
    return {
      documents: [
        { file: 'cluster.yaml', title: 'VKS TanzuKubernetesCluster v1alpha3 (legacy)', format: 'yaml', objects: [tkc] },
      ],
      issues,
    };
  }
  const cls = vksClass(options.site?.vks?.class);
  const apiVersion = options.apiVersion ?? cls.defaultApiVersion;
  if (apiVersion === 'v1beta1' && cls.defaultApiVersion === 'v1beta1') {
    issues.push(
      issue(
        'DEPRECATED_TARGET',
        'info',
        '',
        'exported cluster.x-k8s.io/v1beta1, the version TKG Service 3.x documents for the tanzukubernetescluster class; on Supervisors with Cluster API ≥ 1.11 (VKS ≥ 3.6) pass --api-version v1beta2',
      ),
    );
  }
  if (apiVersion === 'v1beta1' && cls.defaultApiVersion === 'v1beta2') {
    issues.push(
      issue(
        'DEPRECATED_TARGET',
        'warning',
        '',
        `exported cluster.x-k8s.io/v1beta1 on ${cls.name}, which ${cls.platform} serves with v1beta2 and whose v1beta1 API is deprecated; drop --api-version v1beta1`,
      ),
    );
  }
  const cluster = buildVksCluster(spec, site, cls, apiVersion);
  return {
    documents: [
      {
        file: 'cluster.yaml',
        title: `VKS Cluster (cluster.x-k8s.io/${apiVersion}) on the ${cls.name} class`,
        format: 'yaml',
        objects: [cluster],
      },
    ],
    issues,
  };
}
