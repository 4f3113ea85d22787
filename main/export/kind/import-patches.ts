// Reads the kubeadm patches kind users write per node: taints in nodeRegistration.taints and
// labels in kubeletExtraArgs node-labels. Anything else in a patch cannot be carried over.
import { parse } from 'yaml';
import type { KindNode } from './schema.js';

export interface PatchFindings {
  taints: { key: string; value?: string; effect: string }[];
  labels: Record<string, string>;
  /** Patches (by index) holding something other than taints and node labels. */
  unsupported: number[];
}

/** Taints and labels found in a node's kubeadmConfigPatches. */
export function readNodePatches(patches: readonly string[]): PatchFindings {
  const findings: PatchFindings = { taints: [], labels: {}, unsupported: [] };
  patches.forEach((text, index) => {
    if (!readPatch(text, findings)) findings.unsupported.push(index);
  });
  return findings;
}

/** A node's labels: its own plus those its kubeadm patches set through node-labels. */
export function effectiveLabels(node: KindNode): Record<string, string> {
  return { ...readNodePatches(node.kubeadmConfigPatches ?? []).labels, ...node.labels };
}

function readPatch(text: string, findings: PatchFindings): boolean {
  let patch: unknown;
  try {
    patch = parse(text);
  } catch {
    return false;
  }
  if (!isRecord(patch) || !['InitConfiguration', 'JoinConfiguration'].includes(String(patch.kind))) return false;
  const nodeRegistration = patch.nodeRegistration;
  const otherFields = Object.keys(patch).filter((key) => !['kind', 'apiVersion', 'nodeRegistration'].includes(key));
  if (otherFields.length > 0 || !isRecord(nodeRegistration)) return false;
  const { taints, kubeletExtraArgs, ...otherRegistration } = nodeRegistration;
  if (Object.keys(otherRegistration).length > 0) return false;
  if (taints !== undefined && !readTaints(taints, findings)) return false;
  return kubeletExtraArgs === undefined || readNodeLabels(kubeletExtraArgs, findings);
}

function readTaints(taints: unknown, findings: PatchFindings): boolean {
  if (!Array.isArray(taints)) return false;
  for (const taint of taints) {
    if (!isRecord(taint) || typeof taint.key !== 'string' || typeof taint.effect !== 'string') return false;
    findings.taints.push({
      key: taint.key,
      ...(typeof taint.value === 'string' && { value: taint.value }),
      effect: taint.effect,
    });
  }
  return true;
}

// kubeadm v1beta3 writes kubeletExtraArgs as a map, v1beta4 as a list of {name, value}.
function readNodeLabels(args: unknown, findings: PatchFindings): boolean {
  const entries = Array.isArray(args)
    ? args.map((arg: unknown) => (isRecord(arg) ? [String(arg.name), String(arg.value)] : ['', '']))
    : isRecord(args)
      ? Object.entries(args).map(([name, value]) => [name, String(value)])
      : undefined;
  if (entries === undefined || entries.some(([name]) => name !== 'node-labels')) return false;
  for (const [, value = ''] of entries) {
    for (const pair of value.split(',').filter((part) => part !== '')) {
      const [key = '', labelValue = ''] = pair.split('=');
      findings.labels[key] = labelValue;
    }
  }
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
