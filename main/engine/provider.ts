// The provider interface (like kind's): everything the engine needs from a container engine.
// Docker is the first implementation; unit tests use a fake that implements the same interface.
import type { Readable } from 'node:stream';
import { SlipwayError } from '../errors.js';
import type { ClusterPlan, NetworkPlan, NodePlan } from './plan/types.js';
import type { EngineInfo, NodeRole, NodeState } from './types.js';

/** The engine refused a network's subnet because another network overlaps it. */
export class SubnetOverlap extends SlipwayError {
  override readonly code = 'SUBNET_OVERLAP';
}

/** How node containers get their privileges (probed once per engine). */
export type SecurityMode = 'privileged' | 'fallback';

/** Host and engine facts (capability flags), without the privilege probe. */
export type HostInfo = Omit<EngineInfo, 'privileged'> & {
  /** True when /lib/modules exists on the host and can be bound read-only into nodes. */
  libModules: boolean;
  /** Where the engine keeps images and volumes (for the disk check), when known. */
  dataRoot?: string;
  /** Number of CPUs and bytes of memory the engine sees. */
  cpus: number;
  memoryBytes: number;
};

/** One container of a cluster, as its labels and state say. */
export interface NodeRecord {
  name: string;
  cluster: string;
  role: NodeRole;
  pool?: string;
  state: NodeState;
  ipv4?: string;
  controlPlaneIndex?: number;
  labels: Record<string, string>;
  /** Host ports the container publishes (from its creation config, so also when stopped). */
  ports: { hostIp: string; hostPort: number; containerPort: number; protocol: string }[];
  image: string;
}

export interface ExecOptions {
  stdin?: string | Uint8Array | NodeJS.ReadableStream;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  signal?: AbortSignal;
}

export interface ExecOutput {
  exitCode: number;
  stdout: Buffer;
  stderr: Buffer;
}

/** CPU and memory of one node container at one moment (the desktop app's node view). */
export interface NodeStats {
  node: string;
  /** Percent of one host CPU (100 = one full core). */
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes?: number;
  /** Milliseconds since the epoch. */
  at: number;
}

/** Facts about a node image, read without starting it. */
export interface ImageFacts {
  /** Contents of /kind/version, trimmed. */
  kubernetesVersion: string;
  id: string;
}

export interface ProvisionOptions {
  /** Image of this container (node image, or the load balancer image). */
  image: string;
  security: SecurityMode;
  /** Extra container labels (version, spec...). */
  labels: Record<string, string>;
  signal?: AbortSignal;
}

export interface Provider {
  hostInfo(): Promise<HostInfo>;
  /** Whether `--privileged` works, probed with a throw-away container of `image` (cached). */
  probeSecurity(image: string): Promise<SecurityMode>;
  /** Subnets already routed on the host or used by the engine's networks. */
  subnetsInUse(): Promise<string[]>;
  /** Create the cluster network; throws SubnetOverlap when the engine refuses the range. */
  createNetwork(cluster: string, network: NetworkPlan): Promise<void>;
  /** Create and start one node (or the load balancer) and wait until its init is up. */
  provisionNode(plan: ClusterPlan, node: NodePlan, options: ProvisionOptions): Promise<void>;
  /** Every container of every cluster (or of one), running or not. */
  listNodes(cluster?: string): Promise<NodeRecord[]>;
  /** Names of clusters that own a network (also when no container is left). */
  listNetworkClusters(): Promise<string[]>;
  /** Which of these container names exist at all, whoever made them. */
  existingContainers(names: readonly string[]): Promise<string[]>;
  /** Remove the containers with their anonymous volumes. */
  deleteNodes(names: readonly string[]): Promise<void>;
  deleteNetwork(cluster: string): Promise<void>;
  startNode(name: string): Promise<void>;
  stopNode(name: string): Promise<void>;
  exec(node: string, command: readonly string[], options?: ExecOptions): Promise<ExecOutput>;
  imagePresent(ref: string): Promise<boolean>;
  /** Try to pull; false when the registry cannot be reached in time. */
  pullImage(ref: string, signal?: AbortSignal): Promise<boolean>;
  imageFacts(ref: string): Promise<ImageFacts>;
  /** A `docker save` archive of host images. */
  saveImages(refs: readonly string[]): Promise<Readable>;
  /** CPU and memory of a running container. */
  nodeStats(node: string): Promise<NodeStats>;
  /** Write the container's own log and inspect output for a bug report; returns files written. */
  collectContainerLogs(node: string, dir: string): Promise<string[]>;
  /** One file of a node, also when it is stopped; undefined when missing. */
  readNodeFile(node: string, path: string): Promise<Buffer | undefined>;
  /** Copy a directory out of a node into dir (tar extraction on the host). */
  copyFromNode(node: string, path: string, dir: string): Promise<void>;
}
