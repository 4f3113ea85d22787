// Handlers for the workloads:* channels: live lists by watch, describe, delete, rollout
// restart and a pod's log. Without a workload source they answer NOT_AVAILABLE.
import type { IpcHandlers } from '../contract.js';
import { FeatureUnavailable } from '../ipc-errors.js';
import type { LogStreams } from '../log-streams.js';
import type { WorkloadSource } from '../workloads/types.js';
import type { WorkloadWatches } from '../workloads/workload-watches.js';

type WorkloadChannels =
  | 'workloads:watch'
  | 'workloads:unwatch'
  | 'workloads:describe'
  | 'workloads:delete'
  | 'workloads:restart'
  | 'workloads:logs';

export interface WorkloadHandlerDeps {
  source?: WorkloadSource;
  watches?: WorkloadWatches;
  logs: LogStreams;
}

/** Handlers for the workloads:* channels. */
export function createWorkloadHandlers({
  source,
  watches,
  logs,
}: WorkloadHandlerDeps): Pick<IpcHandlers, WorkloadChannels> {
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new FeatureUnavailable('workload views are not available with this engine yet');
    return value;
  };
  return {
    'workloads:watch': (payload) => Promise.resolve().then(() => need(watches).watch(payload)),
    'workloads:unwatch': ({ watchId }) =>
      Promise.resolve().then(() => {
        need(watches).unwatch(watchId);
        return null;
      }),
    'workloads:describe': (ref) => Promise.resolve().then(() => need(source).describe(ref)),
    'workloads:delete': async (ref) => {
      await need(source).delete(ref);
      return null;
    },
    'workloads:restart': async (ref) => {
      await need(source).restart(ref);
      return null;
    },
    'workloads:logs': ({ cluster, namespace, pod, container, tailLines, timestamps, follow }) =>
      Promise.resolve().then(() => {
        const workloads = need(source);
        return logs.openStream((signal, onLines) =>
          workloads.podLogs(cluster, {
            namespace,
            pod,
            ...(container ? { container } : {}),
            tailLines: tailLines ?? 200,
            timestamps: timestamps ?? false,
            follow: follow ?? true,
            signal,
            onLines,
          }),
        );
      }),
  };
}
