// Container and network labels: the only record of a cluster (no external state). Listing,
// stop/start and delete all find a cluster's parts through these labels.

const prefix = 'dev.slipway';

export const Label = {
  /** Cluster name, on every container and network the cluster owns. */
  cluster: `${prefix}.cluster`,
  /** control-plane | worker | load-balancer */
  role: `${prefix}.role`,
  /** Worker pool name (workers only). */
  pool: `${prefix}.pool`,
  /** Static address on the cluster network, pinned so restarts keep it. */
  ipv4: `${prefix}.ipv4`,
  /** Position among control planes; "0" is the bootstrap node. */
  controlPlaneIndex: `${prefix}.control-plane-index`,
  /** Kubernetes version read from the node image's /kind/version. */
  kubernetesVersion: `${prefix}.kubernetes-version`,
  nodeImage: `${prefix}.node-image`,
  createdAt: `${prefix}.created-at`,
  /** The creation spec as JSON (control-plane nodes only), for `recordedSpec`. */
  spec: `${prefix}.spec`,
  /** True when the node runs with the non-privileged fallback flag set. */
  nonPrivileged: `${prefix}.non-privileged`,
  /** Throw-away containers (privilege probe, image file reads); never part of a cluster. */
  probe: `${prefix}.probe`,
} as const;

/** Kubernetes node label carrying the worker pool name. */
export const POOL_NODE_LABEL = 'slipway.dev/pool';
/** Node label that selects where port mappings are published (docs/architecture.md#contracts). */
export const INGRESS_READY_LABEL = 'ingress-ready';
