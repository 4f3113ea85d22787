// The Kubernetes version an export asks for. A spec may leave it open (the engine then uses
// its default release); production targets need one, so the exporter fills in Slipway's
// default and says so.
import { KINDEST_NODE_IMAGE } from '../engine/node-image.js';
import type { ClusterSpec } from '../spec/index.js';
import { issue } from './issues.js';
import type { ExportIssue } from './types.js';

/** Slipway's default Kubernetes release: the version of the engine's default node image. */
export const DEFAULT_EXPORT_KUBERNETES_VERSION = /:(v\d+\.\d+\.\d+)/.exec(KINDEST_NODE_IMAGE)?.[1] ?? 'v1.36.1';

/** The spec's version, or the default plus a DEFAULTED_VALUE issue. */
export function exportedKubernetesVersion(spec: ClusterSpec, issues: ExportIssue[]): string {
  const version = spec.spec.kubernetesVersion;
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
