// The tray menu is a pure function of state: these tables pin what each state shows and
// which actions each item triggers.
import { describe, expect, it } from 'vitest';
import type { ClusterSummary } from '../../../main/engine/types.js';
import type { EngineStatus, TaskInfo } from '../../../main/ipc/contract.js';
import type { TrayMenuItem } from '../../../main/app/ports.js';
import { allTrayIconFiles, trayAppearance, trayIconFile } from '../../../main/app/tray-icon.js';
import { buildTrayMenu, clusterLabel, type TrayActions, type TrayState } from '../../../main/app/tray-menu.js';

const ready: EngineStatus = { state: 'ready', checkedAt: 0 };

function cluster(name: string, state: ClusterSummary['state'], workers = 2, ha = false): ClusterSummary {
  const nodes: ClusterSummary['nodes'] = [
    { name: `${name}-control-plane`, role: 'control-plane', state: state === 'running' ? 'running' : 'stopped' },
  ];
  if (ha) nodes.push({ name: `${name}-external-load-balancer`, role: 'load-balancer', state: 'running' });
  for (let index = 1; index <= workers; index++)
    nodes.push({ name: `${name}-workers-${String(index)}`, role: 'worker', pool: 'workers', state: 'running' });
  return { name, state, nodes, kubeconfigContext: `slipway-${name}` };
}

function task(overrides: Partial<TaskInfo>): TaskInfo {
  return {
    id: 'task-1',
    kind: 'create',
    title: 'Create demo',
    cluster: 'demo',
    state: 'running',
    cancelRequested: false,
    steps: [],
    log: [],
    startedAt: 0,
    ...overrides,
  };
}

/** Records which action a click calls, with its argument. */
function recordingActions(calls: string[]): TrayActions {
  const record =
    (name: string) =>
    (argument?: string): void => {
      calls.push(argument === undefined ? name : `${name}(${argument})`);
    };
  return {
    openWindow: record('openWindow'),
    startCluster: record('startCluster'),
    stopCluster: record('stopCluster'),
    copyKubeconfig: record('copyKubeconfig'),
    useContext: record('useContext'),
    openDashboard: record('openDashboard'),
    cancelTask: record('cancelTask'),
    quit: record('quit'),
  };
}

function search(items: TrayMenuItem[], id: string): TrayMenuItem | undefined {
  for (const item of items) {
    const found = item.id === id ? item : item.submenu ? search(item.submenu, id) : undefined;
    if (found) return found;
  }
  return undefined;
}

function find(items: TrayMenuItem[], id: string): TrayMenuItem {
  const found = search(items, id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

function labels(items: TrayMenuItem[]): string[] {
  return items.map((item) => (item.type === 'separator' ? '---' : (item.label ?? '')));
}

describe('buildTrayMenu', () => {
  it('lists clusters with status and node count, then create, open and quit', () => {
    const state: TrayState = {
      engine: ready,
      clusters: [cluster('demo', 'running'), cluster('ha', 'running', 3, true), cluster('edge', 'stopped', 1)],
      tasks: [],
    };
    expect(labels(buildTrayMenu(state, recordingActions([])))).toEqual([
      'demo — Running, 3 nodes',
      'ha — Running, 4 nodes',
      'edge — Stopped, 2 nodes',
      '---',
      'Create cluster…',
      'Open Slipway',
      '---',
      'Quit Slipway',
    ]);
  });

  it('offers stop for running clusters and start for stopped ones, wired to their names', () => {
    const calls: string[] = [];
    const menu = buildTrayMenu(
      { engine: ready, clusters: [cluster('demo', 'running'), cluster('edge', 'stopped')], tasks: [] },
      recordingActions(calls),
    );
    find(menu, 'stop:demo').click?.();
    find(menu, 'start:edge').click?.();
    find(menu, 'kubeconfig:demo').click?.();
    find(menu, 'context:edge').click?.();
    find(menu, 'dashboard:demo').click?.();
    find(menu, 'show:demo').click?.();
    find(menu, 'create').click?.();
    find(menu, 'quit').click?.();
    expect(calls).toEqual([
      'stopCluster(demo)',
      'startCluster(edge)',
      'copyKubeconfig(demo)',
      'useContext(edge)',
      'openDashboard(demo)',
      'openWindow(/clusters/demo)',
      'openWindow(/create)',
      'quit',
    ]);
    expect(find(menu, 'dashboard:edge').enabled).toBe(false);
  });

  it('ticks the cluster kubectl currently points at', () => {
    const menu = buildTrayMenu(
      {
        engine: ready,
        clusters: [cluster('demo', 'running'), cluster('edge', 'stopped')],
        tasks: [],
        currentContext: 'slipway-edge',
      },
      recordingActions([]),
    );
    expect(find(menu, 'context:demo').checked).toBe(false);
    expect(find(menu, 'context:edge')).toMatchObject({ type: 'checkbox', checked: true });
  });

  it('disables lifecycle items while a task runs on the cluster and offers to cancel it', () => {
    const calls: string[] = [];
    const running = task({ id: 'task-7', title: 'Stop demo', kind: 'stop' });
    const menu = buildTrayMenu(
      { engine: ready, clusters: [cluster('demo', 'running')], tasks: [running] },
      recordingActions(calls),
    );
    expect(find(menu, 'cluster:demo').label).toBe('demo — Stop…, 3 nodes');
    expect(find(menu, 'stop:demo').enabled).toBe(false);
    find(menu, 'cancel:task-7').click?.();
    expect(calls).toEqual(['cancelTask(task-7)']);
  });

  it('shows a cluster being created before the engine lists it', () => {
    const creating = task({
      steps: [{ id: 'kubeadm-init', title: 'Initialising the control plane', state: 'running', startedAt: 0 }],
    });
    const menu = buildTrayMenu({ engine: ready, clusters: [], tasks: [creating] }, recordingActions([]));
    expect(labels(menu)).toContain('Create demo: Initialising the control plane…');
    expect(labels(menu)).toContain('No clusters yet');
  });

  it('puts an unavailable engine first, linking to diagnostics, and disables engine actions', () => {
    const calls: string[] = [];
    const engine: EngineStatus = {
      state: 'unavailable',
      checkedAt: 0,
      error: { code: 'ENGINE_UNAVAILABLE', name: 'EngineUnavailable', message: 'docker down', hint: 'Start Docker' },
    };
    const menu = buildTrayMenu({ engine, clusters: [cluster('demo', 'running')], tasks: [] }, recordingActions(calls));
    expect(menu[0]).toMatchObject({ label: 'Container engine unavailable — see diagnostics', toolTip: 'Start Docker' });
    menu[0]?.click?.();
    expect(calls).toEqual(['openWindow(/diagnostics)']);
    expect(find(menu, 'create').enabled).toBe(false);
    expect(find(menu, 'stop:demo').enabled).toBe(false);
  });

  it('labels a one-node cluster in the singular', () => {
    expect(clusterLabel(cluster('solo', 'running', 0), undefined)).toBe('solo — Running, 1 node');
  });
});

describe('trayAppearance', () => {
  it('is idle with a count, working while tasks run, and error when the engine is down or a task failed', () => {
    const clusters = [cluster('demo', 'running'), cluster('edge', 'stopped')];
    expect(trayAppearance({ engine: ready, clusters, tasks: [] })).toEqual({
      kind: 'idle',
      tooltip: 'Slipway — 1 of 2 clusters running',
    });
    const running = task({
      steps: [{ id: 'cni', title: 'Installing the pod network (CNI)', state: 'running', startedAt: 0 }],
    });
    expect(
      trayAppearance({ engine: ready, clusters, tasks: [running, task({ id: 'task-2', title: 'Stop edge' })] }),
    ).toEqual({
      kind: 'working',
      tooltip: 'Slipway — Create demo: Installing the pod network (CNI) (+1 more)',
    });
    const failed = task({
      state: 'failed',
      error: { code: 'STEP_FAILED', name: 'StepFailed', message: 'cni: timed out' },
    });
    expect(trayAppearance({ engine: ready, clusters, tasks: [failed] })).toEqual({
      kind: 'error',
      tooltip: 'Slipway — Create demo failed: cni: timed out',
    });
    const down: EngineStatus = {
      state: 'unavailable',
      checkedAt: 0,
      error: { code: 'ENGINE_UNAVAILABLE', name: 'EngineUnavailable', message: 'x', hint: 'Start Docker' },
    };
    expect(trayAppearance({ engine: down, clusters: [], tasks: [running] })).toEqual({
      kind: 'error',
      tooltip: 'Slipway — container engine unavailable: Start Docker',
    });
  });

  it('names template icons on macOS and coloured ones elsewhere, with four working frames', () => {
    expect(trayIconFile('idle', 'darwin')).toBe('tray-idleTemplate.png');
    expect(trayIconFile('working', 'linux', 6)).toBe('tray-working-2.png');
    expect(allTrayIconFiles('win32')).toEqual([
      'tray-idle.png',
      'tray-working-0.png',
      'tray-working-1.png',
      'tray-working-2.png',
      'tray-working-3.png',
      'tray-error.png',
    ]);
  });
});
