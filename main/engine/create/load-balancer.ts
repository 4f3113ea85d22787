// Step "load-balancer" (HA only): point the load balancer at every control plane and reload it,
// before kubeadm init, because the bootstrap node reaches its own API through it.
import { HAPROXY_CONFIG_PATH, haproxyConfig } from '../lb-config.js';
import { runInNode } from '../node-exec.js';
import type { BuildContext } from './context.js';
import type { Step } from './pipeline.js';
import { createStepName } from './steps.js';

async function configureLoadBalancer(context: BuildContext): Promise<void> {
  const lb = context.plan.loadBalancer;
  if (!lb) return;
  const config = haproxyConfig(context.plan.controlPlanes);
  const write = `mkdir -p "$(dirname ${HAPROXY_CONFIG_PATH})" && cat > ${HAPROXY_CONFIG_PATH} && kill -s HUP 1`;
  await runInNode(context.provider, lb.name, ['sh', '-c', write], { stdin: config, signal: context.signal });
  context.log(`${lb.name} balances ${String(context.plan.controlPlanes.length)} control planes`);
}

export const loadBalancerStep: Step<BuildContext> = {
  ...createStepName('load-balancer'),
  run: configureLoadBalancer,
};
