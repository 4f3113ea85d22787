// Labels Slipway puts on exported objects so add-on objects can select the cluster.
export const SLIPWAY_CLUSTER_LABEL = 'slipway.dev/cluster';

/** The label set identifying an exported cluster. */
export function clusterSelectorLabels(clusterName: string): Record<string, string> {
  return { [SLIPWAY_CLUSTER_LABEL]: clusterName };
}
