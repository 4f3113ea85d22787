// What the add-on installer needs from the cluster engine and the host: typed operations only,
// so bundles (data) never run commands anywhere. The engine implements NodeAccess; the Docker
// side of the registry lives in docker-registry.ts.

/** A node of a cluster, as far as add-ons care. */
export interface AddonNode {
  name: string;
  role: 'control-plane' | 'worker';
}

/** Access to the nodes of a cluster (the engine provides it). */
export interface NodeAccess {
  listNodes(cluster: string): Promise<AddonNode[]>;
  /** Write a file inside a node, creating its folder. */
  writeFile(cluster: string, node: string, path: string, content: string): Promise<void>;
  removeFile(cluster: string, node: string, path: string): Promise<void>;
  fileExists(cluster: string, node: string, path: string): Promise<boolean>;
  /** The container network the cluster's nodes share. */
  clusterNetwork(cluster: string): Promise<string>;
  /** Copy host images into every node's containerd (like `slipway image load`). */
  loadImages(cluster: string, images: readonly string[]): Promise<void>;
  /** The image references in one node's containerd (Kubernetes namespace). */
  listImages(cluster: string, node: string): Promise<string[]>;
  /** Pull one image into a node's containerd; the error text when it cannot. */
  pullImage(cluster: string, node: string, image: string): Promise<{ ok: true } | { ok: false; error: string }>;
}

export interface RegistryContainerRequest {
  name: string;
  image: string;
  hostPort: number;
  containerPort: number;
  volume: string;
  env: Record<string, string>;
  /** Cluster network to join, so nodes reach the registry by name. */
  network: string;
}

/** Host-side operations on containers that are not nodes. */
export interface HostContainers {
  /** Create or start the registry container and join it to the network; idempotent. */
  ensureRegistryContainer(request: RegistryContainerRequest): Promise<void>;
  /** Leave the network; remove the container when no cluster uses it; the volume only if asked. */
  releaseRegistryContainer(request: {
    name: string;
    network: string;
    volume: string;
    removeVolume: boolean;
  }): Promise<void>;
  /** True when the registry volume holds images (or cannot be inspected, to be safe). */
  registryHoldsData(request: { name: string; volume: string }): Promise<boolean>;
}

/** Everything host-side an add-on operation may use. */
export interface AddonHost {
  nodes: NodeAccess;
  containers: HostContainers;
}
