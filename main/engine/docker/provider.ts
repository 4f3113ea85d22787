// The Docker provider: the Provider interface on dockerode. Every call goes through
// withDocker so an unreachable daemon surfaces as one EngineUnavailable.
import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import type { ClusterPlan, NetworkPlan, NodePlan } from '../plan/types.js';
import type {
  ExecOptions,
  ExecOutput,
  HostInfo,
  ImageFacts,
  NodeRecord,
  Provider,
  ProvisionOptions,
  SecurityMode,
  NodeStats,
} from '../provider.js';
import { existingContainerNames, listClusterContainers, removeContainers } from './containers.js';
import { newDocker } from './dockerode.js';
import { withDocker } from './errors.js';
import { execInContainer } from './exec.js';
import { dockerHostInfo } from './host-info.js';
import { imagePresent, nodeImageFacts, pullImage, saveImages } from './images.js';
import { copyOut, readContainerFile, writeContainerLogs } from './logs.js';
import { createNetwork, deleteNetworks, networkClusters, subnetsInUse } from './network.js';
import { probePrivileged } from './probe-privileged.js';
import { containerStats } from './stats.js';
import { provisionContainer } from './provision.js';

const PULL_TIMEOUT_MS = 10 * 60_000;
/**
 * systemd stops a node's units in a few seconds, except kube-apiserver, whose graceful
 * shutdown can hold its scope for systemd's full 90 s; after this Docker kills what is left.
 * etcd has stopped cleanly by then, and nothing else keeps state.
 */
const STOP_TIMEOUT_S = 10;

export class DockerProvider implements Provider {
  private readonly docker: Docker;
  private readonly socket: string;
  private security?: Promise<SecurityMode>;
  private host?: Promise<HostInfo>;
  private readonly facts = new Map<string, Promise<ImageFacts>>();

  /** Connects like the docker CLI: DOCKER_HOST when set, else the local socket. */
  constructor(docker: Docker = newDocker()) {
    this.docker = docker;
    const modem = docker.modem as { socketPath?: string; host?: string; port?: number };
    this.socket = modem.socketPath ?? `${modem.host ?? 'localhost'}:${String(modem.port ?? '')}`;
  }

  private call<T>(fn: (docker: Docker) => Promise<T>): Promise<T> {
    return withDocker(this.socket, () => fn(this.docker));
  }

  hostInfo(): Promise<HostInfo> {
    this.host ??= this.call(dockerHostInfo).catch((error: unknown) => {
      this.host = undefined;
      throw error;
    });
    return this.host;
  }

  probeSecurity(image: string): Promise<SecurityMode> {
    this.security ??= this.call((d) => probePrivileged(d, image)).then(
      (result) => result.mode,
      (error: unknown) => {
        this.security = undefined;
        throw error;
      },
    );
    return this.security;
  }

  subnetsInUse(): Promise<string[]> {
    return this.call(subnetsInUse);
  }

  createNetwork(cluster: string, network: NetworkPlan): Promise<void> {
    return this.call((d) => createNetwork(d, cluster, network));
  }

  async provisionNode(plan: ClusterPlan, node: NodePlan, options: ProvisionOptions): Promise<void> {
    const host = await this.hostInfo();
    await this.call((d) => provisionContainer(d, { plan, node, options, libModules: host.libModules }));
  }

  listNodes(cluster?: string): Promise<NodeRecord[]> {
    return this.call((d) => listClusterContainers(d, cluster));
  }

  listNetworkClusters(): Promise<string[]> {
    return this.call(networkClusters);
  }

  existingContainers(names: readonly string[]): Promise<string[]> {
    return this.call((d) => existingContainerNames(d, names));
  }

  deleteNodes(names: readonly string[]): Promise<void> {
    return this.call((d) => removeContainers(d, names));
  }

  deleteNetwork(cluster: string): Promise<void> {
    return this.call((d) => deleteNetworks(d, cluster));
  }

  startNode(name: string): Promise<void> {
    return this.call(async (d) => {
      const container = d.getContainer(name);
      if ((await container.inspect()).State.Running) return;
      await container.start();
    });
  }

  stopNode(name: string): Promise<void> {
    return this.call(async (d) => {
      const container = d.getContainer(name);
      if (!(await container.inspect()).State.Running) return;
      await container.stop({ t: STOP_TIMEOUT_S });
    });
  }

  exec(node: string, command: readonly string[], options: ExecOptions = {}): Promise<ExecOutput> {
    // Exec processes inherit the container's privileges; asking for more fails in fallback mode.
    return this.call((d) => execInContainer(d.getContainer(node), command, { ...options, privileged: false }));
  }

  imagePresent(ref: string): Promise<boolean> {
    return this.call((d) => imagePresent(d, ref));
  }

  pullImage(ref: string, signal?: AbortSignal): Promise<boolean> {
    return this.call((d) => pullImage(d, ref, PULL_TIMEOUT_MS, signal));
  }

  imageFacts(ref: string): Promise<ImageFacts> {
    let facts = this.facts.get(ref);
    if (!facts) {
      facts = this.call((d) => nodeImageFacts(d, ref));
      facts.catch(() => this.facts.delete(ref));
      this.facts.set(ref, facts);
    }
    return facts;
  }

  saveImages(refs: readonly string[]): Promise<Readable> {
    return this.call((d) => saveImages(d, refs));
  }

  nodeStats(node: string): Promise<NodeStats> {
    return this.call((d) => containerStats(d, node));
  }

  collectContainerLogs(node: string, dir: string): Promise<string[]> {
    return this.call((d) => writeContainerLogs(d, node, dir));
  }

  readNodeFile(node: string, path: string): Promise<Buffer | undefined> {
    return this.call((d) => readContainerFile(d, node, path));
  }

  copyFromNode(node: string, path: string, dir: string): Promise<void> {
    return this.call((d) => copyOut(d, node, path, dir));
  }
}
