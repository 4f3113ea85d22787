// The embedded default cluster: one control plane, one pool of two workers and the default
// add-ons. `slipway create` with no file creates this (the README's first command).
import { DEFAULT_ADDONS } from './known-addons.js';
import { clusterSpecSchema, API_VERSION, KIND, type ClusterSpec } from './schema.js';

export const DEFAULT_CLUSTER_NAME = 'slipway';

export function defaultClusterSpec(name: string = DEFAULT_CLUSTER_NAME): ClusterSpec {
  return clusterSpecSchema.parse({
    apiVersion: API_VERSION,
    kind: KIND,
    metadata: { name },
    spec: { addons: DEFAULT_ADDONS.map((addon) => ({ name: addon })) },
  });
}
