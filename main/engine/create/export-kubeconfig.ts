// Step "export-kubeconfig": merge context slipway-NAME into the user's kubeconfig (atomically,
// under a lock) and make it current, as kind and k3d do.
import { mergeKubeconfigEntry } from '../../kube/kubeconfig-merge.js';
import { updateKubeconfigFile } from '../../kube/kubeconfig-file.js';
import { fromBootstrap, type BuildContext } from './context.js';
import { hostEntry } from './host-api.js';
import type { Step } from './pipeline.js';
import { createStepName } from './steps.js';

async function exportKubeconfig(context: BuildContext): Promise<void> {
  const entry = hostEntry(context.plan, fromBootstrap(context, 'adminConf'));
  await updateKubeconfigFile(context.kubeconfigPath, (config) =>
    mergeKubeconfigEntry(config, entry, { makeCurrent: true }),
  );
  context.log(`context ${entry.name} in ${context.kubeconfigPath}`);
}

export const exportKubeconfigStep: Step<BuildContext> = {
  ...createStepName('export-kubeconfig'),
  run: exportKubeconfig,
};
