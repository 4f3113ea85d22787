// Control-plane nodes of a kind config: only their count and image become part of a Slipway
// spec; labels (other than ingress-ready), taints and mounts are reported as dropped.
import { formatPath } from '../../spec/problem-path.js';
import { issue } from '../issues.js';
import type { ExportIssue } from '../types.js';
import { readNodePatches } from './import-patches.js';
import { INGRESS_READY_LABEL } from './pool-label.js';
import type { KindNode } from './schema.js';

/** Issues for what control-plane nodes say beyond their count and image. */
export function controlPlaneIssues(nodes: readonly KindNode[], issues: ExportIssue[]): void {
  nodes.forEach((node, index) => {
    if (node.role !== 'control-plane') return;
    const at = (...rest: (string | number)[]) => formatPath(['nodes', index, ...rest]);
    const patches = readNodePatches(node.kubeadmConfigPatches ?? []);
    const extraLabels = Object.keys({ ...patches.labels, ...node.labels }).filter((key) => key !== INGRESS_READY_LABEL);
    if (extraLabels.length > 0) {
      issues.push(
        issue(
          'UNSUPPORTED_FIELD',
          'warning',
          at('labels'),
          `control-plane labels ${extraLabels.join(', ')} are dropped: Slipway labels only worker pools`,
        ),
      );
    }
    if (patches.taints.length > 0) {
      issues.push(
        issue(
          'UNSUPPORTED_FIELD',
          'warning',
          at('kubeadmConfigPatches'),
          'control-plane taints are dropped: Slipway control planes keep the kubeadm defaults',
        ),
      );
    }
    for (const patch of patches.unsupported) {
      issues.push(
        issue(
          'UNSUPPORTED_FIELD',
          'warning',
          at('kubeadmConfigPatches', patch),
          'only taints and node-labels are read from kubeadm patches; the rest of this patch is dropped',
        ),
      );
    }
    if (node.extraMounts !== undefined && node.extraMounts.length > 0) {
      issues.push(
        issue(
          'UNSUPPORTED_FIELD',
          'warning',
          at('extraMounts'),
          'host mounts are not part of a Slipway spec; they are dropped',
        ),
      );
    }
  });
}
