// Step "network": the cluster's own bridge network with a fixed subnet. If the engine says the
// range overlaps (another tool created a network since preflight), re-plan on the next one.
import { SlipwayError } from '../../errors.js';
import { planCluster } from '../plan/plan-cluster.js';
import { chooseSubnet } from '../../lib/subnet.js';
import { SubnetOverlap } from '../provider.js';
import type { BuildContext } from './context.js';
import type { Step } from './pipeline.js';
import { createStepName } from './steps.js';

const ATTEMPTS = 5;

async function createNetwork(context: BuildContext): Promise<void> {
  const refused: string[] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      await context.provider.createNetwork(context.plan.name, context.plan.network);
      context.log(`network ${context.plan.network.name} ${context.plan.network.subnet}`);
      return;
    } catch (error) {
      if (!(error instanceof SubnetOverlap)) throw error;
      refused.push(context.plan.network.subnet);
      const spec = context.plan.spec;
      const inUse = [
        ...(await context.provider.subnetsInUse()),
        ...refused,
        spec.spec.networking.podSubnet,
        spec.spec.networking.serviceSubnet,
      ];
      const subnet = chooseSubnet(context.plan.name, inUse);
      if (!subnet) break;
      context.plan = planCluster(spec, { subnet, apiServerPort: context.plan.api.hostPort });
    }
  }
  throw new SlipwayError(`Docker refused every subnet tried for the cluster network (${refused.join(', ')})`, {
    hint: 'remove unused Docker networks (docker network prune)',
  });
}

export const createNetworkStep: Step<BuildContext> = {
  ...createStepName('network'),
  run: createNetwork,
};
