// The engine API: what the CLI, the desktop app and the tests call. One implementation per
// container provider sits behind it (Docker first); a fake serves unit and UI tests only.
import type { ReleaseStatus } from './release-status.js';
import type { AddonRef, ClusterSpec } from '../spec/index.js';

export type NodeRole = 'control-plane' | 'worker' | 'load-balancer';
export type NodeState = 'running' | 'stopped' | 'restarting' | 'missing';
export type ClusterState = 'running' | 'stopped' | 'degraded' | 'unknown';

export interface NodeSummary {
  /** Container name, also the Kubernetes node name (e.g. demo-control-plane, demo-workers-2). */
  name: string;
  role: NodeRole;
  /** Worker pool name; undefined for control planes and the load balancer. */
  pool?: string;
  state: NodeState;
  /** Address on the cluster's container network. */
  ipv4?: string;
}

export interface ClusterSummary {
  name: string;
  state: ClusterState;
  kubernetesVersion?: string;
  nodeImage?: string;
  /** https://127.0.0.1:PORT as published on the host, when known. */
  apiEndpoint?: string;
  nodes: NodeSummary[];
  createdAt?: string;
  /** The container network the nodes share (other containers, e.g. a registry, can join it). */
  network?: string;
  /** Name of the context merged into the user's kubeconfig (slipway-NAME). */
  kubeconfigContext?: string;
}

/** Progress of a long task (create, start, enable, export), as named steps with timings. */
export type ProgressEvent =
  | { kind: 'step-start'; step: string; title: string; at: number }
  | { kind: 'step-end'; step: string; ok: boolean; durationMs: number; error?: string }
  | { kind: 'log'; step?: string; message: string };

export type ProgressListener = (event: ProgressEvent) => void;

export interface TaskOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

export interface CreateOptions extends TaskOptions {
  /** Keep whatever was made when create fails, for debugging. */
  retain?: boolean;
  /** Node image override (`--image`); wins over spec.nodeImage. */
  image?: string;
  /** How long to wait for every node Ready and CoreDNS answering (`--wait`); 0 skips the wait. */
  waitTimeoutMs?: number;
}

/**
 * What the engine needs from the add-on layer for spec.addons. The add-on layer sits above
 * the engine (docs/architecture.md), so it hands these in when the engine is built instead of
 * the engine importing it.
 */
export interface SpecAddonHooks {
  /** Refuse spec.addons their bundles would refuse, before any container exists. */
  check(spec: ClusterSpec): Promise<void>;
  /** Install spec.addons on a cluster that is ready. */
  install(engine: Engine, cluster: string, addons: readonly AddonRef[], options: TaskOptions): Promise<void>;
}

export interface StartOptions extends TaskOptions {
  /** How long to wait for every node Ready and CoreDNS answering; 0 skips the wait. */
  waitTimeoutMs?: number;
}

/** What the container engine can do on this host, probed once per engine. */
export interface EngineInfo {
  provider: string;
  /** Server version of the container engine, e.g. 20.10.24. */
  version: string;
  /** True when `--privileged` works; false means the probed fallback flag set is used. */
  privileged: boolean;
  cgroupVersion: 1 | 2;
  rootless: boolean;
  supportsMemoryLimit: boolean;
  supportsCpuLimit: boolean;
}

/** A command to run inside one node of a cluster. */
export interface NodeExecRequest {
  /** Node (container) name; default: the first control-plane node. */
  node?: string;
  command: readonly string[];
  /** Bytes or a stream fed to the command's standard input. */
  stdin?: string | Uint8Array | NodeJS.ReadableStream;
  /** When given, output streams here instead of being collected in the result. */
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  signal?: AbortSignal;
}

export interface NodeExecResult {
  exitCode: number;
  /** Collected output (empty when a stream was given). */
  stdout: string;
  stderr: string;
}

export interface DoctorCheck {
  id: string;
  title: string;
  ok: boolean;
  /** What was found, e.g. "cgroup v1 (hybrid)". */
  detail: string;
  /** What to do when not ok. */
  fix?: string;
  /** Failing checks that block create are errors; the rest are warnings. */
  severity: 'error' | 'warning';
}

export interface Engine {
  createCluster(spec: ClusterSpec, options?: CreateOptions): Promise<ClusterSummary>;
  listClusters(): Promise<ClusterSummary[]>;
  getCluster(name: string): Promise<ClusterSummary>;
  startCluster(name: string, options?: StartOptions): Promise<ClusterSummary>;
  stopCluster(name: string, options?: TaskOptions): Promise<void>;
  deleteCluster(name: string, options?: TaskOptions): Promise<void>;
  /** The cluster's kubeconfig as YAML, pointing at the host-published API endpoint. */
  kubeconfig(name: string): Promise<string>;
  /** The spec the cluster was created from, if recorded. */
  recordedSpec(name: string): Promise<ClusterSpec | undefined>;
  loadImages(name: string, images: readonly string[], options?: TaskOptions): Promise<void>;
  collectLogs(name: string, outputDir: string, options?: TaskOptions): Promise<string[]>;
  doctor(): Promise<DoctorCheck[]>;
  /** The release catalog with the node images present on this host. */
  releases(): Promise<ReleaseStatus[]>;
  /** Provider and host capabilities (privileged or fallback, cgroup version...). */
  info(): Promise<EngineInfo>;
  /** Run a command in a node; never throws for a non-zero exit (see exitCode). */
  execInNode(name: string, request: NodeExecRequest): Promise<NodeExecResult>;
  /** Run the cluster's own kubectl in its first control-plane node; returns kubectl's exit code. */
  kubectl(name: string, args: readonly string[], streams: KubectlStreams): Promise<number>;
}

export interface KubectlStreams {
  stdin?: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  signal?: AbortSignal;
}
