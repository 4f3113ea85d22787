// What each tray menu item does, over the same dispatcher the window uses (so the tray gets
// the same validation, tasks and errors). Failures become notifications, never crashes.
import type { IpcChannel, IpcResponse, PayloadOf, ResultOf } from '../ipc/contract.js';
import type { Dispatch } from '../ipc/dispatcher.js';
import type { ClipboardPort, Notification, NotifierPort, ShellPort, WindowPort } from './ports.js';
import type { TrayActions } from './tray-menu.js';

export interface TrayActionDeps {
  dispatch: Dispatch;
  window: WindowPort;
  clipboard: ClipboardPort;
  shell: ShellPort;
  notifier: NotifierPort;
  /** Called after the kubectl context changed, so the tray ticks the right cluster. */
  contextChanged: () => void;
  quit: () => void;
}

/** Only loopback http(s) URLs open from the tray: an add-on output must not send users elsewhere. */
export function isLoopbackUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
    );
  } catch {
    return false;
  }
}

/** The tray's actions, wired to the dispatcher and the ports. */
export function createTrayActions(deps: TrayActionDeps): TrayActions {
  const notify = (notification: Notification) => {
    if (deps.notifier.supported()) deps.notifier.notify(notification);
  };
  async function call<C extends IpcChannel>(channel: C, payload: PayloadOf<C>): Promise<ResultOf<C> | undefined> {
    const response = (await deps.dispatch(channel, payload)) as IpcResponse<ResultOf<C>>;
    if ('result' in response) return response.result;
    notify({ title: response.error.message, body: response.error.hint ?? 'See the Slipway window for details.' });
    return undefined;
  }
  const run = (work: Promise<unknown>) => {
    void work.catch((error: unknown) => {
      notify({ title: 'Slipway could not do that', body: error instanceof Error ? error.message : String(error) });
    });
  };

  async function openDashboard(name: string): Promise<void> {
    const addons = await call('addons:list', { name });
    if (!addons) return;
    const dashboard = addons.find((addon) => addon.name === 'dashboard' && addon.enabled);
    const output = dashboard?.outputs.find(
      (candidate) => candidate.kind === 'url' || candidate.kind === 'port-forward',
    );
    if (!output) {
      deps.window.show(`/clusters/${name}/addons`);
      notify({ title: `No dashboard on ${name}`, body: 'Enable the dashboard add-on on the Add-ons page.' });
      return;
    }
    const revealed = await call('addons:output', { cluster: name, addon: 'dashboard', output: output.name });
    if (!revealed) return;
    if (!isLoopbackUrl(revealed.value)) {
      notify({ title: 'Dashboard URL refused', body: `${revealed.value} is not a local address.` });
      return;
    }
    await deps.shell.openExternal(revealed.value);
  }

  return {
    openWindow: (route) => {
      deps.window.show(route);
    },
    startCluster: (name) => {
      run(call('clusters:start', { name }));
    },
    stopCluster: (name) => {
      run(call('clusters:stop', { name }));
    },
    copyKubeconfig: (name) => {
      run(
        call('clusters:kubeconfig', { name }).then((kubeconfig) => {
          if (kubeconfig === undefined) return;
          deps.clipboard.writeText(kubeconfig);
          notify({ title: `Kubeconfig of ${name} copied`, body: 'Paste it into a file and point KUBECONFIG at it.' });
        }),
      );
    },
    useContext: (name) => {
      run(
        call('clusters:use-context', { name }).then((info) => {
          if (!info) return;
          deps.contextChanged();
          notify({ title: `kubectl now uses ${info.context}`, body: `Changed current-context in ${info.path}.` });
        }),
      );
    },
    openDashboard: (name) => {
      run(openDashboard(name));
    },
    cancelTask: (taskId) => {
      run(call('tasks:cancel', { taskId }));
    },
    quit: () => {
      deps.quit();
    },
  };
}
