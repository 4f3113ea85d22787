// Puts validation problems next to the wizard's fields: a problem whose path a field shows
// goes to that field; the YAML panel lists every problem with its line.
import type { Problem } from '../../../main/errors.js';

/** The form's field keys for problem paths (pool fields by index). */
export function fieldKeyFor(path: string): string | undefined {
  const pool = /^spec\.workers\[(\d+)\]\.(name|replicas)/.exec(path);
  if (pool) return `pool-${pool[1] ?? ''}-${pool[2] ?? ''}`;
  if (/^spec\.workers(\[\d+\])?$/.test(path)) return 'pools';
  if (path.startsWith('spec.addons')) return 'addons';
  const known: Record<string, string> = {
    'metadata.name': 'name',
    metadata: 'name',
    'spec.kubernetesVersion': 'version',
    'spec.nodeImage': 'image',
    'spec.controlPlane.replicas': 'control-plane',
    'spec.networking.podSubnet': 'pod-subnet',
    'spec.networking.serviceSubnet': 'service-subnet',
  };
  return known[path];
}

/** The first problem for each field key. */
export function problemsByField(problems: readonly Problem[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const problem of problems) {
    const key = fieldKeyFor(problem.path);
    if (key !== undefined) byField[key] ??= problem.message;
  }
  return byField;
}
