// Spec fields that only make sense on a developer's machine (host port mappings, the host
// address of the API, a node image override). Production targets drop them, visibly.
import type { ClusterSpec } from '../spec/index.js';
import { issue } from './issues.js';
import type { ExportIssue } from './types.js';

const LOCAL_API_ADDRESS = '127.0.0.1';

/** UNSUPPORTED_FIELD issues for local-only fields that carry a value. */
export function localOnlyFieldIssues(spec: ClusterSpec, platform: string): ExportIssue[] {
  const issues: ExportIssue[] = [];
  const { portMappings, networking, nodeImage } = spec.spec;
  if (portMappings.length > 0) {
    const ports = portMappings
      .map((mapping) => `${String(mapping.hostPort)}→${String(mapping.containerPort)}/${mapping.protocol}`)
      .join(', ');
    issues.push(
      issue(
        'UNSUPPORTED_FIELD',
        'warning',
        ['spec', 'portMappings'],
        `host port mappings (${ports}) exist only locally; on ${platform} expose workloads with a LoadBalancer Service or through the ingress controller`,
      ),
    );
  }
  if (networking.apiServerAddress !== LOCAL_API_ADDRESS || networking.apiServerPort !== 0) {
    issues.push(
      issue(
        'UNSUPPORTED_FIELD',
        'info',
        ['spec', 'networking'],
        `apiServerAddress and apiServerPort are local host settings; ${platform} assigns the API endpoint`,
      ),
    );
  }
  if (nodeImage !== undefined && nodeImage !== '') {
    issues.push(
      issue(
        'UNSUPPORTED_FIELD',
        'warning',
        ['spec', 'nodeImage'],
        `node image ${nodeImage} is a local container image; ${platform} chooses node images for the Kubernetes version`,
      ),
    );
  }
  return issues;
}
