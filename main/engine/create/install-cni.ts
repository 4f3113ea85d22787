// Step "install-cni": NetworkPolicy-capable pod networking across nodes, from the node image's
// own manifest (/kind/manifests/default-cni.yaml), templated and applied inside the node.
import { prepareCniManifest } from '../node-manifests.js';
import { kubectlCommand, readFromNode, runInNode } from '../node-exec.js';
import { bootstrapNode } from '../plan/types.js';
import type { BuildContext } from './context.js';
import type { Step } from './pipeline.js';
import { createStepName } from './steps.js';

export const CNI_MANIFEST_PATH = '/kind/manifests/default-cni.yaml';

async function installCni(context: BuildContext): Promise<void> {
  const node = bootstrapNode(context.plan).name;
  const manifest = await readFromNode(context.provider, node, ['cat', CNI_MANIFEST_PATH]);
  const prepared = prepareCniManifest(manifest, {
    podSubnet: context.plan.spec.spec.networking.podSubnet,
    endpoint: context.plan.controlPlaneEndpoint,
  });
  await runInNode(context.provider, node, kubectlCommand(['apply', '-f', '-']), {
    stdin: prepared,
    signal: context.signal,
  });
}

export const installCniStep: Step<BuildContext> = {
  ...createStepName('install-cni'),
  run: installCni,
};
