// Stopping a cluster keeps everything (containers, /var volumes, pinned addresses): all
// Kubernetes nodes in parallel (each is bounded by the provider's stop timeout), then the
// load balancer.
import { NotFound } from '../../errors.js';
import { runStep } from '../create/pipeline.js';
import type { NodeRecord, Provider } from '../provider.js';
import { settleAll } from '../settle-all.js';
import type { TaskOptions } from '../types.js';

/** Groups in the order they stop (parallel inside a group). */
export function stopOrder(records: readonly NodeRecord[]): NodeRecord[][] {
  const nodes = records.filter((node) => node.role !== 'load-balancer');
  const balancers = records.filter((node) => node.role === 'load-balancer');
  return [nodes, balancers].filter((group) => group.length > 0);
}

/** Groups in the order they start: load balancer, control planes, then workers. */
export function startOrder(records: readonly NodeRecord[]): NodeRecord[][] {
  const byRole = (role: NodeRecord['role']) => records.filter((node) => node.role === role);
  return [byRole('load-balancer'), byRole('control-plane'), byRole('worker')].filter((group) => group.length > 0);
}

/** Stop every container of the cluster. */
export async function stopCluster(provider: Provider, name: string, options: TaskOptions = {}): Promise<void> {
  const records = await provider.listNodes(name);
  if (records.length === 0)
    throw new NotFound(`cluster "${name}" not found`, { hint: 'list clusters with `slipway list`' });
  const step = {
    id: 'stop-nodes',
    title: 'Stopping nodes',
    run: async () => {
      for (const group of stopOrder(records)) await settleAll(group.map((node) => provider.stopNode(node.name)));
    },
  };
  await runStep(step, undefined, { listener: options.onProgress, signal: options.signal });
}
