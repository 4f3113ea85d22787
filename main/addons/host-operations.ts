// Performs the typed host operations a bundle declares (registry container, containerd
// registry mirror on every node) and undoes them on disable. These are the only ways an
// add-on reaches outside the cluster's API.
import { SpecInvalid } from '../errors.js';
import type { HostOperation } from './bundle-schema.js';
import type { AddonHost } from './host/types.js';

const CERTS_DIR = '/etc/containerd/certs.d';

/** Path of the containerd hosts.toml for a registry host (e.g. localhost:5001). */
export function hostsTomlPath(registryHost: string): string {
  if (!/^[a-z0-9.-]+(:\d+)?$/.test(registryHost)) {
    throw new SpecInvalid([
      { path: 'hostOperations.nodeRegistryMirror.registryHost', message: `"${registryHost}" is not a host[:port]` },
    ]);
  }
  return `${CERTS_DIR}/${registryHost}/hosts.toml`;
}

/** containerd's hosts.toml: pulls of the registry host go to the endpoint (pull and resolve only). */
export function hostsTomlContent(endpoint: string): string {
  return [`[host.${JSON.stringify(endpoint)}]`, '  capabilities = ["pull", "resolve"]', ''].join('\n');
}

export interface HostOperationInput {
  host: AddonHost;
  cluster: string;
  operations: readonly HostOperation[];
  /** Image key → rendered reference. */
  images: Readonly<Record<string, string>>;
}

/** Apply every host operation, in order; idempotent. */
export async function applyHostOperations(input: HostOperationInput): Promise<void> {
  const { host, cluster } = input;
  for (const operation of input.operations) {
    if ('registryContainer' in operation) {
      const spec = operation.registryContainer;
      const network = await host.nodes.clusterNetwork(cluster);
      await host.containers.ensureRegistryContainer({
        name: spec.name,
        image: input.images[spec.image] ?? spec.image,
        hostPort: Number(spec.hostPort),
        containerPort: spec.containerPort,
        volume: spec.volume,
        env: spec.env,
        network,
      });
    } else {
      await writeMirrorOnNodes(host, cluster, operation.nodeRegistryMirror);
    }
  }
}

/** Write the mirror file on every node of the cluster (also used for nodes added later). */
export async function writeMirrorOnNodes(
  host: AddonHost,
  cluster: string,
  mirror: { registryHost: string; endpoint: string },
): Promise<void> {
  const path = hostsTomlPath(mirror.registryHost);
  const nodes = await host.nodes.listNodes(cluster);
  await Promise.all(
    nodes.map((node) => host.nodes.writeFile(cluster, node.name, path, hostsTomlContent(mirror.endpoint))),
  );
}

/** Undo host operations in reverse order; data volumes go only when `removeData`. */
export async function undoHostOperations(
  input: Omit<HostOperationInput, 'images'> & { removeData: boolean },
): Promise<void> {
  const { host, cluster } = input;
  for (const operation of [...input.operations].reverse()) {
    if ('registryContainer' in operation) {
      const spec = operation.registryContainer;
      const network = await host.nodes.clusterNetwork(cluster);
      await host.containers.releaseRegistryContainer({
        name: spec.name,
        network,
        volume: spec.volume,
        removeVolume: input.removeData,
      });
    } else {
      const path = hostsTomlPath(operation.nodeRegistryMirror.registryHost);
      const nodes = await host.nodes.listNodes(cluster);
      await Promise.all(nodes.map((node) => host.nodes.removeFile(cluster, node.name, path)));
    }
  }
}
