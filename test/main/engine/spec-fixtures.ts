// Specs for engine tests, built through the real schema so defaults match what the CLI passes.
import { clusterSpecSchema, type ClusterSpec, type ClusterSpecInput } from '../../../main/spec/index.js';

export function specOf(name: string, spec: ClusterSpecInput['spec'] = {}): ClusterSpec {
  return clusterSpecSchema.parse({ apiVersion: 'slipway.dev/v1alpha1', kind: 'Cluster', metadata: { name }, spec });
}

/** The item at index, or a test failure when there is none (instead of a non-null assertion). */
export function at<T>(list: readonly T[], index = 0): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item at ${String(index)}`);
  return item;
}
