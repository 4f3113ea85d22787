// Names of everything a cluster owns. Node names are container names, hostnames and Kubernetes
// node names at once, so they follow DNS-1123 and stay within a hostname's 63 characters.

export const MAX_HOSTNAME = 63;

/** Name of the first (bootstrap) control-plane node; later ones get -2, -3... */
export function controlPlaneName(cluster: string, index: number): string {
  return index === 0 ? `${cluster}-control-plane` : `${cluster}-control-plane-${String(index + 1)}`;
}

/** Name of the index-th (0-based) node of a worker pool: demo-workers-1, demo-workers-2... */
export function workerName(cluster: string, pool: string, index: number): string {
  return `${cluster}-${pool}-${String(index + 1)}`;
}

/** The HA load balancer in front of the control planes. */
export function loadBalancerName(cluster: string): string {
  return `${cluster}-external-load-balancer`;
}

/** The cluster's own container network. */
export function networkName(cluster: string): string {
  return `slipway-${cluster}`;
}

/** What every kubeconfig context (and cluster and user entry) Slipway merges starts with. */
export const CONTEXT_PREFIX = 'slipway-';

/** The context (and cluster and user entry) merged into the user's kubeconfig. */
export function contextName(cluster: string): string {
  return `${CONTEXT_PREFIX}${cluster}`;
}

/** Pool names that would make worker names collide with control-plane names. */
export const RESERVED_POOL_NAMES: readonly string[] = ['control-plane', 'external-load-balancer'];
