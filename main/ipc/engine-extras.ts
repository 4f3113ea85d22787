// Optional engine capabilities the desktop app can show when an engine offers them: node
// stats, pods, events, Kubernetes node status and log tails. The Engine contract
// (main/engine/types.ts) does not require them, so the app detects each one at run time and
// the UI hides what is missing instead of inventing data.
import type { NodeStats } from '../engine/provider.js';
import type { Engine } from '../engine/types.js';
import type { PlannedStep, TaskPlanRequest } from './task-plans.js';

// One shape for node stats from the provider up to the renderer.
export type { NodeStats };

/** What Kubernetes says about a node (as opposed to its container). */
export interface KubeNodeInfo {
  name: string;
  ready: boolean;
  kubeletVersion?: string;
  roles: string[];
}

export interface PodSummary {
  namespace: string;
  name: string;
  node?: string;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  ready: boolean;
  restarts: number;
}

export interface ClusterEvent {
  /** ISO 8601 time of the last occurrence. */
  at: string;
  type: 'Normal' | 'Warning';
  reason: string;
  /** kind/name of the object, e.g. Pod/coredns-abc. */
  object: string;
  namespace?: string;
  message: string;
  count?: number;
}

export interface LogLine {
  namespace: string;
  pod: string;
  container: string;
  text: string;
}

export interface FollowLogsOptions {
  namespace?: string;
  /** A word contained in pod names, or a glob with * and ? (main/spec/name-pattern.ts). */
  podPattern?: string;
  /** How many recent lines per container to start with. */
  tailLines?: number;
  signal: AbortSignal;
  onLines: (lines: LogLine[]) => void;
}

/** Methods an engine may add beyond the Engine contract. */
export interface EngineExtras {
  nodeStats?(cluster: string): Promise<NodeStats[]>;
  kubeNodes?(cluster: string): Promise<KubeNodeInfo[]>;
  listPods?(cluster: string): Promise<PodSummary[]>;
  listEvents?(cluster: string): Promise<ClusterEvent[]>;
  /** Streams log lines until the signal aborts; resolves when the stream ends. */
  followLogs?(cluster: string, options: FollowLogsOptions): Promise<void>;
  /** The steps a task will run, when the engine knows them better than the create pipeline. */
  plannedSteps?(request: TaskPlanRequest): PlannedStep[];
}

export type EngineWithExtras = Engine & EngineExtras;

export type ExtraName = keyof EngineExtras;

const extraNames: readonly ExtraName[] = ['nodeStats', 'kubeNodes', 'listPods', 'listEvents', 'followLogs'];

/** Which optional methods this engine implements (checked once, by shape). */
export function detectEngineExtras(engine: Engine): Record<ExtraName, boolean> {
  const candidate = engine as Partial<Record<ExtraName, unknown>>;
  const found = {} as Record<ExtraName, boolean>;
  for (const name of extraNames) found[name] = typeof candidate[name] === 'function';
  return found;
}
