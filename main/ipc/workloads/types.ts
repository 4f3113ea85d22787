// Workloads as the desktop app shows them: one row shape for every kind (namespaces, pods,
// Deployments, StatefulSets, DaemonSets, Services, Ingresses, HTTPRoutes), kept live by
// watches in main and pushed to the renderer as events. A WorkloadSource is what a cluster
// backend offers: the real one reads the API server through client-node informers, the fake
// one keeps objects in memory for UI tests.
import type { ClusterEvent, LogLine } from '../engine-extras.js';

export const WORKLOAD_KINDS = [
  'namespaces',
  'pods',
  'deployments',
  'statefulsets',
  'daemonsets',
  'services',
  'ingresses',
  'httproutes',
] as const;

export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Kinds whose rollout can be restarted. */
export const RESTARTABLE_KINDS: readonly WorkloadKind[] = ['deployments', 'statefulsets', 'daemonsets'];

export interface WorkloadItem {
  /** metadata.uid: stable across updates, new when an object is replaced. */
  uid: string;
  kind: WorkloadKind;
  namespace?: string;
  name: string;
  /** Running, Pending, CrashLoopBackOff, Active, ClusterIP... */
  status: string;
  tone: 'ok' | 'warn' | 'err' | 'muted';
  /** "2/3" for pods (containers) and rollouts (replicas). */
  ready?: string;
  restarts?: number;
  node?: string;
  /** ISO 8601 creation time. */
  createdAt?: string;
  /** Kind-specific facts: ports, hosts, image... one line. */
  details?: string;
  /** Container names of a pod, for logs and shells. */
  containers?: string[];
}

export interface WorkloadRef {
  cluster: string;
  kind: WorkloadKind;
  namespace?: string;
  name: string;
}

export interface WorkloadDescription {
  /** The object as YAML, without managedFields. */
  yaml: string;
  /** Events about the object, newest last. */
  events: ClusterEvent[];
}

export interface PodLogOptions {
  namespace: string;
  pod: string;
  container?: string;
  tailLines: number;
  timestamps: boolean;
  follow: boolean;
  signal: AbortSignal;
  onLines: (lines: LogLine[]) => void;
}

export interface WorkloadWatchHandlers {
  onItems: (items: WorkloadItem[]) => void;
  onError: (error: unknown) => void;
}

export interface WorkloadSource {
  /** Starts watching; calls onItems with the full list after every change. Returns stop. */
  watch(
    cluster: string,
    kind: WorkloadKind,
    namespace: string | undefined,
    handlers: WorkloadWatchHandlers,
  ): Promise<() => void>;
  describe(ref: WorkloadRef): Promise<WorkloadDescription>;
  delete(ref: WorkloadRef): Promise<void>;
  /** kubectl rollout restart: a new pod template annotation, so every pod is replaced. */
  restart(ref: WorkloadRef): Promise<void>;
  /** Streams a pod's log until the signal aborts (or the log ends when not following). */
  podLogs(cluster: string, options: PodLogOptions): Promise<void>;
  /** Stops every watch (app quit). */
  dispose?(): void;
}
