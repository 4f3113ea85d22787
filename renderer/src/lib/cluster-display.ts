// What the UI says about a cluster's state. The engine's last answer is only trusted while the
// engine is reachable, and a cluster with a create task running is being created, whatever its
// containers already report: one function, so cards, the cluster page and the sidebar agree.
import type { ClusterSummary } from '../../../main/engine/types.js';
import type { TaskInfo } from '../../../main/ipc/contract.js';

export type DisplayTone = 'ok' | 'warn' | 'err' | 'muted' | 'info';

export interface ClusterDisplay {
  /** A class name for dots: running, degraded, stopped, unknown, busy. */
  kind: 'running' | 'degraded' | 'stopped' | 'unknown' | 'busy';
  tone: DisplayTone;
  label: string;
}

const taskLabels: Record<TaskInfo['kind'], string> = {
  create: 'Creating…',
  start: 'Starting…',
  stop: 'Stopping…',
  delete: 'Deleting…',
  'addon-enable': 'Enabling an add-on…',
  'addon-disable': 'Disabling an add-on…',
};

/** The state to show for a cluster, given its running task and whether the engine answers. */
export function clusterDisplay(
  cluster: Pick<ClusterSummary, 'state'>,
  task: Pick<TaskInfo, 'kind'> | undefined,
  engineReady: boolean,
): ClusterDisplay {
  if (!engineReady) return { kind: 'unknown', tone: 'muted', label: 'Unknown (engine unreachable)' };
  if (task) return { kind: 'busy', tone: 'info', label: taskLabels[task.kind] };
  switch (cluster.state) {
    case 'running':
      return { kind: 'running', tone: 'ok', label: 'Running' };
    case 'degraded':
      return { kind: 'degraded', tone: 'warn', label: 'Degraded' };
    case 'stopped':
      return { kind: 'stopped', tone: 'muted', label: 'Stopped' };
    default:
      return { kind: 'unknown', tone: 'muted', label: 'Unknown' };
  }
}
