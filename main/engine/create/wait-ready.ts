// Step "wait-ready": every node Ready and CoreDNS answering, within --wait (0 skips it).
import { bootstrapNode, kubernetesNodes } from '../plan/types.js';
import { waitForCluster } from '../wait-for-cluster.js';
import { fromBootstrap, type BuildContext } from './context.js';
import type { Step } from './pipeline.js';

async function waitReady(context: BuildContext): Promise<void> {
  if (context.waitTimeoutMs <= 0) {
    context.log('not waiting (--wait 0)');
    return;
  }
  await waitForCluster({
    provider: context.provider,
    api: fromBootstrap(context, 'api'),
    queryNode: bootstrapNode(context.plan).name,
    nodeNames: kubernetesNodes(context.plan).map((node) => node.name),
    serviceSubnet: context.plan.spec.spec.networking.serviceSubnet,
    deadline: Date.now() + context.waitTimeoutMs,
    signal: context.signal,
    log: context.log,
  });
}

export const waitReadyStep: Step<BuildContext> = {
  id: 'wait-ready',
  title: 'Waiting for nodes Ready and CoreDNS',
  run: waitReady,
};
