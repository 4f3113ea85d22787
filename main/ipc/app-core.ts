// The desktop app's core without Electron: the engine, tasks, the cluster monitor, log
// streams and the handler table behind one dispatch function. The Electron main process,
// the loopback bridge and in-process tests each wrap this same core in their transport.
import type { Engine } from '../engine/types.js';
import { SLIPWAY_VERSION } from '../version.js';
import { ClusterMonitor, type Timers } from './cluster-monitor.js';
import type { AppInfo, Features, IpcHandlers } from './contract.js';
import { createDispatcher, type Dispatch, type DispatchLogEntry } from './dispatcher.js';
import { detectEngineExtras, type EngineWithExtras } from './engine-extras.js';
import { EventHub } from './event-hub.js';
import type { AddonsService, ExportService } from './feature-services.js';
import { createClusterHandlers } from './handlers/cluster-handlers.js';
import { createFeatureHandlers } from './handlers/feature-handlers.js';
import { createInsightHandlers } from './handlers/insight-handlers.js';
import { kubeconfigPath } from '../lib/kubeconfig-path.js';
import { CONTEXT_PREFIX } from '../lib/naming.js';
import { createFileKubectlContexts, type KubectlContexts } from './kubectl-context.js';
import { LogStreams } from './log-streams.js';
import { TaskManager } from './task-manager.js';
import { createWorkloadHandlers } from './handlers/workload-handlers.js';
import type { WorkloadSource } from './workloads/types.js';
import { WorkloadWatches } from './workloads/workload-watches.js';

export interface AppCoreOptions {
  engine: Engine;
  transport: AppInfo['transport'];
  addons?: AddonsService;
  exporter?: ExportService;
  /** Live workload lists and actions (client-node for real clusters, in memory for the fake). */
  workloads?: WorkloadSource;
  kubectl?: KubectlContexts;
  version?: string;
  platform?: string;
  pollIntervalMs?: number;
  timers?: Timers;
  now?: () => number;
  log?: (entry: DispatchLogEntry) => void;
  /** Marks the fake engine in app:info so the UI can say so. */
  fakeEngine?: boolean;
}

export interface AppCore {
  hub: EventHub;
  tasks: TaskManager;
  monitor: ClusterMonitor;
  logs: LogStreams;
  kubectl: KubectlContexts;
  features: Features;
  dispatch: Dispatch;
  /** Starts polling the engine. */
  start(): void;
  /** Stops polling and log streams, and cancels running tasks. */
  dispose(): Promise<void>;
}

/** Wires the engine and feature services into one dispatchable core. */
export function createAppCore(options: AppCoreOptions): AppCore {
  const engine = options.engine as EngineWithExtras;
  const hub = new EventHub();
  const tasks = new TaskManager({
    now: options.now,
    onUpdate: (task) => {
      hub.emit('tasks:updated', task);
    },
    onRemove: (taskId) => {
      hub.emit('tasks:removed', { taskId });
    },
  });
  const monitor = new ClusterMonitor({
    engine,
    hub,
    intervalMs: options.pollIntervalMs,
    timers: options.timers,
    now: options.now,
  });
  const logs = new LogStreams(engine, hub);
  const watches = options.workloads ? new WorkloadWatches(options.workloads, hub) : undefined;
  const kubectl = options.kubectl ?? createFileKubectlContexts(kubeconfigPath());
  const extras = detectEngineExtras(engine);
  const features: Features = {
    nodeStats: extras.nodeStats,
    kubeNodes: extras.kubeNodes,
    pods: extras.listPods,
    events: extras.listEvents,
    logs: extras.followLogs,
    addons: options.addons !== undefined,
    export: options.exporter !== undefined,
    workloads: options.workloads !== undefined,
  };
  const afterTask = () => void monitor.refresh();
  const info: AppInfo = {
    version: options.version ?? SLIPWAY_VERSION,
    platform: options.platform ?? (typeof process === 'undefined' ? 'unknown' : process.platform),
    transport: options.transport,
    contextPrefix: CONTEXT_PREFIX,
    fakeEngine: options.fakeEngine ?? false,
  };

  const handlers: IpcHandlers = {
    'app:info': () => Promise.resolve(info),
    'app:features': () => Promise.resolve(features),
    'engine:status': () => Promise.resolve(monitor.status),
    'engine:refresh': () => monitor.refresh(),
    ...createClusterHandlers({ engine, tasks, kubectl, afterTask }),
    ...createInsightHandlers(engine),
    'tasks:list': () => Promise.resolve(tasks.list()),
    'tasks:cancel': ({ taskId }) => Promise.resolve().then(() => tasks.cancel(taskId)),
    'tasks:dismiss': ({ taskId }) =>
      Promise.resolve().then(() => {
        tasks.dismiss(taskId);
        return null;
      }),
    'doctor:run': () => engine.doctor(),
    'kubectl:current-context': async () => (await kubectl.current()) ?? null,
    ...createFeatureHandlers({ engine, tasks, addons: options.addons, exporter: options.exporter, afterTask }),
    'logs:follow': (payload) => Promise.resolve().then(() => logs.follow(payload)),
    'logs:stop': ({ streamId }) => {
      logs.stop(streamId);
      return Promise.resolve(null);
    },
    ...createWorkloadHandlers({ source: options.workloads, watches, logs }),
  };

  return {
    hub,
    tasks,
    monitor,
    logs,
    kubectl,
    features,
    dispatch: createDispatcher({ handlers, log: options.log, now: options.now }),
    start: () => {
      monitor.start();
    },
    dispose: async () => {
      monitor.stop();
      logs.stopAll();
      watches?.stopAll();
      await tasks.cancelAll();
      await options.addons?.dispose?.();
    },
  };
}
