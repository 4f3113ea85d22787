// The Kubernetes version an export asks for. A spec may leave it open (the engine then uses
// its default release) or name only a minor; production targets need a patch, so the exporter
// fills in the release catalog's patch and says so.
import type { ClusterSpec } from '../spec/index.js';
import { DEFAULT_RELEASE, lookUpRelease } from '../spec/releases.js';
import { issue } from './issues.js';
import type { ExportIssue } from './types.js';

/** Slipway's default Kubernetes release: the newest patch of the newest supported minor. */
export const DEFAULT_EXPORT_KUBERNETES_VERSION = DEFAULT_RELEASE.patch;

/** The spec's patch; for a minor or nothing, the catalog's patch plus a DEFAULTED_VALUE issue. */
export function exportedKubernetesVersion(spec: ClusterSpec, issues: ExportIssue[]): string {
  const version = spec.spec.kubernetesVersion;
  const found = lookUpRelease(version);
  if (version !== undefined && found.ok && found.request.patch === undefined) {
    const patch = found.request.release.patch;
    issues.push(
      issue(
        'DEFAULTED_VALUE',
        'info',
        ['spec', 'kubernetesVersion'],
        `kubernetesVersion ${version} names a minor; exported ${patch}, the patch Slipway's release catalog has for it. Set a patch in the spec to pin another`,
      ),
    );
    return patch;
  }
  if (version !== undefined) return version;
  issues.push(
    issue(
      'DEFAULTED_VALUE',
      'info',
      ['spec', 'kubernetesVersion'],
      `kubernetesVersion is not set; exported ${DEFAULT_EXPORT_KUBERNETES_VERSION}, Slipway's default release. Set it in the spec to pin the version`,
    ),
  );
  return DEFAULT_EXPORT_KUBERNETES_VERSION;
}

/** "1.34" from "v1.34.1". */
export function minorVersion(version: string): string {
  const [major = '1', minor = '0'] = version.replace(/^v/, '').split('.');
  return `${major}.${minor}`;
}
