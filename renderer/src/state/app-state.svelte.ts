// The renderer's mirror of main: clusters, engine status, tasks, features and app info,
// kept current by events. Components read it through context and call the API for the rest.
import { getContext, setContext } from 'svelte';
import type { ClusterSummary } from '../../../main/engine/types.js';
import type {
  AppInfo,
  ConnectionState,
  EngineStatus,
  Features,
  SlipwayApi,
  TaskInfo,
} from '../../../main/ipc/contract.js';
import { markPerformance } from '../lib/perf-marks.js';
import type { Router } from './router.svelte.js';

const KEY = Symbol('slipway-app-state');

export class AppState {
  clusters = $state<ClusterSummary[]>([]);
  clustersLoaded = $state(false);
  engine = $state<EngineStatus>({ state: 'connecting', checkedAt: 0 });
  tasks = $state<Record<string, TaskInfo>>({});
  features = $state<Features>({
    nodeStats: false,
    kubeNodes: false,
    pods: false,
    events: false,
    logs: false,
    addons: false,
    export: false,
    workloads: false,
  });
  info = $state<AppInfo | undefined>(undefined);
  /** Whether main answers; while it does not, the window shows a reconnecting screen. */
  connection = $state<ConnectionState>('connected');
  /** The create wizard's text, kept while the user visits other pages (and set by Edit spec). */
  createDraft = $state<string | undefined>(undefined);
  /** kubectl's current context, shown in the sidebar; null when none is set. */
  kubectlContext = $state<string | null | undefined>(undefined);

  runningTasks = $derived(Object.values(this.tasks).filter((task) => task.state === 'running'));
  private readonly stops: (() => void)[] = [];

  constructor(
    readonly api: SlipwayApi,
    readonly router: Router,
  ) {}

  /** Subscribes to events, then loads the current state. */
  async start(): Promise<void> {
    this.stops.push(
      this.api.on('clusters:changed', (clusters) => {
        this.setClusters(clusters);
      }),
      this.api.on('engine:status', (status) => {
        this.engine = status;
      }),
      this.api.on('tasks:updated', (task) => {
        this.tasks[task.id] = task;
      }),
      this.api.on('tasks:removed', ({ taskId }) => {
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- tasks is a record keyed by id
        delete this.tasks[taskId];
      }),
      this.api.on('app:navigate', ({ route }) => {
        this.router.navigate(route);
      }),
    );
    if (this.api.onConnection) {
      this.stops.push(
        this.api.onConnection((state) => {
          const regained = this.connection === 'reconnecting' && state === 'connected';
          this.connection = state;
          // Events sent while the bridge was away are lost: read everything again.
          if (regained) void this.reload();
        }),
      );
    }
    await this.reload();
  }

  /** Reads the whole mirror from main (at start and after a lost connection comes back). */
  async reload(): Promise<void> {
    const [info, features, engine, tasks] = await Promise.all([
      this.api.invoke('app:info'),
      this.api.invoke('app:features'),
      this.api.invoke('engine:refresh'),
      this.api.invoke('tasks:list'),
    ]);
    if ('result' in info) this.info = info.result;
    if ('result' in features) this.features = features.result;
    if ('result' in engine) this.engine = engine.result;
    if ('result' in tasks) this.tasks = Object.fromEntries(tasks.result.map((task) => [task.id, task]));
    await Promise.all([this.refreshClusters(), this.refreshKubectlContext()]);
  }

  /** Reads kubectl's current context again (after switching it). */
  async refreshKubectlContext(): Promise<void> {
    const response = await this.api.invoke('kubectl:current-context');
    if ('result' in response) this.kubectlContext = response.result;
  }

  /** Asks main for the cluster list now (after an action, or from a Retry button). */
  async refreshClusters(): Promise<void> {
    const response = await this.api.invoke('clusters:list');
    if ('result' in response) this.setClusters(response.result);
  }

  /** The running task on a cluster, if any. */
  taskFor(cluster: string): TaskInfo | undefined {
    return this.runningTasks.find((task) => task.cluster === cluster);
  }

  cluster(name: string): ClusterSummary | undefined {
    return this.clusters.find((cluster) => cluster.name === name);
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private setClusters(clusters: ClusterSummary[]): void {
    this.clusters = [...clusters].sort((a, b) => a.name.localeCompare(b.name));
    this.clustersLoaded = true;
    markPerformance('slipway:clusters-applied');
  }
}

/** Makes the state available to every component below. */
export function provideAppState(state: AppState): void {
  setContext(KEY, state);
}

/** The app state from context. */
export function useAppState(): AppState {
  const state = getContext<AppState | undefined>(KEY);
  if (!state) throw new Error('AppState is missing: render components inside App or pass it in the test context');
  return state;
}

export const APP_STATE_KEY = KEY;
