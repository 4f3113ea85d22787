// Export to GKE: the REST CreateClusterRequest, the equivalent gcloud commands and Terraform
// JSON, all rendered from one plan.
import type { ClusterSpec } from '../../spec/index.js';
import { addonIssues } from '../addons/issues.js';
import { localOnlyFieldIssues } from '../local-only-fields.js';
import type { ExportIssue, ExportOptions, TargetExport } from '../types.js';
import { gkeGcloudCommands } from './gcloud.js';
import { gkePlanIssues, planGkeCluster } from './plan.js';
import { gkeCreateClusterRequest } from './rest.js';
import { gkeTerraform } from './terraform.js';

/** Export a spec to GKE documents. */
export function exportToGke(spec: ClusterSpec, options: ExportOptions): TargetExport {
  const issues: ExportIssue[] = [];
  const plan = planGkeCluster(spec, options, issues);
  issues.push(...gkePlanIssues(spec, plan, options), ...localOnlyFieldIssues(spec, 'GKE'), ...addonIssues(spec, 'gke'));
  return {
    documents: [
      {
        file: 'create-cluster-request.json',
        title: `REST body for POST https://container.googleapis.com/v1/projects/${plan.project}/locations/${plan.location}/clusters`,
        format: 'json',
        body: gkeCreateClusterRequest(plan),
      },
      {
        file: 'create-cluster.sh',
        title: 'the same cluster with gcloud',
        format: 'shell',
        commands: gkeGcloudCommands(plan),
      },
      {
        file: 'main.tf.json',
        title: 'the same cluster as Terraform JSON (hashicorp/google provider)',
        format: 'json',
        body: gkeTerraform(plan),
      },
    ],
    issues,
  };
}
