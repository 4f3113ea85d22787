// The desktop app's behaviour around the core, without Electron: it follows engine, cluster
// and task events into one tray state, keeps the tray current, and notifies when long work
// ends. main.ts gives it Electron's ports; tests give it fakes.
import type { AppCore } from '../ipc/app-core.js';
import type { TaskInfo } from '../ipc/contract.js';
import type { ClipboardPort, IntervalTimers, NotifierPort, ShellPort, TrayPort, WindowPort } from './ports.js';
import { notificationFor } from './task-notifications.js';
import { createTrayActions } from './tray-actions.js';
import { TrayController } from './tray-controller.js';
import type { TrayState } from './tray-menu.js';

export interface DesktopShellOptions {
  core: AppCore;
  tray: TrayPort;
  notifier: NotifierPort;
  clipboard: ClipboardPort;
  shell: ShellPort;
  window: WindowPort;
  quit: () => void;
  iconDir: string;
  platform: NodeJS.Platform;
  timers: IntervalTimers;
}

export interface DesktopShell {
  state(): TrayState;
  /** Re-reads kubectl's current context (after a switch, or on a timer). */
  refreshContext(): Promise<void>;
  dispose(): void;
}

/** Wires the tray and notifications to the core's events. */
export function startDesktopShell(options: DesktopShellOptions): DesktopShell {
  const { core } = options;
  const tasks = new Map<string, TaskInfo>(core.tasks.list().map((task) => [task.id, task]));
  const notified = new Set<string>();
  let currentContext: string | undefined;
  let lastKey = '';

  const state = (): TrayState => ({
    engine: core.monitor.status,
    clusters: core.monitor.clusters,
    tasks: [...tasks.values()],
    currentContext,
  });
  const refreshContext = async () => {
    currentContext = await core.kubectl.current().catch(() => undefined);
    render();
  };
  const actions = createTrayActions({
    ...options,
    dispatch: core.dispatch,
    contextChanged: () => void refreshContext(),
  });
  const controller = new TrayController({
    tray: options.tray,
    actions,
    iconDir: options.iconDir,
    platform: options.platform,
    timers: options.timers,
  });

  function render(): void {
    const current = state();
    // Log lines change tasks often; the menu only changes when what it shows changes.
    const key = JSON.stringify([
      current.engine.state,
      current.engine.error?.message,
      current.clusters,
      current.currentContext,
      current.tasks.map((task) => [task.id, task.state, task.cancelRequested, task.steps.at(-1)?.title]),
    ]);
    if (key === lastKey) return;
    lastKey = key;
    controller.update(current);
  }

  function onTask(task: TaskInfo): void {
    tasks.set(task.id, task);
    if (task.state !== 'running' && !notified.has(task.id)) {
      notified.add(task.id);
      const notification = notificationFor(task, options.window.isFocused());
      if (notification && options.notifier.supported()) options.notifier.notify(notification);
    }
    render();
  }

  const unsubscribe = [
    core.hub.on('tasks:updated', onTask),
    core.hub.on('tasks:removed', ({ taskId }) => {
      tasks.delete(taskId);
      render();
    }),
    core.hub.on('engine:status', render),
    core.hub.on('clusters:changed', () => void refreshContext()),
  ];
  render();
  void refreshContext();

  return {
    state,
    refreshContext,
    dispose: () => {
      for (const stop of unsubscribe) stop();
      controller.dispose();
    },
  };
}
