// Handlers for add-ons and export. Each feature comes from its own module through a small
// service; when a service is absent the channel answers NOT_AVAILABLE and the UI shows a
// "not available yet" state rather than pretend results.
import type { Engine, TaskOptions } from '../../engine/types.js';
import { NotFound } from '../../errors.js';
import type { ClusterSpec } from '../../spec/index.js';
import type { ExportSource, IpcHandlers, TaskRef } from '../contract.js';
import type { AddonsService, ExportService } from '../feature-services.js';
import { FeatureUnavailable } from '../ipc-errors.js';
import { validatedSpec } from '../spec-validation.js';
import type { TaskManager } from '../task-manager.js';
import { plannedSteps } from '../task-plans.js';

type FeatureChannels =
  | 'addons:catalog'
  | 'addons:list'
  | 'addons:enable'
  | 'addons:disable'
  | 'addons:output'
  | 'export:targets'
  | 'export:render';

export interface FeatureHandlerDeps {
  engine: Engine;
  tasks: TaskManager;
  addons?: AddonsService;
  exporter?: ExportService;
  afterTask: () => void;
}

/** Handlers for the addons:* and export:* channels. */
export function createFeatureHandlers({
  engine,
  tasks,
  addons,
  exporter,
  afterTask,
}: FeatureHandlerDeps): Pick<IpcHandlers, FeatureChannels> {
  const needAddons = (): AddonsService => {
    if (!addons) throw new FeatureUnavailable('add-on bundles are not available in this build yet');
    return addons;
  };
  const needExporter = (): ExportService => {
    if (!exporter) throw new FeatureUnavailable('export is not available in this build yet');
    return exporter;
  };
  const addonTask = (
    kind: 'addon-enable' | 'addon-disable',
    cluster: string,
    addon: string,
    work: (options: TaskOptions) => Promise<void>,
  ): TaskRef => {
    const title = `${kind === 'addon-enable' ? 'Enable' : 'Disable'} ${addon} on ${cluster}`;
    const plan = plannedSteps(engine, { kind, addon });
    const task = tasks.start({ kind, title, cluster, plan, run: work });
    void tasks.whenDone(task.id).then(afterTask);
    return { taskId: task.id };
  };

  return {
    'addons:catalog': () => Promise.resolve().then(() => needAddons().catalog()),
    'addons:list': ({ name }) => Promise.resolve().then(() => needAddons().list(name)),
    'addons:enable': ({ cluster, addon, params }) =>
      Promise.resolve().then(() => {
        const service = needAddons();
        return addonTask('addon-enable', cluster, addon, (options) => service.enable(cluster, addon, params, options));
      }),
    'addons:disable': ({ cluster, addon, data }) =>
      Promise.resolve().then(() => {
        const service = needAddons();
        return addonTask('addon-disable', cluster, addon, (options) => service.disable(cluster, addon, data, options));
      }),
    'addons:output': ({ cluster, addon, output }) =>
      Promise.resolve().then(() => needAddons().reveal(cluster, addon, output)),
    'export:targets': () => Promise.resolve().then(() => needExporter().targets()),
    'export:render': async ({ source, target, site, options }) => {
      const service = needExporter();
      if (!service.targets().some((candidate) => candidate.id === target)) {
        throw new NotFound(`unknown export target ${target}`, {
          hint: `choose one of ${service
            .targets()
            .map((t) => t.id)
            .join(', ')}`,
        });
      }
      return service.render(await specFor(engine, source), target, site, options ?? {});
    },
  };
}

async function specFor(engine: Engine, source: ExportSource): Promise<ClusterSpec> {
  if ('specText' in source) {
    return validatedSpec(source.specText);
  }
  const spec = await engine.recordedSpec(source.cluster);
  if (!spec) {
    throw new NotFound(`cluster ${source.cluster} has no recorded spec`, {
      hint: 'export from a spec file instead (paste it on the export page)',
    });
  }
  return spec;
}
