// Step "install-storage": the default StorageClass from the node image's manifest, or a
// hostPath one when the image has none.
import { stringify } from 'yaml';
import { fallbackStorageClass } from '../node-manifests.js';
import { kubectlCommand, runInNode } from '../node-exec.js';
import { bootstrapNode } from '../plan/types.js';
import type { BuildContext } from './context.js';
import type { Step } from './pipeline.js';
import { createStepName } from './steps.js';

export const STORAGE_MANIFEST_PATH = '/kind/manifests/default-storage.yaml';

async function installStorage(context: BuildContext): Promise<void> {
  const node = bootstrapNode(context.plan).name;
  const read = await context.provider.exec(node, ['cat', STORAGE_MANIFEST_PATH], { signal: context.signal });
  const manifest = read.exitCode === 0 ? read.stdout.toString('utf8') : stringify(fallbackStorageClass());
  if (read.exitCode !== 0) context.log('the node image has no storage manifest; using a hostPath StorageClass');
  await runInNode(context.provider, node, kubectlCommand(['apply', '-f', '-']), {
    stdin: manifest,
    signal: context.signal,
  });
}

export const installStorageStep: Step<BuildContext> = {
  ...createStepName('install-storage'),
  run: installStorage,
};
