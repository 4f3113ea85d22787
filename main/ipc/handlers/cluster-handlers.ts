// Handlers for cluster lifecycle channels. Lifecycle work runs as tasks (the call returns a
// task id at once); reads go straight to the engine. The spec text is validated again here
// because the renderer is not trusted.
import type { Engine, TaskOptions } from '../../engine/types.js';
import { chooseAddonHostPorts } from '../../addons/host-port-choice.js';
import { Conflict } from '../../errors.js';
import type { ClusterRef, IpcHandlers, TaskKind, TaskRef } from '../contract.js';
import { contextName } from '../../lib/naming.js';
import type { KubectlContexts } from '../kubectl-context.js';
import { validatedSpec } from '../spec-validation.js';
import type { StartTaskOptions, TaskManager } from '../task-manager.js';
import { plannedSteps } from '../task-plans.js';

type ClusterChannels =
  | 'clusters:list'
  | 'clusters:get'
  | 'clusters:create'
  | 'clusters:start'
  | 'clusters:stop'
  | 'clusters:delete'
  | 'clusters:kubeconfig'
  | 'clusters:spec'
  | 'clusters:use-context';

export interface ClusterHandlerDeps {
  engine: Engine;
  tasks: TaskManager;
  kubectl: KubectlContexts;
  /** Called when a lifecycle task ends, so the cluster list refreshes at once. */
  afterTask: () => void;
}

/** Handlers for the clusters:* lifecycle channels. */
export function createClusterHandlers({
  engine,
  tasks,
  kubectl,
  afterTask,
}: ClusterHandlerDeps): Pick<IpcHandlers, ClusterChannels> {
  const startTask = (options: StartTaskOptions): TaskRef => {
    const task = tasks.start(options);
    void tasks.whenDone(task.id).then(afterTask);
    return { taskId: task.id };
  };
  // start/stop/delete share one shape: a task on the cluster that calls one engine method.
  const lifecycle =
    (kind: TaskKind, verb: string, work: (name: string, options: TaskOptions) => Promise<unknown>) =>
    ({ name }: ClusterRef): Promise<TaskRef> =>
      Promise.resolve(
        startTask({
          kind,
          title: `${verb} ${name}`,
          cluster: name,
          plan: plannedSteps(engine, { kind }),
          run: async (options) => {
            await work(name, options);
          },
        }),
      );

  return {
    'clusters:list': () => engine.listClusters(),
    'clusters:get': ({ name }) => engine.getCluster(name),
    'clusters:create': async ({ specText, image, retain }) => {
      // Add-ons whose host ports the spec leaves unmapped get free ones (shown in the task log).
      const { spec, notes, warnings } = await chooseAddonHostPorts(await validatedSpec(specText));
      const name = spec.metadata.name;
      const existing = await engine.listClusters();
      if (existing.some((cluster) => cluster.name === name)) {
        throw new Conflict(`a cluster named ${name} already exists`, { hint: 'choose another metadata.name' });
      }
      return startTask({
        kind: 'create',
        title: `Create ${name}`,
        cluster: name,
        plan: plannedSteps(engine, { kind: 'create', spec }),
        request: { specText, ...(image ? { image } : {}), ...(retain ? { retain } : {}) },
        run: async ({ signal, onProgress }) => {
          for (const message of [...notes, ...warnings.map((warning) => `warning: ${warning}`)])
            onProgress({ kind: 'log', message });
          await engine.createCluster(spec, { signal, onProgress, retain, image });
        },
      });
    },
    'clusters:start': lifecycle('start', 'Start', (name, options) => engine.startCluster(name, options)),
    'clusters:stop': lifecycle('stop', 'Stop', (name, options) => engine.stopCluster(name, options)),
    'clusters:delete': lifecycle('delete', 'Delete', (name, options) => engine.deleteCluster(name, options)),
    'clusters:kubeconfig': ({ name }) => engine.kubeconfig(name),
    'clusters:spec': async ({ name }) => (await engine.recordedSpec(name)) ?? null,
    'clusters:use-context': async ({ name }) => {
      const cluster = await engine.getCluster(name);
      return kubectl.use(cluster.kubeconfigContext ?? contextName(name));
    },
  };
}
