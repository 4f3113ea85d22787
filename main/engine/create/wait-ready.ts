// Step "wait-ready": every node Ready and CoreDNS answering, within --wait (0 skips it); then
// the workers get their role label (only a registered Node can be labelled, and `kubeadm
// join` returns before the kubelet registers).
import { labelWorkers } from '../../kube/node-roles.js';
import { bootstrapNode, kubernetesNodes } from '../plan/types.js';
import { waitForCluster } from '../wait-for-cluster.js';
import { fromBootstrap, type BuildContext } from './context.js';
import type { Step } from './pipeline.js';
import { createStepName } from './steps.js';

async function waitReady(context: BuildContext): Promise<void> {
  if (context.waitTimeoutMs <= 0) {
    context.log('not waiting (--wait 0); workers get no role label');
    return;
  }
  const api = fromBootstrap(context, 'api');
  await waitForCluster({
    provider: context.provider,
    api,
    queryNode: bootstrapNode(context.plan).name,
    nodeNames: kubernetesNodes(context.plan).map((node) => node.name),
    serviceSubnet: context.plan.spec.spec.networking.serviceSubnet,
    deadline: Date.now() + context.waitTimeoutMs,
    signal: context.signal,
    log: context.log,
  });
  const workers = context.plan.workers.map((node) => node.name);
  if (workers.length > 0) await labelWorkers(api, workers, context.signal);
}

export const waitReadyStep: Step<BuildContext> = {
  ...createStepName('wait-ready'),
  run: waitReady,
};
