// The tray menu as a pure function of state: every change rebuilds the whole menu, so the
// tray can never show a stale item. Clicks call named actions; nothing here talks to
// Electron or the engine.
import { contextName } from '../lib/naming.js';
import type { ClusterSummary } from '../engine/types.js';
import type { EngineStatus, TaskInfo } from '../ipc/contract.js';
import type { TrayMenuItem } from './ports.js';

export interface TrayState {
  engine: EngineStatus;
  clusters: ClusterSummary[];
  tasks: TaskInfo[];
  /** kubectl's current context, to tick the cluster it points at. */
  currentContext?: string;
}

export interface TrayActions {
  openWindow(route?: string): void;
  startCluster(name: string): void;
  stopCluster(name: string): void;
  copyKubeconfig(name: string): void;
  useContext(name: string): void;
  openDashboard(name: string): void;
  cancelTask(taskId: string): void;
  quit(): void;
}

const stateLabels: Record<ClusterSummary['state'], string> = {
  running: 'Running',
  stopped: 'Stopped',
  degraded: 'Degraded',
  unknown: 'Unknown',
};

/** Nodes that run Kubernetes (the HA load balancer is not one). */
export function kubeNodeCount(cluster: ClusterSummary): number {
  return cluster.nodes.filter((node) => node.role !== 'load-balancer').length;
}

/** "demo — Running, 3 nodes" or "demo — Creating…" while a task runs on it. */
export function clusterLabel(cluster: ClusterSummary, task: TaskInfo | undefined): string {
  const count = kubeNodeCount(cluster);
  const nodes = `${String(count)} ${count === 1 ? 'node' : 'nodes'}`;
  if (task) return `${cluster.name} — ${task.title.split(' ')[0] ?? 'Working'}…, ${nodes}`;
  return `${cluster.name} — ${stateLabels[cluster.state]}, ${nodes}`;
}

function clusterSubmenu(
  cluster: ClusterSummary,
  task: TaskInfo | undefined,
  state: TrayState,
  actions: TrayActions,
): TrayMenuItem[] {
  const ready = state.engine.state === 'ready';
  const idle = task === undefined && ready;
  const running = cluster.state === 'running' || cluster.state === 'degraded';
  const context = cluster.kubeconfigContext ?? contextName(cluster.name);
  const items: TrayMenuItem[] = [
    running
      ? {
          id: `stop:${cluster.name}`,
          label: 'Stop',
          enabled: idle,
          click: () => {
            actions.stopCluster(cluster.name);
          },
        }
      : {
          id: `start:${cluster.name}`,
          label: 'Start',
          enabled: idle,
          click: () => {
            actions.startCluster(cluster.name);
          },
        },
    { type: 'separator' },
    {
      id: `kubeconfig:${cluster.name}`,
      label: 'Copy kubeconfig',
      enabled: ready,
      click: () => {
        actions.copyKubeconfig(cluster.name);
      },
    },
    {
      id: `context:${cluster.name}`,
      label: `Use as kubectl context (${context})`,
      type: 'checkbox',
      checked: state.currentContext === context,
      enabled: ready,
      click: () => {
        actions.useContext(cluster.name);
      },
    },
    {
      id: `dashboard:${cluster.name}`,
      label: 'Open dashboard',
      enabled: ready && running,
      click: () => {
        actions.openDashboard(cluster.name);
      },
    },
    { type: 'separator' },
    {
      id: `show:${cluster.name}`,
      label: 'Show in Slipway…',
      click: () => {
        actions.openWindow(`/clusters/${cluster.name}`);
      },
    },
  ];
  if (task)
    items.push({
      id: `cancel:${task.id}`,
      label: `Cancel ${task.title}`,
      enabled: !task.cancelRequested,
      click: () => {
        actions.cancelTask(task.id);
      },
    });
  return items;
}

function engineItems(engine: EngineStatus, actions: TrayActions): TrayMenuItem[] {
  if (engine.state === 'ready') return [];
  const label =
    engine.state === 'connecting'
      ? 'Connecting to the container engine…'
      : 'Container engine unavailable — see diagnostics';
  return [
    {
      id: 'engine',
      label,
      enabled: engine.state === 'unavailable',
      toolTip: engine.error?.hint,
      click: () => {
        actions.openWindow('/diagnostics');
      },
    },
    { type: 'separator' },
  ];
}

/** Builds the whole tray menu for a state. */
export function buildTrayMenu(state: TrayState, actions: TrayActions): TrayMenuItem[] {
  const running = state.tasks.filter((task) => task.state === 'running');
  const taskFor = (name: string) => running.find((task) => task.cluster === name);
  const clusters: TrayMenuItem[] =
    state.clusters.length === 0
      ? [
          {
            id: 'no-clusters',
            label: state.engine.state === 'ready' ? 'No clusters yet' : 'Clusters unknown',
            enabled: false,
          },
        ]
      : state.clusters.map((cluster) => ({
          id: `cluster:${cluster.name}`,
          label: clusterLabel(cluster, taskFor(cluster.name)),
          type: 'submenu',
          submenu: clusterSubmenu(cluster, taskFor(cluster.name), state, actions),
        }));
  const creating = running.filter(
    (task) => task.kind === 'create' && !state.clusters.some((cluster) => cluster.name === task.cluster),
  );
  const pending: TrayMenuItem[] = creating.map((task) => ({
    id: `task:${task.id}`,
    label: `${task.title}: ${task.steps.at(-1)?.title ?? 'starting'}…`,
    enabled: false,
  }));
  return [
    ...engineItems(state.engine, actions),
    ...clusters,
    ...pending,
    { type: 'separator' },
    {
      id: 'create',
      label: 'Create cluster…',
      enabled: state.engine.state === 'ready',
      click: () => {
        actions.openWindow('/create');
      },
    },
    {
      id: 'open',
      label: 'Open Slipway',
      click: () => {
        actions.openWindow();
      },
    },
    { type: 'separator' },
    {
      id: 'quit',
      label: 'Quit Slipway',
      click: () => {
        actions.quit();
      },
    },
  ];
}
