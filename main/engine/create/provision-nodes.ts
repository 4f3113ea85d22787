// Step "provision-nodes": every node container (and the HA load balancer) is created and
// booted in parallel; the first failure fails the step.
import { Label } from '../labels.js';
import { allNodes, bootstrapNode, type ClusterPlan, type NodePlan } from '../plan/types.js';
import type { BuildContext } from './context.js';
import type { Step } from './pipeline.js';
import { settleAll } from '../settle-all.js';
import { installServiceGuard, type ApiEndpoint } from '../service-guard.js';
import { API_SERVER_PORT } from '../plan/plan-cluster.js';
import { createStepName } from './steps.js';

/** Labels of one container: shared ones, plus the creation spec on control planes. */
function labelsFor(context: BuildContext, node: NodePlan): Record<string, string> {
  if (node.role !== 'control-plane') return context.labels;
  return { ...context.labels, [Label.spec]: JSON.stringify(context.plan.spec) };
}

/** Where nodes reach the API server: the load balancer in HA, else the only control plane. */
function apiEndpointOf(plan: ClusterPlan): ApiEndpoint {
  return { address: (plan.loadBalancer ?? bootstrapNode(plan)).ipv4, port: API_SERVER_PORT };
}

async function provisionNodes(context: BuildContext): Promise<void> {
  await settleAll(
    allNodes(context.plan).map(async (node) => {
      const image = node.role === 'load-balancer' ? (context.loadBalancerImage ?? '') : context.nodeImage;
      await context.provider.provisionNode(context.plan, node, {
        image,
        security: context.security,
        labels: labelsFor(context, node),
        signal: context.signal,
      });
      if (node.role !== 'load-balancer')
        await installServiceGuard(
          context.provider,
          node.name,
          context.plan.spec.spec.networking.serviceSubnet,
          apiEndpointOf(context.plan),
          context.signal,
        );
      context.log(`${node.name} up at ${node.ipv4}`);
    }),
  );
}

export const provisionNodesStep: Step<BuildContext> = {
  ...createStepName('provision-nodes'),
  run: provisionNodes,
};
