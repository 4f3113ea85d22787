// The engine API: what the CLI, the desktop app and the tests call. One implementation per
// container provider sits behind it (Docker first); a fake serves unit and UI tests only.
import type { ClusterSpec } from '../spec/index.js';

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
  startCluster(name: string, options?: TaskOptions): Promise<ClusterSummary>;
  stopCluster(name: string, options?: TaskOptions): Promise<void>;
  deleteCluster(name: string, options?: TaskOptions): Promise<void>;
  /** The cluster's kubeconfig as YAML, pointing at the host-published API endpoint. */
  kubeconfig(name: string): Promise<string>;
  /** The spec the cluster was created from, if recorded. */
  recordedSpec(name: string): Promise<ClusterSpec | undefined>;
  loadImages(name: string, images: readonly string[], options?: TaskOptions): Promise<void>;
  collectLogs(name: string, outputDir: string, options?: TaskOptions): Promise<string[]>;
  doctor(): Promise<DoctorCheck[]>;
}
